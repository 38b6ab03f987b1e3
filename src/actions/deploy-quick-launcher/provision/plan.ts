import type { DataStorageVO, MetadataValue, PipelineUser, Preference, Tool, ToolVO } from '../../../cloud-pipeline/types.js';
import type { HomeTemplateExtras } from './home-storage.js';
import type { PreferenceSetting } from './parse-inputs.js';
import type { DesiredTool } from './tools-manifest.js';

/**
 * One mutating call (or a short chain the API needs, see `create-user`). An id left undefined
 * is taken from an earlier step of the same group (a user or storage created just before).
 */
export type Step =
  | { kind: 'set-preferences'; preferences: Preference[] }
  | { kind: 'create-user'; user: string; roleIds: number[]; roles: string[]; home: DataStorageVO; extras: HomeTemplateExtras }
  | { kind: 'set-user-roles'; user: string; userId: number; roleIds: number[]; roles: string[] }
  | { kind: 'create-home-storage'; user: string; storage: DataStorageVO }
  | { kind: 'apply-home-template'; user: string; storageId?: number; storageName: string; extras: HomeTemplateExtras }
  | { kind: 'set-default-storage'; user: string; userId?: number; storageId?: number; storageName: string }
  | { kind: 'set-storage-owner'; user: string; storageId?: number; storageName: string }
  | { kind: 'create-folders'; user: string; storageId?: number; storageName: string; folders: string[] }
  | { kind: 'register-tool'; label: string; tool: ToolVO }
  | { kind: 'update-tool'; label: string; tool: Tool; changed: string[] }
  | { kind: 'set-tool-icon'; label: string; toolId?: number; icon: NonNullable<DesiredTool['icon']> }
  | { kind: 'update-tool-metadata'; label: string; toolId?: number; keys: Record<string, string> };

/** A step as shown in the plan output and the summary. */
export interface PlannedCall {
  phase: string;
  method: string;
  path: string;
  summary: string;
}

const idOr = (id: number | undefined, what: string) => (id === undefined ? `{${what}}` : String(id));

/** Preferences whose change reaches every user of the site, said so in the plan and summary. */
export const SITE_WIDE: Record<string, string> = {
  'storage.user.home.auto': 'site-wide: every user Cloud Pipeline creates from now on gets a home storage',
};

const describeExtras = (extras: HomeTemplateExtras) =>
  [Object.keys(extras.metadata).length > 0 ? `metadata ${Object.keys(extras.metadata).join(', ')}` : '', extras.permissions.length > 0 ? `${extras.permissions.length} permission(s)` : '']
    .filter((part) => part !== '')
    .join(' and ');

/** The call a step makes, for the plan (no secrets: steps carry none). */
export function describeStep(phase: string, step: Step): PlannedCall {
  const call = (method: string, path: string, summary: string): PlannedCall => ({ phase, method, path, summary });
  switch (step.kind) {
    case 'set-preferences':
      return call('POST', '/preferences', `set ${step.preferences.map((p) => (SITE_WIDE[p.name] ? `${p.name}=${p.value} (${SITE_WIDE[p.name]})` : p.name)).join(', ')}`);
    case 'create-user':
      return call('POST', '/user', `create user ${step.user} (${step.roles.join(', ')}) with home storage ${step.home.name}`);
    case 'set-user-roles':
      return call('POST', `/user/${step.userId}/update`, `give ${step.user} the roles ${step.roles.join(', ')}`);
    case 'create-home-storage':
      return call('POST', '/datastorage/save', `create home storage ${step.storage.name} for ${step.user}`);
    case 'apply-home-template':
      return call('POST', '/metadata/updateKeys', `apply the home template's ${describeExtras(step.extras)} to ${step.storageName}`);
    case 'set-default-storage':
      return call('PUT', `/user/${idOr(step.userId, step.user)}`, `make ${step.storageName} the default storage of ${step.user}`);
    case 'set-storage-owner':
      return call('POST', '/grant/owner', `make ${step.user} the owner of ${step.storageName}`);
    case 'create-folders':
      return call('POST', `/datastorage/${idOr(step.storageId, step.storageName)}/list`, `create ${step.folders.length} folder(s) in ${step.storageName}: ${step.folders.join(', ')}`);
    case 'register-tool':
      return call('POST', '/tool/register', `register tool ${step.label}`);
    case 'update-tool':
      return call('POST', '/tool/update', `update tool ${step.label} (${step.changed.join(', ')})`);
    case 'set-tool-icon':
      return call('POST', `/tool/${idOr(step.toolId, step.label)}/icon`, `set the icon of ${step.label} (${step.icon.filename})`);
    case 'update-tool-metadata':
      return call('POST', '/metadata/updateKeys', `set metadata ${Object.keys(step.keys).join(', ')} on tool ${step.label}`);
  }
}

/** Preferences whose value differs from what the API holds, sent in one call. */
export function planPreferences(desired: PreferenceSetting[], observed: Preference[]): Step[] {
  const current = new Map(observed.map((preference) => [preference.name, preference]));
  const changed = desired
    .filter((setting) => !sameValue(setting, current.get(setting.name)?.value))
    .map((setting) => ({ name: setting.name, value: setting.value, type: setting.type, visible: current.get(setting.name)?.visible ?? false }));
  return changed.length === 0 ? [] : [{ kind: 'set-preferences', preferences: changed }];
}

/** JSON values compare by content (the API may reformat them), others as strings. */
function sameValue(setting: PreferenceSetting, observed: string | undefined): boolean {
  if (observed === undefined) return false;
  if (setting.type !== 'OBJECT') return setting.value === observed;
  try {
    return JSON.stringify(JSON.parse(setting.value)) === JSON.stringify(JSON.parse(observed));
  } catch {
    return false;
  }
}

