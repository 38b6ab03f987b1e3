import type { EdgeFacts } from './edge.js';
import type { EdgeLayout } from './edge-volumes.js';
import { fileChanges, type FileChange } from './file-changes.js';
import type { Inputs } from './inputs.js';
import type { ClusterFacts } from './observe.js';
import type { PayloadIndex } from './payload.js';
import type { SystemUser } from './provision/parse-inputs.js';
import type { RolloutOptions } from './rollout.js';

/*
 * The deploy's decisions, apart from the I/O that execute.ts does between them (pure,
 * table-tested in __tests__/actions/deploy-quick-launcher/plan.test.ts): whether a rollout comes
 * (so RBAC is checked before anything changes), what goes into the launcher settings (the
 * anonymous token, the app launcher's storage), which files change on the Edge, the rollout's
 * settings, and how that rollout goes (planRollout, from the cluster as observed).
 */

export const OBJECT_PREFIX = 'quick-launcher';
export const LEASE_NAME = 'quick-launcher-deploy';

/** The user that owns published apps (its default storage is the app launcher's); upstream's name when system-users gives none. */
export function serviceUserOf(users: readonly SystemUser[]): string {
  return users.find((user) => user.kind === 'service')?.name ?? 'SHINY_PORTAL';
}

/** The user whose token gives anonymous access, when system-users has one. */
export function anonymousUserOf(users: readonly SystemUser[]): string | undefined {
  return users.find((user) => user.kind === 'anonymous')?.name;
}

/** What the preflight saw, before anything changed anywhere. */
export interface PreflightFacts {
  dryRun: boolean;
  /** The digest of the payload packed with what is live (the token and storage the Edge serves). */
  plannedDigest: string;
  /** The digest the Edge serves; absent before a first deploy. */
  liveDigest?: string;
  /** The app-launcher hosts whose settings hold the `user_default_storage` placeholder. */
  placeholders: readonly string[];
  /** The storage id the live settings hold in its place. */
  liveStorage?: number;
  /** Whether Cloud Pipeline is provisioned (`api-url` given): only then is a storage id found. */
  provisions: boolean;
}

/**
 * Whether the deploy checks RBAC before it provisions: a rollout is coming (the payload differs,
 * or a storage id will replace a placeholder the Edge still serves), so a missing permission
 * must fail now, having changed nothing. A dry run changes nothing and checks nothing.
 */
export function checksPermissions(facts: PreflightFacts): boolean {
  const storageComing = facts.placeholders.length > 0 && facts.liveStorage === undefined && facts.provisions;
  return !facts.dryRun && (facts.plannedDigest !== facts.liveDigest || storageComing);
}

/** What the deploy did (or a dry run would do) to the settings' `user_default_storage`. */
export interface AppConfigStorageChange {
  hosts: string[];
  /** The service user's default storage id; absent in a dry run that creates it. */
  storageId?: number;
  /** One line for the plan and the summary. */
  note: string;
}

/** The plan's line for the settings' `user_default_storage` of `hosts`. */
function storageChange(hosts: string[], storageId: number | undefined, serviceUser: string, dryRun: boolean, provisioned: boolean): AppConfigStorageChange {
  const where = hosts.join(', ');
  const verb = dryRun ? 'would be set' : 'set';
  if (storageId !== undefined) return { hosts, storageId, note: `user_default_storage ${verb} to storage ${storageId}, the default storage of ${serviceUser}, for ${where}` };
  const note = dryRun && provisioned
    ? `user_default_storage would be set to the default storage ${serviceUser} gets in this run, for ${where}`
    : `user_default_storage left unresolved for ${where}: ${serviceUser} has no default storage${provisioned ? '' : " (give 'api-url' to provision it, or set appConfigStorage to a storage id)"}; the app launcher lists no applications`;
  return { hosts, note };
}

