import { InputError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';
import { createPayload, existingPayload, switchEdge } from './apply.js';
import { summarizeDiff, type ObjectDiff } from './diff-summary.js';
import { edgeDiagnostics, guarded, readEdge, type EdgeFacts } from './edge.js';
import { describeSource } from './edge-volumes.js';
import { runInstallerJob } from './installer-job.js';
import { DeployLease } from './lease.js';
import { ANNOTATION_DIGEST, LABEL_DIGEST, LABEL_MANAGED_BY, MANAGED_BY, installerJob, listDocument, payloadObjects, type KubeObject } from './objects.js';
import { observe, type ClusterFacts } from './observe.js';
import { shortDigest, type Payload } from './payload.js';
import { planRollout, unchangedReason, type RolloutPlan } from './plan.js';
import { logTail, rollBack } from './rollback.js';
import { verifyEdge, type VerifyHook } from './verify.js';

export { restartEdge } from './apply.js';

/** The Edge side of deploy-quick-launcher (SPEC §6 "Edge rollout"). */
export interface RolloutOptions {
  namespace: string;
  deployment: string;
  /** Where the installer runs when no running Edge pod names a node. */
  nodeSelector: Record<string, string>;
  /** The `edge-host-path` hint; the live Deployment's volume wins. */
  hostPath: string;
  /** Default: the Edge deployment's image. */
  installerImage?: string;
  /** kubectl duration, e.g. `5m`. */
  rolloutTimeout: string;
  jobTimeoutSeconds: number;
  keepBackups: number;
  /** Object name prefix. */
  prefix: string;
  lease: { name: string; holder: string; durationSeconds: number; timeoutSeconds: number; pollMs?: number };
  dryRun: boolean;
  /** Runs after the switch (the smoke check) with the Edge Service's address; a rejection rolls back. */
  verify?: VerifyHook;
  /** The `smoke-check` address, when given: without it, a verify needs the Edge Service's address labels. */
  smokeAddress?: URL;
  pollMs?: number;
  /** How long the installer pod may stay unscheduled before the node selector is blamed (default 30 s). */
  unschedulableSeconds?: number;
  /**
   * The Edge Deployment as the deploy read it before provisioning. When it already serves this
   * content the rollout is a no-op and reads nothing more; otherwise the cluster is read afresh
   * (provisioning may have taken minutes: pods move, nodes drain).
   */
  liveEdge?: EdgeFacts;
}

/** One line of what happened, for the log and the summary table. */
export interface RolloutStep {
  step: string;
  result: string;
}

export interface RolloutResult {
  changed: boolean;
  digest: string;
  previousDigest?: string;
  rolledBack: boolean;
  dryRun: boolean;
  /** Human-readable plan (dry run) or the steps taken. */
  steps: RolloutStep[];
  /** The objects applied (or that would be), as `Kind/name`. */
  objects: string[];
  /** `kubectl diff`, condensed (dry run): Secret data never shown. */
  diff?: string;
  /** What the diff says per object (dry run). */
  changes?: ObjectDiff[];
  /** How the Edge took (or would take) the new files, and why. */
  switch?: { path: 'reload' | 'restart'; reason: string };
  /** On the reload path: whether `nginx -t` passed in every Edge container (the reload runs it first). */
  nginxTest?: 'passed' | 'failed';
}

/** The rollout failed; `result.rolledBack` says whether the previous files were restored. */
export class RolloutError extends Error {
  override name = 'RolloutError';
  constructor(
    message: string,
    readonly result: RolloutResult,
  ) {
    super(message);
  }
}

/**
 * Rolls the payload out to the Edge: observe (the Edge, its pods, volumes, address, the server
 * version, exec permission) → plan (pure) → under the deploy Lease: create the payload objects,
 * run the installer Job on the Edge's node with the Edge's volumes, switch (reload in each Edge
 * container, or restart), verify through the Edge, annotate. A failed switch or verify rolls back.
 * `dryRun` only reads and diffs.
 */
export async function rollout(kubectl: Kubectl, payload: Payload, script: string, options: RolloutOptions, logger: Logger): Promise<RolloutResult> {
  const steps: RolloutStep[] = [];
  const note = (step: string, result: string): void => {
    steps.push({ step, result });
    logger.info(`${step}: ${result}`);
  };
  const describeEdge = (edge: EdgeFacts): string =>
    `deployment ${options.namespace}/${edge.name} (${edge.volumes.layout} layout, ${describeSource(edge.volumes.apps)}), live content ${edge.digest ?? 'none'}`;
  const baseOf = (edge: EdgeFacts) => ({ digest: payload.digest, ...(edge.digest ? { previousDigest: edge.digest } : {}), rolledBack: false, dryRun: options.dryRun, steps });
  const live = options.liveEdge;
  if (live?.digest === payload.digest) {
    // An unchanged redeploy: one read of the Deployment decided it (and the server version, the
    // pods and the exec permission, which only matter for a change, are not asked for).
    note('edge', describeEdge(live));
    note('no-op', unchangedReason(payload.digest));
    return { ...baseOf(live), changed: false, objects: [] };
  }
  const facts = await logger.group('Read the Edge', () => observe(kubectl, options, logger));
  const { edge } = facts;
  const plan = planRollout(facts, payload.digest);
  for (const warning of plan.warnings) logger.warning(warning);
  const base = baseOf(edge);
  note('edge', describeEdge(edge));
  if (plan.noop) {
    note('no-op', plan.reason);
    return { ...base, changed: false, objects: [] };
  }
  if (options.verify && !options.smokeAddress && !facts.address) {
    throw new InputError(
      'smoke-check',
      `the Edge Service '${options.deployment}' carries no cloud-pipeline/external-host and cloud-pipeline/external-port labels to check the rollout through; set smoke-check to the Edge's address (https://host:port) or to false. Nothing was changed`,
    );
  }
  const switchInfo = { path: plan.switch, reason: plan.reason };
  const objects = payloadObjects(payload, { namespace: options.namespace, prefix: options.prefix, script });
  const job = installerJob(payload, { ...jobBase(options, facts, plan), mode: 'install' });
  const names = [...objects, job].map((object) => `${object.kind}/${object.metadata.name}`);
  if (options.dryRun) return dryRun(kubectl, objects, names, { ...base, changed: true, switch: switchInfo }, options, plan, note, logger);

  const lease = await logger.group('Acquire the deploy lease', () =>
    guarded(() => DeployLease.acquire(kubectl, { ...options.lease, namespace: options.namespace }, logger)),
  );
  try {
    // Another deploy may have rolled out this very content while we waited for the lease.
    const now = await readEdge(kubectl, options.deployment, options.namespace, options.hostPath);
    if (now.digest === payload.digest) {
      note('no-op', `another deploy rolled out content ${payload.digest} while this one waited`);
      return { ...base, changed: false, objects: [] };
    }
    const result = { ...base, ...(now.digest ? { previousDigest: now.digest } : {}), switch: switchInfo };
    await logger.group('Create the payload', async () => {
      const created = await createPayload(kubectl, objects, shortDigest(payload.digest));
      note('payload', `${objects.length} objects (${payload.index.files.length} files, ${payload.totalBytes} bytes), ${created === objects.length ? 'all' : created} created`);
    });
    const install = await logger.group(`Run the installer on ${plan.node ? `node ${plan.node}` : 'the Edge node'}`, () =>
      guarded(() => runInstallerJob(kubectl, job, { timeoutSeconds: options.jobTimeoutSeconds, pollMs: options.pollMs, unschedulableSeconds: options.unschedulableSeconds })),
    );
    if (install.unschedulable) {
      note('installer', `not scheduled: ${install.reason}`);
      const selector = Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',');
      throw new InputError('edge-node-selector', `no node matches '${selector}': the installer Job was never scheduled and was removed; nothing was changed on any node`);
    }
    if (!install.succeeded) {
      note('installer', `failed: ${install.reason}`);
      throw new RolloutError(`the installer Job ${job.metadata.name} failed: ${install.reason}${logTail(install)}`, { ...result, changed: false, objects: names });
    }
    note('installer', `${install.log.split('\n').filter((line) => line.includes('installed')).pop() ?? 'completed'}`);

    // The last moment to stop: a deploy that lost the lease must not switch the Edge.
    if (!(await lease.held())) {
      note('aborted', `the deploy lease is now held by ${lease.lostTo ?? 'nobody'}`);
      throw new RolloutError(
        `lost the deploy lease to ${lease.lostTo ?? 'nobody'} before the switch: the Edge was neither reloaded nor restarted (the files placed on the node go live only with the next deploy or Edge restart)`,
        { ...result, changed: false, objects: names },
      );
    }
    note('switch', `${plan.switch}: ${plan.reason}`);
    const edgeRef = { deployment: options.deployment, container: edge.container, rolloutTimeout: options.rolloutTimeout, jobTimeoutSeconds: options.jobTimeoutSeconds, ...(options.pollMs ? { pollMs: options.pollMs } : {}) };
    let nginxTest: RolloutResult['nginxTest'];
    const failure = await logger.group(plan.switch === 'reload' ? 'Reload the Edge (no restart)' : 'Restart the Edge and wait', async () => {
      const switched = await switchEdge(kubectl, plan, edgeRef, payload.digest, logger);
      note(plan.switch === 'reload' ? 'reload' : 'rollout', switched.result);
      if (plan.switch === 'reload') nginxTest = switched.ok ? 'passed' : 'failed';
      if (!switched.ok) return switched.result;
      return logger.group('Verify through the Edge', () => verifyEdge(options.verify, facts.address));
    });
    if (failure !== undefined) {
      const diagnostics = plan.switch === 'restart' ? `\n${await edgeDiagnostics(kubectl, options.deployment)}` : '';
      const restoreJob = installerJob(payload, { ...jobBase(options, facts, plan), mode: 'restore' });
      const restored = await logger.group('Roll back', () => rollBack(kubectl, restoreJob, plan, edgeRef, now.digest, logger));
      note('rollback', restored);
      throw new RolloutError(`the Edge did not serve content ${payload.digest}: ${failure}\nRolled back: ${restored}${diagnostics}`, {
        ...result,
        changed: true,
        rolledBack: true,
        objects: names,
        ...(nginxTest ? { nginxTest } : {}),
      });
    }
    if (options.verify) note('verify', `the Edge serves content ${payload.digest}`);
    await guarded(() => kubectl.annotate({ kind: 'deployment', name: options.deployment }, { [ANNOTATION_DIGEST]: payload.digest }));
    note('annotate', `${ANNOTATION_DIGEST}=${payload.digest}`);
    await logger.group('Remove older payloads', () => removeOlderPayloads(kubectl, payload.digest, note));
    return { ...result, changed: true, objects: names, ...(nginxTest ? { nginxTest } : {}) };
  } finally {
    await lease.release().catch((error: unknown) => logger.warning(`Could not release the deploy lease: ${errorMessage(error)}`));
  }
}