/** A system user: created when missing, given the missing roles when present. */
export function planSystemUser(
  desired: { name: string; roleIds: number[]; roles: string[]; home: DataStorageVO; extras: HomeTemplateExtras },
  observed: PipelineUser | undefined,
): Step[] {
  if (!observed || observed.userName.toUpperCase() !== desired.name.toUpperCase()) {
    return [{ kind: 'create-user', user: desired.name, roleIds: desired.roleIds, roles: desired.roles, home: desired.home, extras: desired.extras }];
  }
  const held = observed.roles.map((role) => role.id);
  if (desired.roleIds.every((id) => held.includes(id))) return [];
  const roleIds = [...new Set([...held, ...desired.roleIds])];
  const names = [...new Set([...observed.roles.map((role) => role.name), ...desired.roles])];
  return [{ kind: 'set-user-roles', user: observed.userName, userId: observed.id, roleIds, roles: names }];
}

/** What was read about one user's home. */
export interface ObservedHome {
  user: string;
  /** Undefined when the user does not exist yet (dry run before it is created). */
  userId?: number;
  /** The default storage, when the user has one. */
  storage?: { id: number; name: string; owner?: string };
  /** A storage with the home storage's name, when the user has no default storage. */
  storageByName?: { id: number; name: string; owner?: string };
  /** Folders of the hierarchy not present in the storage found (all when there is none). */
  missingFolders: string[];
}

/** The steps that give one user a default home storage holding the hierarchy's folders. */
export function planHome(observed: ObservedHome, home: DataStorageVO, extras: HomeTemplateExtras = { metadata: {}, permissions: [] }): Step[] {
  const { user } = observed;
  const folders = (storageId: number | undefined, storageName: string): Step[] =>
    observed.missingFolders.length === 0 ? [] : [{ kind: 'create-folders', user, storageId, storageName, folders: observed.missingFolders }];
  if (observed.storage) return folders(observed.storage.id, observed.storage.name);
  // A user created earlier in this run (dry run): its create-user step brings the home storage.
  if (observed.userId === undefined) return folders(undefined, `the home storage of ${user}`);
  const found = observed.storageByName;
  const storageName = found?.name ?? home.name;
  const steps: Step[] = found ? [] : [{ kind: 'create-home-storage', user, storage: home }];
  // Upstream applies the template's metadata and permissions to a home it creates (DataStorageManager.java:515-519).
  if (!found && (Object.keys(extras.metadata).length > 0 || extras.permissions.length > 0)) steps.push({ kind: 'apply-home-template', user, storageName, extras });
  steps.push({ kind: 'set-default-storage', user, userId: observed.userId, storageId: found?.id, storageName });
  if (!found || found.owner?.toUpperCase() !== user.toUpperCase()) steps.push({ kind: 'set-storage-owner', user, storageId: found?.id, storageName });
  return [...steps, ...folders(found?.id, storageName)];
}

/** What was read about one tool. */
export interface ObservedTool {
  tool?: Tool;
  /** Set only when the tool has an icon (`hasIcon`): without one the API has no icon to give. */
  iconSha256?: string;
  metadata: Record<string, MetadataValue>;
  /** For a tool not found: what `/tool/register` needs (a resolved tool group, cpu and ram). */
  registration?: { toolGroupId: number; registryId: number; cpu: string; ram: string };
}

const TOOL_FIELDS = ['shortDescription', 'description', 'disk', 'endpoints', 'defaultCommand', 'instanceType'] as const;

/** Absent, null, '' and [] are one value: the API leaves them all out (NON_EMPTY). */
const normal = (value: unknown) => (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) ? undefined : JSON.stringify(value));

/**
 * Registers (only with a resolved group, cpu and ram) or updates a tool, then its icon and
 * metadata keys, each only when it differs. `/tool/update` replaces every field it carries
 * (`ToolManager.java:200-226`), so the update sends the whole loaded tool with the desired
 * fields laid over it: labels, flags, cpu and ram survive.
 */
export function planTool(desired: DesiredTool, observed: ObservedTool): Step[] {
  const steps: Step[] = [];
  const label = desired.label;
  if (!observed.tool) {
    if (!observed.registration) throw new Error(`internal: tool ${label} is neither found nor registrable`);
    const { toolGroupId, registryId, cpu, ram } = observed.registration;
    steps.push({ kind: 'register-tool', label, tool: { ...desired.fields, toolGroupId, registryId, cpu, ram } });
  } else {
    const current = observed.tool;
    const changed = TOOL_FIELDS.filter((field) => desired.fields[field] !== undefined && normal(desired.fields[field]) !== normal(current[field]));
    if (changed.length > 0) {
      const overlay = Object.fromEntries(TOOL_FIELDS.filter((field) => desired.fields[field] !== undefined).map((field) => [field, desired.fields[field]]));
      steps.push({ kind: 'update-tool', label, tool: { ...current, ...overlay }, changed });
    }
  }
  const toolId = observed.tool?.id;
  if (desired.icon && desired.icon.sha256 !== observed.iconSha256) steps.push({ kind: 'set-tool-icon', label, toolId, icon: desired.icon });
  const keys = Object.fromEntries(Object.entries(desired.metadata).filter(([key, value]) => observed.metadata[key]?.value !== value));
  if (Object.keys(keys).length > 0) steps.push({ kind: 'update-tool-metadata', label, toolId, keys });
  return steps;
}