/** The claims of a JWT (`exp`, `sub`), or undefined for a token that is not a JWT. */
export function jwtClaims(token: string): { exp?: number; sub?: string } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown; sub?: unknown };
    return { ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}), ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Which token goes into the settings: the live one while it is valid for at least
 * `renewBeforeSeconds` more and belongs to `user` (a token without readable claims counts as
 * valid), else the fresh one. The API issues a new token on every `/user/token` call: put
 * straight into the settings it would change the digest on every run, and an unchanged
 * redeploy would never be a no-op.
 */
export function chooseAnonymousToken(
  live: string | undefined,
  fresh: string | undefined,
  options: { now: Date; user?: string; renewBeforeSeconds?: number },
): string | undefined {
  if (live === undefined) return fresh;
  if (fresh === undefined) return live;
  const claims = jwtClaims(live);
  if (claims?.exp !== undefined && claims.exp - options.now.getTime() / 1000 < (options.renewBeforeSeconds ?? 7 * 24 * 3600)) return fresh;
  if (claims?.sub !== undefined && options.user !== undefined && claims.sub.toUpperCase() !== options.user.toUpperCase()) return fresh;
  return live;
}

/** What the launcher settings get, once provisioning ran. */
export interface SettingsPlan {
  /** The anonymous token written into the app launcher's entry. */
  token?: string;
  /** The live token was kept although provisioning issued a fresh one (for the log). */
  keptLiveToken: boolean;
  /** The `user_default_storage` line; absent when the settings hold no placeholder. */
  appConfigStorage?: AppConfigStorageChange;
}

export function planSettings(facts: {
  liveToken?: string;
  freshToken?: string;
  systemUsers: readonly SystemUser[];
  now: Date;
  placeholders: string[];
  storageId?: number;
  dryRun: boolean;
  provisions: boolean;
}): SettingsPlan {
  const user = anonymousUserOf(facts.systemUsers);
  const token = chooseAnonymousToken(facts.liveToken, facts.freshToken, { now: facts.now, ...(user ? { user } : {}) });
  const appConfigStorage = facts.placeholders.length > 0
    ? storageChange(facts.placeholders, facts.storageId, serviceUserOf(facts.systemUsers), facts.dryRun, facts.provisions)
    : undefined;
  return {
    ...(token !== undefined ? { token } : {}),
    keptLiveToken: token !== undefined && token === facts.liveToken && facts.freshToken !== undefined,
    ...(appConfigStorage ? { appConfigStorage } : {}),
  };
}

/** The launcher hosts of a settings text (its keys), the app launcher's (`applicationsMode: folder`) first. */
export function hostsOf(settings: string | undefined): string[] {
  if (!settings) return [];
  const entries = Object.entries(JSON.parse(settings) as Record<string, { applicationsMode?: unknown } | null>);
  const isApp = ([, entry]: (typeof entries)[number]) => entry?.applicationsMode === 'folder';
  return [...entries.filter(isApp), ...entries.filter((entry) => !isApp(entry))].map(([host]) => host);
}

/** The files the deploy adds, changes or removes on the Edge: none when the Edge serves this digest. */
export function changingFiles(live: { digest?: string; index?: PayloadIndex }, payload: { digest: string; index: PayloadIndex }): FileChange[] {
  return live.digest === payload.digest ? [] : fileChanges(live.index, payload.index);
}

/**
 * The rollout's settings from the inputs (the smoke check, I/O, is added by execute.ts). The
 * installer Job gets at least 2 minutes, even under a shorter rollout timeout.
 */
