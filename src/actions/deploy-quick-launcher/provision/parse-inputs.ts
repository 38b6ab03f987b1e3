import { InputError } from '../../../lib/errors.js';
import type { PreferenceType } from '../../../cloud-pipeline/types.js';
import { JsonSyntaxError, parseJson } from '../../../lib/json.js';
import { ANONYMOUS_TOKEN_ROLES } from './anonymous-token.js';

/** Which users get the home folder hierarchy: nobody, the system users, or every user. */
export type SyncHomeFolders = 'none' | 'system' | 'all';
const SYNC_HOME_FOLDERS: readonly SyncHomeFolders[] = ['none', 'system', 'all'];

/** The three system users of the Quick Launcher (SPEC §6). */
export type SystemUserKind = 'service' | 'admin' | 'anonymous';

export interface SystemUser {
  kind: SystemUserKind;
  name: string;
  /** Role names, `ROLE_` prefixed. */
  roles: string[];
}

/**
 * The defaults: SHINY_PORTAL owns published apps, the anonymous user's token goes into the
 * launcher. That token must reach the launcher's calls, secured resources needing ROLE_USER
 * besides ROLE_ANONYMOUS_USER (see ANONYMOUS_TOKEN_ROLES in anonymous-token.ts).
 */
export const DEFAULT_SYSTEM_USERS: readonly SystemUser[] = [
  { kind: 'service', name: 'SHINY_PORTAL', roles: ['ROLE_USER'] },
  { kind: 'admin', name: 'SHINY_PORTAL_ADMIN_USER', roles: ['ROLE_ADMIN'] },
  { kind: 'anonymous', name: 'SHINY_PORTAL_ANONYMOUS_USER', roles: ['ROLE_ANONYMOUS_USER', 'ROLE_USER'] },
];

/** A Cloud Pipeline user name: letters, digits and `._@-`, as IdP names are. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const ROLE_NAME = /^ROLE_[A-Z0-9_]+$/;

/** Checks one user name, naming the input on failure. */
export function checkUserName(name: string, input = 'system-users'): string {
  if (!USER_NAME.test(name)) {
    throw new InputError(input, `'${name}' is not a valid user name (letters, digits, '.', '_', '@', '-'; at most 128 characters; starting with a letter or digit)`);
  }
  return name;
}

/**
 * Parses the `system-users` input: lines `service|admin|anonymous = NAME[:ROLE,ROLE…]`, each
 * overriding that user's default. A role without the `ROLE_` prefix gets it, as the API does.
 * The anonymous user always holds ROLE_ANONYMOUS_USER and ROLE_USER (what its token needs).
 */
export function parseSystemUsers(text: string, input = 'system-users'): SystemUser[] {
  const users = new Map(DEFAULT_SYSTEM_USERS.map((user) => [user.kind, { ...user, roles: [...user.roles] }]));
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    const match = /^([a-z]+)\s*=\s*([^:\s]*)\s*(?::(.*))?$/.exec(line);
    if (!match) throw new InputError(input, `${where}: expected 'service|admin|anonymous=NAME[:ROLE,ROLE]', got '${line}'`);
    const kind = match[1] as SystemUserKind;
    const user = users.get(kind);
    if (!user) throw new InputError(input, `${where}: '${match[1]}' is not one of service, admin, anonymous`);
    user.name = checkUserName(match[2] ?? '', input);
    if (match[3] !== undefined) {
      const roles = match[3]
        .split(',')
        .map((role) => role.trim())
        .filter((role) => role !== '')
        .map((role) => (role.startsWith('ROLE_') ? role : `ROLE_${role}`));
      for (const role of roles) {
        if (!ROLE_NAME.test(role)) throw new InputError(input, `${where}: '${role}' is not a valid role name (ROLE_ followed by A-Z, 0-9, _)`);
      }
      user.roles = roles;
    }
  });
  const anonymous = users.get('anonymous');
  for (const role of ANONYMOUS_TOKEN_ROLES) if (anonymous && !anonymous.roles.includes(role)) anonymous.roles.push(role);
  const result = [...users.values()];
  // The API upper-cases names and compares them case-insensitively (UserManager.java:684, user-dao.xml).
  const names = result.map((user) => user.name.toUpperCase());
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new InputError(input, `'${duplicate}' is given for two system users; each needs its own name`);
  return result;
}

/** One extra preference: its value as the API stores it (a string) and its type. */
export interface PreferenceSetting {
  name: string;
  value: string;
  type: PreferenceType;
}

