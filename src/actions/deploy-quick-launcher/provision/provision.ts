import { ConfigurationError, InputError } from '../../../lib/errors.js';
import type { Logger } from '../../../lib/logger.js';
import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import type { DataStorageVO, PipelineUser, Preference, Role } from '../../../cloud-pipeline/types.js';
import { countPlanned, emptyCounts, executeStep, type GroupContext, type ProvisionCounts } from './execute.js';
import { type HomeHierarchy, foldersFor, validateHomeHierarchy } from './hierarchy.js';
import { observeHome, observeTool } from './observe.js';
import {
  DEFAULT_SYSTEM_USERS,
  type PreferenceSetting,
  type SyncHomeFolders,
  type SystemUser,
  checkUserName,
  parseHomeStorageTemplate,
} from './parse-inputs.js';
import { type PlannedCall, type Step, describeStep, planHome, planPreferences, planSystemUser, planTool } from './plan.js';
import { forEachBounded } from './pool.js';
import type { DesiredTool } from './tools-manifest.js';

/** What the Cloud Pipeline side should look like (SPEC §6 "Provisioning"). */
export interface DesiredState {
  /** `storage.user.home.auto` (default true: the API creates a home storage for each new user). */
  homeAuto?: boolean;
  /** `storage.user.home.template` JSON, when given. */
  homeStorageTemplate?: string;
  /** `storage.user.home.hierarchy.template`, published and applied to home storages. */
  homeHierarchy?: HomeHierarchy;
  /** Any other preferences. */
  preferences?: PreferenceSetting[];
  /** Default: SHINY_PORTAL, SHINY_PORTAL_ADMIN_USER, SHINY_PORTAL_ANONYMOUS_USER. */
  systemUsers?: SystemUser[];
  /** Default `system`. */
  syncHomeFolders?: SyncHomeFolders;
  tools?: DesiredTool[];
  /** Lifetime of the anonymous user's token (the API's default when absent). */
  anonymousTokenExpirationSeconds?: number;
}

export interface ProvisionOptions {
  /** Calls in flight at once for per-user and per-tool work (default 16). */
  concurrency?: number;
  /** Read only and return the plan. */
  dryRun?: boolean;
  logger?: Logger;
}

export interface ProvisionResult {
  /** True when something was (or, in a dry run, would be) changed. */
  changed: boolean;
  dryRun: boolean;
  /** Every mutating call made, or that a dry run would make, in order. */
  plan: PlannedCall[];
  counts: ProvisionCounts;
  /** Users whose home was checked. */
  usersScanned: number;
  /** The anonymous user's token for `anonymousAccess.token`: a secret, mask it, never log it. */
  anonymousToken?: string;
  /** API requests sent and retries made by this run. */
  requests: { total: number; retries: number };
}

export const DEFAULT_CONCURRENCY = 16;
export const HIERARCHY_PREFERENCE = 'storage.user.home.hierarchy.template';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warning: () => undefined, group: (_title, fn) => fn() };

/** The home storage upstream would create for `userName`: from the template, or `@@-home`. */
export function homeStorageFor(userName: string, template: string | undefined): DataStorageVO {
  if (template) {
    const parsed = JSON.parse(template.split('@@').join(userName)) as { datastorage?: DataStorageVO };
    if (parsed.datastorage?.name) return parsed.datastorage;
  }
  return { name: `${userName}-home`, path: `${userName}-home`, description: `Home folder for user ${userName}` };
}

/** The preferences to publish, in SPEC order. */
export function desiredPreferences(desired: DesiredState): PreferenceSetting[] {
  const settings: PreferenceSetting[] = [{ name: 'storage.user.home.auto', value: String(desired.homeAuto ?? true), type: 'BOOLEAN' }];
  if (desired.homeStorageTemplate) settings.push({ name: 'storage.user.home.template', value: desired.homeStorageTemplate, type: 'OBJECT' });
  if (desired.homeHierarchy) settings.push({ name: HIERARCHY_PREFERENCE, value: JSON.stringify(desired.homeHierarchy), type: 'OBJECT' });
  return [...settings, ...(desired.preferences ?? [])];
}

/**
 * Provisions the Cloud Pipeline side of the Quick Launcher, idempotently (find before create):
 * preferences, system users with home storages, home folders (`syncHomeFolders`), tools, then
 * the anonymous user's token. Everything is checked (inputs, token, roles) before the first
 * mutating call; with `dryRun` nothing mutating is sent and the plan is returned.
 */