export function rolloutSettings(
  inputs: Inputs,
  run: { holder: string; liveEdge: EdgeFacts; keepBackups: number; pollMs?: number },
): Omit<RolloutOptions, 'verify' | 'smokeAddress'> {
  const poll = run.pollMs ? { pollMs: run.pollMs } : {};
  return {
    namespace: inputs.namespace,
    deployment: inputs.edgeDeployment,
    nodeSelector: inputs.edgeNodeSelector,
    hostPath: inputs.edgeHostPath,
    ...(inputs.installerImage ? { installerImage: inputs.installerImage } : {}),
    rolloutTimeout: `${inputs.rolloutTimeoutSeconds}s`,
    jobTimeoutSeconds: Math.max(120, inputs.rolloutTimeoutSeconds),
    keepBackups: run.keepBackups,
    prefix: OBJECT_PREFIX,
    lease: { name: LEASE_NAME, holder: run.holder, durationSeconds: 60, timeoutSeconds: inputs.lockTimeoutSeconds, ...poll },
    dryRun: inputs.dryRun,
    liveEdge: run.liveEdge,
    ...poll,
  };
}

/**
 * What a rollout will do, decided from what was observed and nothing else (pure, table-tested):
 * whether anything changes, how the Edge takes the new files (reload in place or restart), where
 * the installer runs, and what to warn about.
 */
export interface RolloutPlan {
  noop: boolean;
  /** `reload`: sync into each running Edge container and `nginx -s reload`; `restart`: rollout restart. */
  switch: 'reload' | 'restart';
  /** Why that switch, for the log and the summary. */
  reason: string;
  layout: EdgeLayout;
  /** The node of the running Edge pod the installer Job is pinned to (else the node selector decides). */
  node?: string;
  /** The installer carries live run routes over (QL_KEEP_ROUTES=1): the host folder is the live one and nginx is only reloaded. */
  keepRoutes: boolean;
  /** The pods the reload goes to. */
  pods: string[];
  warnings: string[];
}

/** `v1.15.4` → 15 (the minor), `v1.30.2-eks-1234` → 30. */
export function minorOf(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Why an unchanged redeploy is a no-op (the rollout's step line and the plan's reason). */
export function unchangedReason(digest: string): string {
  return `the Edge already serves content ${digest}`;
}

/** kubectl supports one minor version either side of the server (the Kubernetes version skew policy). */
export function skewWarning(client: string | undefined, server: string | undefined): string | undefined {
  const [c, s] = [minorOf(client), minorOf(server)];
  if (c === undefined || s === undefined || Math.abs(c - s) <= 1) return undefined;
  return `kubectl ${client ?? ''} is ${Math.abs(c - s)} minor versions from the server's ${server ?? ''} (supported: ±1); set 'kubectl-version' to v1.${s}.x`;
}

export function planRollout(facts: ClusterFacts, digest: string): RolloutPlan {
  const { edge, pods } = facts;
  const layout = edge.volumes.layout;
  const warnings: string[] = [];
  const skew = skewWarning(facts.clientVersion, facts.serverVersion);
  if (skew) warnings.push(skew);
  const nodes = [...new Set(pods.map((pod) => pod.nodeName).filter((node): node is string => node !== undefined))];
  if (edge.volumes.apps.kind === 'hostPath' && nodes.length > 1) {
    warnings.push(`the Edge runs on ${nodes.length} nodes (${nodes.join(', ')}) with a hostPath folder each; the installer writes the one on ${nodes[0]}`);
  }
  const base = { layout, ...(nodes[0] ? { node: nodes[0] } : {}), warnings };
  if (edge.digest === digest) return { ...base, noop: true, switch: 'reload', reason: unchangedReason(digest), keepRoutes: false, pods: [] };
  if (pods.length === 0) return { ...base, noop: false, switch: 'restart', reason: 'no running Edge pod to reload', keepRoutes: false, pods: [] };
  if (!facts.canExec) {
    return { ...base, noop: false, switch: 'restart', reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place', keepRoutes: false, pods: [] };
  }
  return {
    ...base,
    noop: false,
    switch: 'reload',
    reason:
      layout === 'copy'
        ? `pods/exec is granted: the files are copied into ${pods.length} running Edge container(s) and nginx reloaded, no restart`
        : `pods/exec is granted: the Edge reads the host folder directly, nginx is tested and reloaded in ${pods.length} container(s), no restart`,
    keepRoutes: layout === 'direct',
    pods: pods.map((pod) => pod.name),
  };
}