function jobBase(options: RolloutOptions, facts: ClusterFacts, plan: RolloutPlan): Omit<Parameters<typeof installerJob>[1], 'mode'> {
  const { edge } = facts;
  return {
    namespace: options.namespace,
    prefix: options.prefix,
    image: options.installerImage ?? edge.image,
    nodeSelector: options.nodeSelector,
    ...(plan.node ? { nodeName: plan.node } : {}),
    apps: edge.volumes.apps,
    ...(edge.volumes.pki ? { pki: edge.volumes.pki } : {}),
    keepRoutes: plan.keepRoutes,
    keepBackups: options.keepBackups,
    tolerations: edge.tolerations,
    imagePullSecrets: edge.imagePullSecrets,
    activeDeadlineSeconds: options.jobTimeoutSeconds,
  };
}

/**
 * The dry run: which payload objects exist already (content-addressed names: an existing one is
 * unchanged), a client-side `kubectl diff` of the new ones (a server dry run, served since 1.13;
 * refused, it says so), and what would happen.
 */
async function dryRun(
  kubectl: Kubectl,
  objects: KubeObject[],
  names: string[],
  result: Omit<RolloutResult, 'objects'>,
  options: RolloutOptions,
  plan: RolloutPlan,
  note: (step: string, result: string) => void,
  logger: Logger,
): Promise<RolloutResult> {
  const existing = await existingPayload(kubectl, shortDigest(result.digest));
  const missing = objects.filter((object) => !existing.has(`${object.kind}/${object.metadata.name}`));
  const diff = await logger.group('kubectl diff (dry run)', async () => {
    if (missing.length === 0) return '';
    try {
      return await kubectl.diff(listDocument(missing));
    } catch (error) {
      if (error instanceof KubectlError) {
        logger.warning(`kubectl diff is not available (${error.message}); the plan lists the objects without their content`);
        return '';
      }
      throw error;
    }
  });
  const summary = summarizeDiff(redactDiff(diff, objects));
  const changes: ObjectDiff[] = objects.map((object) => `${object.kind}/${object.metadata.name}`).filter((name) => !existing.has(name)).map((object) => ({ object, change: 'create' }));
  note('would create', names.slice(0, -1).map((name) => `${name} (${existing.has(name) ? 'exists' : 'create'})`).join(', '));
  note('would run', `${names[names.length - 1]} on ${plan.node ? `node ${plan.node}` : `nodes ${Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',')}`}`);
  note(`would ${plan.switch}`, `${plan.reason}; then verify and annotate ${ANNOTATION_DIGEST}=${result.digest}`);
  return { ...result, objects: names, diff: summary.text, changes };
}

