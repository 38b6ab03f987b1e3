import { ConfigurationError, InputError } from '../../../lib/errors.js';
import type { Logger } from '../../../lib/logger.js';
import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import type { PipelineUser, Preference, Role } from '../../../cloud-pipeline/types.js';
import { countPlanned, emptyCounts, executeStep, type GroupContext, type ProvisionCounts } from './execute.js';
import { type HomeHierarchy, foldersFor, validateHomeHierarchy } from './hierarchy.js';
import { liveTokenProblem } from './anonymous-token.js';
import { type HomeStorage, homeStorageOf } from './home-storage.js';
import { observeHome } from './observe.js';
import { observeTool } from './observe-tools.js';
import {
  DEFAULT_SYSTEM_USERS,
  type PreferenceSetting,
  type SyncHomeFolders,
  type SystemUser,
  checkUserName,
  parseHomeStorageTemplate,
} from './parse-inputs.js';
import { type ObservedTool, type PlannedCall, SITE_WIDE, type Step, describeStep, planHome, planPreferences, planSystemUser, planTool } from './plan.js';
import { forEachBounded } from './pool.js';
import { Progress, type ProgressOptions } from './progress.js';
import type { DesiredTool } from './tools-manifest.js';

/** What the Cloud Pipeline side should look like (SPEC §6 "Provisioning"). */
export interface DesiredState {
  /**
   * `storage.user.home.auto`, a site-wide switch: the API then creates a home storage for every
   * new user. Given: set to this. Absent: switched on only while the site has never set it
   * (a stored value, true or false, is left alone).
   */
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
  /** The anonymous token live on the Edge: kept while the API accepts it and it stays valid, else renewed. */
  liveAnonymousToken?: string;
  /** A tool still missing after the wait for its push is registered with these; without them the run stops. */
  toolRegistration?: { cpu: string; ram: string };
}

export interface ProvisionOptions {
  /** Calls in flight at once for per-user and per-tool work (default 16; input `home-sync-concurrency`). */
  concurrency?: number;
  /** Read only and return the plan. */
  dryRun?: boolean;
  logger?: Logger;
  /** Longest wait for a pushed image to appear as a tool (default 30 s), and the pause between looks. */
  toolWaitMs?: number;
  toolPollMs?: number;
  /** When the home-folder sync says how far it is (`home folders: n/N users checked`); progress.ts. */
  progress?: ProgressOptions;
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
  /** Why the live anonymous token was replaced, or 'kept' (absent when none was given). */
  anonymousTokenState?: string;
  /** Changes that reach the whole site, for the plan and the summary (e.g. storage.user.home.auto). */
  siteWide?: string[];
  /** API requests sent and retries made by this run. */
  requests: { total: number; retries: number };
}

export const DEFAULT_CONCURRENCY = 16;
const HIERARCHY_PREFERENCE = 'storage.user.home.hierarchy.template';
const HOME_AUTO = 'storage.user.home.auto';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warning: () => undefined, group: (_title, fn) => fn() };

/**
 * The preferences to publish, in SPEC order. `storage.user.home.auto` only when `homeAuto` is
 * given, or (switched on) while `observed` shows no stored value: a system default returned by
 * `GET /preferences` has no createdDate (`PreferenceManager.java:130-136`,
 * `AbstractSystemPreference.java:86-90`). Without `observed`, it is always switched on.
 */
function desiredPreferences(desired: DesiredState, observed?: Preference[]): PreferenceSetting[] {
  const settings: PreferenceSetting[] = [];
  const stored = observed?.some((preference) => preference.name === HOME_AUTO && preference.createdDate !== undefined) ?? false;
  if (desired.homeAuto !== undefined || !stored) settings.push({ name: HOME_AUTO, value: String(desired.homeAuto ?? true), type: 'BOOLEAN' });
  if (desired.homeStorageTemplate) settings.push({ name: 'storage.user.home.template', value: desired.homeStorageTemplate, type: 'OBJECT' });
  if (desired.homeHierarchy) settings.push({ name: HIERARCHY_PREFERENCE, value: JSON.stringify(desired.homeHierarchy), type: 'OBJECT' });
  return [...settings, ...(desired.preferences ?? [])];
}