const PREFERENCE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** The type the API should give a preference value: BOOLEAN, INTEGER, FLOAT, OBJECT (JSON object/array) or STRING. */
function preferenceTypeOf(value: string): PreferenceType {
  if (value === 'true' || value === 'false') return 'BOOLEAN';
  if (/^-?\d+$/.test(value)) return 'INTEGER';
  if (/^-?\d+\.\d+$/.test(value)) return 'FLOAT';
  if (/^\s*[[{]/.test(value)) return 'OBJECT';
  return 'STRING';
}

/**
 * Parses the `preferences` input: `name=value` lines (dotted names such as `launch.max.runs`;
 * blank lines and `#` comments skipped). A value that starts with `{` or `[` must be valid JSON.
 */
export function parsePreferences(text: string, input = 'preferences'): PreferenceSetting[] {
  const settings = new Map<string, PreferenceSetting>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const name = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!PREFERENCE_NAME.test(name)) throw new InputError(input, `line ${index + 1}: expected 'preference.name=value', got '${line}'`);
    const value = line.slice(equals + 1).trim();
    const type = preferenceTypeOf(value);
    if (type === 'OBJECT') checkJson(value, input, `line ${index + 1} (${name})`);
    settings.set(name, { name, value, type });
  });
  return [...settings.values()];
}

/** Parses `sync-home-folders` (default `system`). */
export function parseSyncHomeFolders(text: string, input = 'sync-home-folders'): SyncHomeFolders {
  const value = text.trim() === '' ? 'system' : text.trim();
  if (!(SYNC_HOME_FOLDERS as readonly string[]).includes(value)) throw new InputError(input, `'${value}' is not one of ${SYNC_HOME_FOLDERS.join(', ')}`);
  return value as SyncHomeFolders;
}

/**
 * Parses a `storage.user.home.auto` input: '' leaves the decision to provisioning (switched on
 * while the site has never set it), `true`/`false` set it either way (a site-wide change).
 */
export function parseHomeAuto(text: string, input = 'home-storage-auto'): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InputError(input, `'${text.trim()}' is not true, false or empty`);
}

/** Kubernetes-style quantities as Cloud Pipeline stores a tool's cpu (`1`, `500m`) and ram (`4Gi`). */
const CPU = /^\d+(\.\d+)?m?$/;
const RAM = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

/**
 * Parses the cpu and ram that let provisioning register a tool its push did not create
 * (`/tool/register` needs both, `ToolManager.java:151-154`); both empty means never register.
 */
export function parseToolRegistration(cpu: string, ram: string, inputs = { cpu: 'tool-cpu', ram: 'tool-ram' }): { cpu: string; ram: string } | undefined {
  const [c, r] = [cpu.trim(), ram.trim()];
  if (c === '' && r === '') return undefined;
  if (c === '') throw new InputError(inputs.cpu, `is required when '${inputs.ram}' is given (a tool is registered with both)`);
  if (r === '') throw new InputError(inputs.ram, `is required when '${inputs.cpu}' is given (a tool is registered with both)`);
  if (!CPU.test(c)) throw new InputError(inputs.cpu, `'${c}' is not a cpu quantity such as 1, 0.5 or 500m`);
  if (!RAM.test(r)) throw new InputError(inputs.ram, `'${r}' is not a memory quantity such as 4Gi or 512Mi`);
  return { cpu: c, ram: r };
}

/**
 * Checks the `home-storage-template` input (`storage.user.home.template`, a DataStorageTemplate:
 * `{"datastorage": {"name": "@@-home", …}, "permissions": […], "metadata": {…}}`) and returns it
 * unchanged.
 */
export function parseHomeStorageTemplate(text: string, input = 'home-storage-template'): string {
  const value = checkJson(text, input, 'the template') as { datastorage?: { name?: unknown } } | null;
  if (typeof value !== 'object' || value === null || typeof value.datastorage?.name !== 'string' || value.datastorage.name === '') {
    throw new InputError(input, `expected {"datastorage": {"name": "@@-home", …}, …}: datastorage.name is missing`);
  }
  if (!value.datastorage.name.includes('@@')) throw new InputError(input, `datastorage.name '${value.datastorage.name}' must contain '@@' (the user name), or every user would share one storage`);
  return text.trim();
}

function checkJson(text: string, input: string, what: string): unknown {
  try {
    return parseJson(text, input);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.location;
    throw new InputError(input, `${what}: not valid JSON at line ${line}, column ${column}`);
  }
}