/** Secrets' data never reaches the plan: kubectl diff masks Secret values, and this is a second guard. */
function redactDiff(diff: string, objects: KubeObject[]): string {
  let text = diff;
  for (const object of objects) {
    if (object.kind !== 'Secret') continue;
    for (const value of Object.values((object.data as Record<string, string> | undefined) ?? {})) text = text.split(value).join('***');
  }
  return text;
}

/** Deletes payload objects and Jobs of older contents (the current ones stay for inspection). */
async function removeOlderPayloads(kubectl: Kubectl, digest: string, note: (step: string, result: string) => void): Promise<void> {
  const current = shortDigest(digest);
  const stale: Array<{ kind: string; name: string }> = [];
  for (const kind of ['configmaps', 'secrets', 'jobs']) {
    const items = await guarded(() => kubectl.list<KubeObject>(kind, `${LABEL_MANAGED_BY}=${MANAGED_BY}`));
    for (const item of items) {
      if (item.metadata.labels?.[LABEL_DIGEST] && item.metadata.labels[LABEL_DIGEST] !== current) stale.push({ kind: kind.replace(/s$/, ''), name: item.metadata.name });
    }
  }
  await guarded(() => kubectl.delete(stale, { ignoreNotFound: true, wait: false }));
  note('cleanup', stale.length === 0 ? 'no older payload objects' : `removed ${stale.length} older payload objects`);
}
