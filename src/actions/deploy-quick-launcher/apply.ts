import { errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';
import { guarded } from './edge.js';
import { edgeSyncCommand, syncEdgePods, type PodSync } from './edge-sync.js';
import { LABEL_DIGEST, listDocument, type KubeObject } from './objects.js';
import type { RolloutPlan } from './plan.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** The payload objects of a digest that exist already, as `Kind/name`. */
export async function existingPayload(kubectl: Kubectl, short: string): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const kind of ['configmaps', 'secrets']) {
    for (const item of await guarded(() => kubectl.list<KubeObject>(kind, `${LABEL_DIGEST}=${short}`))) existing.add(`${item.kind}/${item.metadata.name}`);
  }
  return existing;
}

/**
 * Creates the payload objects. They are content-addressed (their names carry the digest), so an
 * object that already exists is done, once its digest label says it holds this content: plain
 * `kubectl create`, which every Kubernetes version serves (no server-side apply: HTTP 415 on 1.15).
 * Returns how many were created.
 */
export async function createPayload(kubectl: Kubectl, objects: readonly KubeObject[], short: string): Promise<number> {
  const existing = await existingPayload(kubectl, short);
  const missing = objects.filter((object) => !existing.has(`${object.kind}/${object.metadata.name}`));
  if (missing.length === 0) return 0;
  try {
    await guarded(() => kubectl.create(listDocument(missing)));
  } catch (error) {
    if (!(error instanceof KubectlError && error.alreadyExists)) throw error;
    // Created meanwhile (or left by a killed run under another label set): each must carry this digest.
    for (const object of missing) {
      const live = await guarded(() => kubectl.get<KubeObject>({ kind: object.kind.toLowerCase(), name: object.metadata.name }));
      if (live?.metadata.labels?.[LABEL_DIGEST] !== short) {
        throw new Error(`${object.kind}/${object.metadata.name} exists but is not labelled ${LABEL_DIGEST}=${short}; delete it and deploy again`, { cause: error });
      }
    }
  }
  return missing.length;
}

/** What the switch did, for the step line. */
export interface SwitchOutcome {
  ok: boolean;
  /** The step's result text. */
  result: string;
  /** Per pod, on the reload path. */
  pods?: PodSync[];
}

const EDGE = (deployment: string): { kind: string; name: string } => ({ kind: 'deployment', name: deployment });

/**
 * `kubectl rollout restart` stamps the pod template with the time in whole seconds, so a second
 * restart within the same second (the rollback right after a fast failure) is an empty patch
 * that kubectl refuses; it is retried once the second has passed.
 */
export async function restartEdge(kubectl: Kubectl, deployment: string): Promise<void> {
  try {
    await kubectl.rolloutRestart(EDGE(deployment));
  } catch (error) {
    if (!(error instanceof KubectlError && /within the past second/.test(error.stderr))) throw error;
    await sleep(1100);
    await kubectl.rolloutRestart(EDGE(deployment));
  }
}

/**
 * Makes the Edge serve what the installer placed: on the reload path the sync script in each
 * running Edge container (copy layout: copy + test + reload, a failed test restores in place;
 * direct layout: test + reload), else a rollout restart and its status. `digest` is the content
 * the host folder must hold ('' = none).
 */
export async function switchEdge(
  kubectl: Kubectl,
  plan: Pick<RolloutPlan, 'switch' | 'layout' | 'pods'>,
  edge: { deployment: string; container: string; rolloutTimeout: string },
  digest: string,
  logger: Logger,
): Promise<SwitchOutcome> {
  if (plan.switch === 'reload') {
    const command = plan.layout === 'copy' ? edgeSyncCommand('copy', digest) : edgeSyncCommand('test');
    const pods = await syncEdgePods(kubectl, plan.pods, edge.container, command, logger);
    const failed = pods.filter((pod) => pod.exitCode !== 0);
    if (failed.length > 0) return { ok: false, result: `reload failed in ${failed.map((pod) => `${pod.pod} (exit ${pod.exitCode}: ${pod.output})`).join(', ')}`, pods };
    return { ok: true, result: `reloaded nginx in ${pods.map((pod) => pod.pod).join(', ')} (no restart)`, pods };
  }
  await guarded(() => restartEdge(kubectl, edge.deployment));
  try {
    await kubectl.rolloutStatus(EDGE(edge.deployment), { timeout: edge.rolloutTimeout });
  } catch (error) {
    if (error instanceof KubectlError && error.forbidden) throw error;
    return { ok: false, result: `rollout of deployment ${edge.deployment} not ready within ${edge.rolloutTimeout} (${errorMessage(error)})` };
  }
  return { ok: true, result: `restarted deployment ${edge.deployment}; it is ready` };
}
