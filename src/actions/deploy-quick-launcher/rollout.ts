import { InputError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';
import { summarizeDiff, type ObjectDiff } from './diff-summary.js';
import { edgeDiagnostics, guarded, readEdge, type EdgeFacts } from './edge.js';
import { runInstallerJob, type JobOutcome } from './installer-job.js';
import { DeployLease } from './lease.js';
import { ANNOTATION_DIGEST, FIELD_MANAGER, LABEL_DIGEST, LABEL_MANAGED_BY, MANAGED_BY, installerJob, listDocument, payloadObjects, type KubeObject } from './objects.js';
import { shortDigest, type Payload } from './payload.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** The Edge side of deploy-quick-launcher (SPEC §6 "Edge rollout"). */
export interface RolloutOptions {
  namespace: string;
  deployment: string;
  nodeSelector: Record<string, string>;
  hostPath: string;
  /** Mounted read-only at /etc/edge/pki in the Job so `nginx -t` finds the certificates. */
  certHostPath?: string;
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
  /** Runs after the Edge is ready (the smoke check); a rejection rolls back like an unready Edge. */
  verify?: () => Promise<void>;
  pollMs?: number;
  /** How long the installer pod may stay unscheduled before the node selector is blamed (default 30 s). */
  unschedulableSeconds?: number;
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

const EDGE = (options: RolloutOptions): { kind: string; name: string } => ({ kind: 'deployment', name: options.deployment });

/**
 * Rolls the payload out to the Edge: no-op when the Edge's digest annotation already matches;
 * otherwise, under the deploy Lease: apply the payload objects, run the installer Job on the
 * Edge node, restart the Edge and wait, verify, annotate. An unready Edge (or failed verify)
 * restores the backup and restarts again. `dryRun` only reads and diffs.
 */
export async function rollout(kubectl: Kubectl, payload: Payload, script: string, options: RolloutOptions, logger: Logger): Promise<RolloutResult> {
  const steps: RolloutStep[] = [];
  const note = (step: string, result: string): void => {
    steps.push({ step, result });
    logger.info(`${step}: ${result}`);
  };
  const edge = await logger.group('Read the Edge deployment', () => readEdge(kubectl, options.deployment, options.namespace));
  const base = { digest: payload.digest, ...(edge.digest ? { previousDigest: edge.digest } : {}), rolledBack: false, dryRun: options.dryRun, steps };
  note('edge', `deployment ${options.namespace}/${edge.name}, live content ${edge.digest ?? 'none'}`);
  if (edge.hostPaths.length > 0 && !edge.hostPaths.includes(options.hostPath)) {
    logger.warning(`deployment ${edge.name} mounts no hostPath ${options.hostPath} (it mounts ${edge.hostPaths.join(', ')}): check 'edge-host-path'`);
  }
  if (edge.digest === payload.digest) {
    note('no-op', `the Edge already serves content ${payload.digest}`);
    return { ...base, changed: false, objects: [] };
  }
  const objects = payloadObjects(payload, { namespace: options.namespace, prefix: options.prefix, script });
  const job = installerJob(payload, { ...jobBase(options, edge), mode: 'install' });
  const names = [...objects, job].map((object) => `${object.kind}/${object.metadata.name}`);
  if (options.dryRun) return plan(kubectl, objects, names, { ...base, changed: true }, options, note, logger);

  const lease = await logger.group('Acquire the deploy lease', () =>
    guarded(() => DeployLease.acquire(kubectl, { ...options.lease, namespace: options.namespace }, logger)),
  );
  try {
    // Another deploy may have rolled out this very content while we waited for the lease.
    const now = await readEdge(kubectl, options.deployment, options.namespace);
    if (now.digest === payload.digest) {
      note('no-op', `another deploy rolled out content ${payload.digest} while this one waited`);
      return { ...base, changed: false, objects: [] };
    }
    await logger.group('Apply the payload', async () => {
      await guarded(() => kubectl.apply(listDocument(objects), { serverSide: true, forceConflicts: true, fieldManager: FIELD_MANAGER }));
      note('payload', `${objects.length} objects (${payload.index.files.length} files, ${payload.totalBytes} bytes)`);
    });
    const install = await logger.group('Run the installer on the Edge node', () =>
      guarded(() => runInstallerJob(kubectl, job, { timeoutSeconds: options.jobTimeoutSeconds, pollMs: options.pollMs, unschedulableSeconds: options.unschedulableSeconds })),
    );
    if (install.unschedulable) {
      note('installer', `not scheduled: ${install.reason}`);
      const selector = Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',');
      throw new InputError('edge-node-selector', `no node matches '${selector}': the installer Job was never scheduled and was removed; nothing was changed on any node`);
    }
    if (!install.succeeded) {
      note('installer', `failed: ${install.reason}`);
      throw new RolloutError(`the installer Job ${job.metadata.name} failed: ${install.reason}${logTail(install)}`, { ...base, changed: false, objects: names });
    }
    note('installer', `${install.log.split('\n').filter((line) => line.includes('installed')).pop() ?? 'completed'}`);

    const failure = await logger.group('Restart the Edge and wait', () => restartAndVerify(kubectl, options));
    if (failure !== undefined) {
      note('rollout', `failed: ${failure}`);
      const diagnostics = await edgeDiagnostics(kubectl, options.deployment);
      const restored = await logger.group('Roll back', () => rollBack(kubectl, payload, options, now));
      note('rollback', restored);
      throw new RolloutError(
        `the Edge did not come back with content ${payload.digest}: ${failure}\nRolled back: ${restored}\n${diagnostics}`,
        { ...base, changed: true, rolledBack: true, objects: names },
      );
    }
    note('rollout', `deployment ${options.deployment} is ready`);
    await guarded(() => kubectl.annotate(EDGE(options), { [ANNOTATION_DIGEST]: payload.digest }));
    note('annotate', `${ANNOTATION_DIGEST}=${payload.digest}`);
    await logger.group('Remove older payloads', () => removeOlderPayloads(kubectl, payload.digest, note));
    return { ...base, changed: true, objects: names };
  } finally {
    await lease.release().catch((error: unknown) => logger.warning(`Could not release the deploy lease: ${errorMessage(error)}`));
  }
}

function jobBase(options: RolloutOptions, edge: EdgeFacts): Omit<Parameters<typeof installerJob>[1], 'mode'> {
  return {
    namespace: options.namespace,
    prefix: options.prefix,
    image: options.installerImage ?? edge.image,
    nodeSelector: options.nodeSelector,
    hostPath: options.hostPath,
    ...(options.certHostPath ? { certHostPath: options.certHostPath } : {}),
    keepBackups: options.keepBackups,
    tolerations: edge.tolerations,
    imagePullSecrets: edge.imagePullSecrets,
    activeDeadlineSeconds: options.jobTimeoutSeconds,
  };
}

function logTail(outcome: JobOutcome): string {
  return outcome.log ? `\nInstaller log:\n${outcome.log}` : '';
}

/**
 * `kubectl rollout restart` stamps the pod template with the time in whole seconds, so a second
 * restart within the same second (the rollback right after a fast failure) is an empty patch
 * that kubectl refuses; it is retried once the second has passed.
 */
export async function restartEdge(kubectl: Kubectl, options: RolloutOptions): Promise<void> {
  try {
    await kubectl.rolloutRestart(EDGE(options));
  } catch (error) {
    if (!(error instanceof KubectlError && /within the past second/.test(error.stderr))) throw error;
    await sleep(1100);
    await kubectl.rolloutRestart(EDGE(options));
  }
}

/** Restarts the Edge, waits for the rollout, runs the verify hook; the failure text, or undefined. */
async function restartAndVerify(kubectl: Kubectl, options: RolloutOptions): Promise<string | undefined> {
  await guarded(() => restartEdge(kubectl, options));
  try {
    await kubectl.rolloutStatus(EDGE(options), { timeout: options.rolloutTimeout });
  } catch (error) {
    if (error instanceof KubectlError && error.forbidden) throw error;
    return `rollout of deployment ${options.deployment} not ready within ${options.rolloutTimeout} (${errorMessage(error)})`;
  }
  if (!options.verify) return undefined;
  try {
    await options.verify();
    return undefined;
  } catch (error) {
    return `smoke check failed: ${errorMessage(error)}`;
  }
}

/** Restores the node's previous files with the restore Job and restarts the Edge again. */
async function rollBack(kubectl: Kubectl, payload: Payload, options: RolloutOptions, edge: EdgeFacts): Promise<string> {
  const job = installerJob(payload, { ...jobBase(options, edge), mode: 'restore' });
  const outcome = await runInstallerJob(kubectl, job, { timeoutSeconds: options.jobTimeoutSeconds, pollMs: options.pollMs });
  if (!outcome.succeeded) return `restoring FAILED (${outcome.reason}); the node may hold content ${payload.digest}${logTail(outcome)}`;
  const what = `restored the previous files (content ${edge.digest ?? 'none: the quick-launcher files were removed'})`;
  await restartEdge(kubectl, options);
  try {
    await kubectl.rolloutStatus(EDGE(options), { timeout: options.rolloutTimeout });
    return `${what} and restarted the Edge`;
  } catch (error) {
    return `${what}; the Edge restart after the restore is not ready either (${errorMessage(error)})`;
  }
}

/** The dry run: read-only `kubectl diff` of the payload and the list of what would happen. */
async function plan(
  kubectl: Kubectl,
  objects: KubeObject[],
  names: string[],
  result: Omit<RolloutResult, 'objects'>,
  options: RolloutOptions,
  note: (step: string, result: string) => void,
  logger: Logger,
): Promise<RolloutResult> {
  // A server-side diff needs patch permission (as a dry run); a read-only identity still gets a plan.
  const diff = await logger.group('kubectl diff (dry run)', async () => {
    try {
      return await kubectl.diff(listDocument(objects), { serverSide: true, fieldManager: FIELD_MANAGER });
    } catch (error) {
      if (error instanceof KubectlError) {
        logger.warning(`kubectl diff is not available: ${error.message}`);
        return '';
      }
      throw error;
    }
  });
  const summary = summarizeDiff(redactDiff(diff, objects));
  const changed = new Map(summary.objects.map((entry) => [entry.object, entry.change]));
  note('would apply', names.slice(0, -1).map((name) => `${name} (${changed.get(name) ?? 'unchanged'})`).join(', '));
  note('would run', `${names[names.length - 1]} on nodes ${Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',')}`);
  note('would restart', `deployment ${options.deployment}, wait up to ${options.rolloutTimeout}, annotate ${ANNOTATION_DIGEST}=${result.digest}`);
  return { ...result, objects: names, diff: summary.text, changes: summary.objects };
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