export async function provision(client: CloudPipelineClient, desired: DesiredState, options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const logger = options.logger ?? quiet;
  const dryRun = options.dryRun ?? false;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const counts = emptyCounts();
  const plan: PlannedCall[] = [];
  const statsBefore = client.stats;

  // Preflight: everything that can refuse the run, before anything is changed.
  if (desired.homeHierarchy) validateHomeHierarchy(desired.homeHierarchy);
  if (desired.homeStorageTemplate) parseHomeStorageTemplate(desired.homeStorageTemplate);
  const systemUsers = desired.systemUsers ?? DEFAULT_SYSTEM_USERS;
  for (const user of systemUsers) checkUserName(user.name);
  const me = await client.users.whoami();
  if (!me.roles.some((role) => role.name === 'ROLE_ADMIN')) {
    throw new ConfigurationError(`the API token belongs to ${me.userName}, who does not hold ROLE_ADMIN; provisioning needs an admin token`);
  }
  const roles = await client.roles.list();
  const roleIds = new Map(systemUsers.map((user) => [user, user.roles.map((name) => roleId(roles, name, user.name))]));
  const observedPreferences: Preference[] = await client.preferences.list();
  const homeTemplate = desired.homeStorageTemplate ?? observedPreferences.find((p) => p.name === 'storage.user.home.template')?.value;
  const folderTemplate = desired.homeHierarchy;

  // Runs one group of steps (one user, one tool) in order, or only records it in a dry run.
  const run = async (phase: string, steps: Step[]) => {
    const calls = steps.map((step) => describeStep(phase, step));
    if (dryRun) {
      countPlanned(steps, counts);
      return calls;
    }
    const context: GroupContext = {};
    for (const [index, step] of steps.entries()) {
      logger.debug(`${calls[index]?.method} ${calls[index]?.path}: ${calls[index]?.summary}`);
      await executeStep(client, step, context, counts);
    }
    return calls;
  };
  const runAll = async <T>(phase: string, items: T[], planOne: (item: T) => Promise<Step[]>) => {
    const perItem: PlannedCall[][] = new Array<PlannedCall[]>(items.length);
    const indexed = items.map((item, index) => ({ item, index }));
    await forEachBounded(indexed, concurrency, async ({ item, index }) => {
      perItem[index] = await run(phase, await planOne(item));
    });
    for (const calls of perItem) plan.push(...(calls ?? []));
  };

  await logger.group('Cloud Pipeline: preferences', async () => {
    plan.push(...(await run('preferences', planPreferences(desiredPreferences(desired), observedPreferences))));
    logger.info(`preferences: ${counts.preferencesSet} ${dryRun ? 'to set' : 'set'}`);
  });

  await logger.group('Cloud Pipeline: system users', async () => {
    await runAll('system users', [...systemUsers], async (user) =>
      planSystemUser({ name: user.name, roleIds: roleIds.get(user) ?? [], roles: user.roles, home: homeStorageFor(user.name, homeTemplate) }, await client.users.find(user.name)),
    );
    logger.info(`system users: ${counts.usersCreated} ${dryRun ? 'to create' : 'created'}, ${counts.usersUpdated} ${dryRun ? 'to update' : 'updated'}`);
  });

  let usersScanned = 0;
  await logger.group(`Cloud Pipeline: home storages and folders (${desired.syncHomeFolders ?? 'system'})`, async () => {
    const sync = desired.syncHomeFolders ?? 'system';
    const targets = await homeTargets(client, sync, systemUsers);
    usersScanned = targets.length;
    const before = { ...counts };
    await runAll('home folders', targets, async (user) => {
      const withFolders = sync !== 'none' && folderTemplate !== undefined;
      const folders = withFolders ? foldersFor(folderTemplate, user.userName) : [];
      const home = homeStorageFor(user.userName, homeTemplate);
      return planHome(await observeHome(client, user, home, folders), home);
    });
    logger.info(
      `home: ${usersScanned} users checked, ${counts.storagesCreated - before.storagesCreated} storages and ` +
        `${counts.foldersCreated - before.foldersCreated} folders ${dryRun ? 'to create' : 'created'}`,
    );
  });

  await logger.group('Cloud Pipeline: tools', async () => {
    await runAll('tools', desired.tools ?? [], async (tool) => planTool(tool, await observeTool(client, tool)));
    logger.info(`tools: ${counts.toolsRegistered} ${dryRun ? 'to register' : 'registered'}, ${counts.toolsUpdated} ${dryRun ? 'to update' : 'updated'}`);
  });

  let anonymousToken: string | undefined;
  const anonymous = systemUsers.find((user) => user.kind === 'anonymous');
  if (anonymous && !dryRun) {
    anonymousToken = await client.users.token(anonymous.name, desired.anonymousTokenExpirationSeconds);
    logger.info(`anonymous access: token of ${anonymous.name} fetched`);
  }

  const stats = client.stats;
  const requests = { total: stats.requests - statsBefore.requests, retries: stats.retries - statsBefore.retries };
  return { changed: plan.length > 0, dryRun, plan, counts, usersScanned, anonymousToken, requests };
}

function roleId(roles: Role[], name: string, user: string): number {
  const role = roles.find((candidate) => candidate.name === name);
  if (!role) {
    throw new InputError('system-users', `role '${name}' of ${user} does not exist in Cloud Pipeline (known: ${roles.map((r) => r.name).join(', ')})`);
  }
  return role.id;
}

type HomeTarget = PipelineUser | { userName: string; id?: undefined; defaultStorageId?: undefined };

/** The users whose home to check: the system users, or every user (paging through /users). */
async function homeTargets(client: CloudPipelineClient, sync: SyncHomeFolders, systemUsers: readonly SystemUser[]): Promise<HomeTarget[]> {
  const system = await Promise.all(systemUsers.map(async (user) => (await client.users.find(user.name)) ?? { userName: user.name }));
  if (sync !== 'all') return system;
  const everyone: HomeTarget[] = await client.users.list();
  const known = new Set(everyone.map((user) => user.userName.toUpperCase()));
  // In a dry run the system users may not exist yet; they still belong in the plan.
  return [...everyone, ...system.filter((user) => !known.has(user.userName.toUpperCase()))];
}