/**
 * Provisions the Cloud Pipeline side of the Quick Launcher, idempotently (find before create):
 * preferences, system users with home storages, home folders (`syncHomeFolders`), tools, then
 * the anonymous user's token. Everything is checked (inputs, token, roles, the tools) before the
 * first mutating call; with `dryRun` nothing mutating is sent and the plan is returned.
 */
export async function provision(client: CloudPipelineClient, desired: DesiredState, options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const logger = options.logger ?? quiet;
  const dryRun = options.dryRun ?? false;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const counts = emptyCounts();
  const plan: PlannedCall[] = [];
  const statsBefore = client.stats;

  // Preflight: everything that can refuse the run, before anything is changed.
  if (desired.homeHierarchy) await validateHomeHierarchy(desired.homeHierarchy);
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
  const valueOf = (name: string) => observedPreferences.find((p) => p.name === name)?.value || undefined;
  const homeTemplate = desired.homeStorageTemplate ?? valueOf('storage.user.home.template');
  const objectPrefix = valueOf('storage.object.prefix');
  const folderTemplate = desired.homeHierarchy;
  const homeOf = await homeFactory(client, homeTemplate, objectPrefix);
  const lookup = { waitMs: options.toolWaitMs, pollMs: options.toolPollMs, registration: desired.toolRegistration };
  const tools = desired.tools ?? [];
  const observedTools = new Array<ObservedTool>(tools.length);
  await forEachBounded(tools.entries(), concurrency, async ([index, tool]) => {
    observedTools[index] = await observeTool(client, tool, lookup);
  });

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
  const runAll = async <T>(phase: string, items: T[], planOne: (item: T, index: number) => Promise<Step[]>, progress?: Progress) => {
    const perItem: PlannedCall[][] = new Array<PlannedCall[]>(items.length);
    const indexed = items.map((item, index) => ({ item, index }));
    await forEachBounded(indexed, concurrency, async ({ item, index }) => {
      perItem[index] = await run(phase, await planOne(item, index));
      progress?.tick();
    });
    for (const calls of perItem) plan.push(...(calls ?? []));
  };

  const siteWide: string[] = [];
  await logger.group('Cloud Pipeline: preferences', async () => {
    const steps = planPreferences(desiredPreferences(desired, observedPreferences), observedPreferences);
    for (const step of steps) {
      if (step.kind !== 'set-preferences') continue;
      for (const preference of step.preferences) if (SITE_WIDE[preference.name]) siteWide.push(`${preference.name}=${preference.value}: ${SITE_WIDE[preference.name]}`);
    }
    plan.push(...(await run('preferences', steps)));
    logger.info(`preferences: ${counts.preferencesSet} ${dryRun ? 'to set' : 'set'}`);
    for (const note of siteWide) logger.info(`${dryRun ? 'would change' : 'changed'} for the whole site: ${note}`);
  });

  await logger.group('Cloud Pipeline: system users', async () => {
    await runAll('system users', [...systemUsers], async (user) => {
      const home = homeOf(user.name.trim().toUpperCase());
      const observed = await client.users.find(user.name);
      return planSystemUser({ name: user.name, roleIds: roleIds.get(user) ?? [], roles: user.roles, home: home.storage, extras: home.extras }, observed);
    });
    logger.info(`system users: ${counts.usersCreated} ${dryRun ? 'to create' : 'created'}, ${counts.usersUpdated} ${dryRun ? 'to update' : 'updated'}`);
  });

  let usersScanned = 0;
  await logger.group(`Cloud Pipeline: home storages and folders (${desired.syncHomeFolders ?? 'system'})`, async () => {
    const sync = desired.syncHomeFolders ?? 'system';
    const targets = await homeTargets(client, sync, systemUsers, concurrency);
    usersScanned = targets.length;
    const before = { ...counts };
    // A sync over every user of a large site runs for minutes: say how far it is, a line per tenth at most.
    const progress = new Progress(
      targets.length,
      (done, total) =>
        logger.info(
          `home folders: ${done}/${total} users checked (${counts.storagesCreated - before.storagesCreated} storages and ` +
            `${counts.foldersCreated - before.foldersCreated} folders ${dryRun ? 'to create' : 'created'})`,
        ),
      options.progress,
    );
    await runAll(
      'home folders',
      targets,
      async (user) => {
        const withFolders = sync !== 'none' && folderTemplate !== undefined;
        const folders = withFolders ? foldersFor(folderTemplate, user.userName) : [];
        const home = homeOf(user.userName);
        return planHome(await observeHome(client, user, home.storage, folders), home.storage, home.extras);
      },
      progress,
    );
    progress.finish();
  });

  await logger.group('Cloud Pipeline: tools', async () => {
    await runAll('tools', tools, (tool, index) => Promise.resolve(planTool(tool, observedTools[index] ?? { metadata: {} })));
    logger.info(`tools: ${counts.toolsRegistered} ${dryRun ? 'to register' : 'registered'}, ${counts.toolsUpdated} ${dryRun ? 'to update' : 'updated'}`);
  });

  const anonymous = systemUsers.find((user) => user.kind === 'anonymous');
  const token = anonymous && !dryRun ? await anonymousTokenFor(client, anonymous.name, desired, logger) : undefined;

  const stats = client.stats;
  const requests = { total: stats.requests - statsBefore.requests, retries: stats.retries - statsBefore.retries };
  return {
    changed: plan.length > 0,
    dryRun,
    plan,
    counts,
    usersScanned,
    ...(token ? { anonymousToken: token.token, ...(token.state ? { anonymousTokenState: token.state } : {}) } : {}),
    ...(siteWide.length > 0 ? { siteWide } : {}),
    requests,
  };
}

