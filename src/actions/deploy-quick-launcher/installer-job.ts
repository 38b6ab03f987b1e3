import { lastLines } from '../../tools/exec.js';
import type { Kubectl } from '../../tools/kubectl.js';
import { INSTALLER_EXIT_CODES } from './installer.js';
import { LABEL_COMPONENT, LABEL_DIGEST, type KubeObject } from './objects.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** How an installer Job ended. */
export interface JobOutcome {
  succeeded: boolean;
  /** The installer's exit code, when the pod reported one. */
  exitCode?: number;
  /** What the exit code means (the installer's header), or the Job's failure reason. */
  reason: string;
  /** The installer's last log lines. */
  log: string;
  /** The pod never got a node: the node selector matches none. */
  unschedulable?: boolean;
}

interface JobState {
  metadata?: { uid?: string };
  status?: { succeeded?: number; failed?: number; conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }> };
}

interface PodState {
  metadata?: { name?: string; creationTimestamp?: string; ownerReferences?: Array<{ uid?: string }> };
  status?: {
    phase?: string;
    conditions?: Array<{ type?: string; status?: string }>;
    containerStatuses?: Array<{ state?: { terminated?: { exitCode?: number }; waiting?: { reason?: string; message?: string } } }>;
  };
}

/**
 * Runs one installer Job to its end: deletes a leftover Job of the same name (a Job's pod
 * template is immutable, and the name is derived from the content) and waits for its pods to be
 * gone, creates it, polls its
 * status up to `timeoutSeconds`, then reads the pod's exit code and log.
 */
export async function runInstallerJob(
  kubectl: Kubectl,
  job: KubeObject,
  options: { timeoutSeconds: number; pollMs?: number; unschedulableSeconds?: number },
): Promise<JobOutcome> {
  const name = job.metadata.name;
  const ref = { kind: 'job', name };
  await kubectl.delete([ref], { ignoreNotFound: true, wait: true });
  // A deleted Job's pods go to the garbage collector in the background, and an old installer
  // still running would race the new one in the same folder: they must be gone first.
  await kubectl.deleteSelected('pods', podSelector(job), { ignoreNotFound: true, wait: true });
  await kubectl.create(JSON.stringify(job));
  const started = Date.now();
  const deadline = started + options.timeoutSeconds * 1000;
  let state: JobState | undefined;
  for (;;) {
    state = await kubectl.get<JobState>(ref);
    const conditions = state?.status?.conditions ?? [];
    const done = conditions.find((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
    if (done) break;
    const pod = await latestPod(kubectl, job, state?.metadata?.uid);
    const unscheduled = pod?.status?.conditions?.find((condition) => condition.type === 'PodScheduled')?.status === 'False';
    const overdue = Date.now() > deadline;
    if (overdue || (unscheduled && Date.now() - started >= (options.unschedulableSeconds ?? 30) * 1000)) {
      // A Job left behind would still run the installer whenever it got a node: remove it.
      await kubectl.delete([ref], { ignoreNotFound: true, wait: false }).catch(() => undefined);
      if (unscheduled) return { succeeded: false, unschedulable: true, reason: 'no node matches the Job\'s node selector (its pod was never scheduled)', log: '' };
      const waiting = pod?.status?.containerStatuses?.[0]?.state?.waiting;
      const why = waiting ? `${waiting.reason ?? 'waiting'}: ${waiting.message ?? ''}` : `pod phase ${pod?.status?.phase ?? 'none'}`;
      return { succeeded: false, reason: `the Job did not finish within ${options.timeoutSeconds}s (${why.trim()})`, log: await podLog(kubectl, pod) };
    }
    await sleep(options.pollMs ?? 500);
  }
  const pod = await latestPod(kubectl, job, state?.metadata?.uid);
  const exitCode = pod?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode;
  const log = await podLog(kubectl, pod);
  if ((state?.status?.succeeded ?? 0) > 0) return { succeeded: true, exitCode, reason: 'completed', log };
  const failed = state?.status?.conditions?.find((condition) => condition.type === 'Failed');
  const meaning = exitCode !== undefined ? (INSTALLER_EXIT_CODES[exitCode] ?? `exit code ${exitCode}`) : (failed?.message ?? failed?.reason ?? 'failed');
  return { succeeded: false, exitCode, reason: meaning, log };
}

/** The labels of this Job's pods (digest and installer mode). */
function podSelector(job: KubeObject): string {
  const labels = job.metadata.labels ?? {};
  return `${LABEL_DIGEST}=${labels[LABEL_DIGEST]},${LABEL_COMPONENT}=${labels[LABEL_COMPONENT]}`;
}

/** The newest pod of this Job (a leftover Job of the same name may have left pods behind). */
async function latestPod(kubectl: Kubectl, job: KubeObject, uid: string | undefined): Promise<PodState | undefined> {
  const pods = (await kubectl.list<PodState>('pods', podSelector(job))).filter((pod) => !uid || (pod.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid));
  return pods.sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '')).at(-1);
}

async function podLog(kubectl: Kubectl, pod: PodState | undefined): Promise<string> {
  if (!pod?.metadata?.name) return '';
  try {
    return lastLines(await kubectl.logs({ kind: 'pod', name: pod.metadata.name }, { tail: 40 }), 20);
  } catch {
    return ''; // logs are a courtesy in the error; their absence must not hide the failure
  }
}