/** The live anonymous token while it stays good, else a fresh one (issued with the roles the user holds now). */
async function anonymousTokenFor(client: CloudPipelineClient, name: string, desired: DesiredState, logger: Logger): Promise<{ token: string; state?: string }> {
  if (desired.liveAnonymousToken) {
    const problem = await liveTokenProblem(client, desired.liveAnonymousToken, name);
    if (problem === undefined) {
      logger.info(`anonymous access: the live token of ${name} is still valid and kept`);
      return { token: desired.liveAnonymousToken, state: 'kept' };
    }
    logger.info(`anonymous access: the live token of ${name} is renewed: ${problem}`);
    return { token: await client.users.token(name, desired.anonymousTokenExpirationSeconds), state: `renewed: ${problem}` };
  }
  const token = await client.users.token(name, desired.anonymousTokenExpirationSeconds);
  logger.info(`anonymous access: token of ${name} fetched`);
  return { token };
}

/** Home storages per user name; a template's parentFolderId is dropped when that folder does not exist (`DataStorageManager.java:509-511`). */
async function homeFactory(client: CloudPipelineClient, template: string | undefined, objectPrefix: string | undefined): Promise<(userName: string) => HomeStorage> {
  const probe = homeStorageOf('@@', template, objectPrefix).storage.parentFolderId;
  const keepParent = typeof probe === 'number' ? await client.folders.exists(probe) : true;
  return (userName) => {
    const home = homeStorageOf(userName, template, objectPrefix);
    if (!keepParent) delete home.storage.parentFolderId;
    return home;
  };
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
async function homeTargets(client: CloudPipelineClient, sync: SyncHomeFolders, systemUsers: readonly SystemUser[], concurrency: number): Promise<HomeTarget[]> {
  // A system user not created yet (dry run) is named as the API will name it: upper-cased.
  const system = new Array<HomeTarget>(systemUsers.length);
  await forEachBounded(systemUsers.entries(), concurrency, async ([index, user]) => {
    system[index] = (await client.users.find(user.name)) ?? { userName: user.name.trim().toUpperCase() };
  });
  if (sync !== 'all') return system;
  const everyone: HomeTarget[] = await client.users.list();
  const known = new Set(everyone.map((user) => user.userName.toUpperCase()));
  // In a dry run the system users may not exist yet; they still belong in the plan.
  return [...everyone, ...system.filter((user) => !known.has(user.userName.toUpperCase()))];
}
