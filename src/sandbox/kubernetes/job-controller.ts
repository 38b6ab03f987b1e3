import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import { ContainerConfigError, startContainer, type RunningContainer } from './container-process.js';
import { recordEvent } from './events.js';
import { objectAt, objectsAt, type JsonObject } from './json.js';
import { scheduleOn, unschedulableMessage, type SimNode } from './nodes.js';
import { createPod, podStatus, randomSuffix, setPodStatus, timestamp } from './pods.js';
import { resourceOfKind } from './resources.js';
import { localMounts, materializeVolumes, MountError } from './volumes.js';

const JOB = resourceOfKind('Job');

/**
 * The node simulator for Jobs: schedules each new Job's pod on a configured node whose labels
 * match its nodeSelector, materializes the volumes, runs the init containers and then the first
 * container with the host's `sh` (and tools), keeps the logs, and sets Pod and Job status from
 * the exit code, retrying up to `backoffLimit` times.
 */
export class JobController {
  private readonly logs = new Map<string, string>();
  /** Pods whose containers still run: resolves when they have finished. */
  private readonly finishing = new Map<string, Promise<void>>();
  private readonly running = new Map<string, RunningContainer>();
  private readonly work = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(
    private readonly api: KubeApi,
    private readonly nodes: SimNode[],
    private readonly workDir: string,
    private readonly pvcRoot: (namespace: string, claim: string) => string,
  ) {
    this.unsubscribe = api.store.subscribe((event) => {
      if (event.resource !== JOB) return;
      const uid = String(objectAt(event.object.metadata).uid);
      if (event.type === 'ADDED') {
        const run = this.run(event.object).catch(() => undefined);
        this.work.add(run);
        void run.finally(() => this.work.delete(run));
      } else if (event.type === 'DELETED') {
        this.running.get(uid)?.kill();
      }
    });
  }

  /** The captured output of a pod this simulator ran. */
  podLog(namespace: string, name: string): string | undefined {
    return this.logs.get(`${namespace}/${name}`);
  }

  /** Resolves when the pod's containers have finished (at once when they are not running). */
  async podFinished(namespace: string, name: string): Promise<void> {
    await this.finishing.get(`${namespace}/${name}`);
  }

  /** Resolves when every Job started so far has finished (or is stuck pending). */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.all([...this.work]);
  }

  /** Kills running containers and stops reacting to new Jobs. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const running of this.running.values()) running.kill();
  }

  private setJobStatus(job: JsonObject, status: JsonObject): void {
    const metadata = objectAt(job.metadata);
    this.api.mutate(JOB, String(metadata.namespace), String(metadata.name), (live) => {
      live.status = { ...objectAt(live.status), ...status };
    });
  }

  private alive(job: JsonObject): boolean {
    if (this.stopped) return false;
    const metadata = objectAt(job.metadata);
    const live = this.api.store.get(JOB, String(metadata.namespace), String(metadata.name));
    return live !== undefined && objectAt(live.metadata).uid === metadata.uid;
  }

  private async run(job: JsonObject): Promise<void> {
    const spec = objectAt(job.spec);
    if (spec.suspend === true) return;
    const template = objectAt(spec.template);
    const podSpec = objectAt(template.spec);
    const jobName = String(objectAt(job.metadata).name);
    this.setJobStatus(job, { startTime: timestamp(), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    const node = scheduleOn(this.nodes, podSpec);
    if (!node) {
      const pod = createPod(this.api, job, `${jobName}-${randomSuffix()}`, template, undefined);
      setPodStatus(this.api, pod, podStatus(pod, 'Pending', { waiting: { reason: 'Pending' } }, false));
      recordEvent(this.api, pod, 'Warning', 'FailedScheduling', unschedulableMessage(this.nodes), 'default-scheduler');
      return;
    }
    const backoffLimit = typeof spec.backoffLimit === 'number' ? spec.backoffLimit : 6;
    const uid = String(objectAt(job.metadata).uid);
    let deadlineExceeded = false;
    const deadline = typeof spec.activeDeadlineSeconds === 'number' ? spec.activeDeadlineSeconds : undefined;
    const timer = deadline === undefined ? undefined : setTimeout(() => {
      deadlineExceeded = true;
      this.running.get(uid)?.kill();
    }, deadline * 1000);
    timer?.unref();
    try {
      let failed = 0;
      while (this.alive(job)) {
        const exitCode = await this.runPod(job, template, node);
        if (exitCode === undefined) return;
        if (exitCode === 0 && !deadlineExceeded) {
          this.finish(job, { succeeded: 1 }, 'Complete', 'SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods');
          recordEvent(this.api, job, 'Normal', 'Completed', 'Job completed', 'job-controller');
          return;
        }
        failed += 1;
        if (deadlineExceeded) {
          const message = 'Job was active longer than specified deadline';
          this.finish(job, { failed }, 'Failed', 'FailureTarget', 'DeadlineExceeded', message);
          recordEvent(this.api, job, 'Warning', 'DeadlineExceeded', message, 'job-controller');
          return;
        }
        if (failed > backoffLimit) {
          const message = 'Job has reached the specified backoff limit';
          this.finish(job, { failed }, 'Failed', 'FailureTarget', 'BackoffLimitExceeded', message);
          recordEvent(this.api, job, 'Warning', 'BackoffLimitExceeded', message, 'job-controller');
          return;
        }
        this.setJobStatus(job, { failed, active: 1 });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** The terminal Job status: counts, the interim condition (SuccessCriteriaMet/FailureTarget), then Complete/Failed. */
  private finish(job: JsonObject, counts: JsonObject, type: string, interim: string, reason: string, message: string): void {
    const time = timestamp();
    const condition = (conditionType: string): JsonObject => ({ type: conditionType, status: 'True', reason, message, lastProbeTime: time, lastTransitionTime: time });
    this.setJobStatus(job, {
      active: 0,
      ready: 0,
      ...counts,
      ...(type === 'Complete' ? { completionTime: time } : {}),
      conditions: [condition(interim), condition(type)],
    });
  }

  /** Runs one pod of the Job; the main container's exit code, or undefined when it cannot start. */
  private async runPod(job: JsonObject, template: JsonObject, node: SimNode): Promise<number | undefined> {
    const jobMetadata = objectAt(job.metadata);
    const namespace = String(jobMetadata.namespace);
    const pod = createPod(this.api, job, `${String(jobMetadata.name)}-${randomSuffix()}`, template, node.name);
    const podName = String(objectAt(pod.metadata).name);
    recordEvent(this.api, pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${podName} to ${node.name}`, 'default-scheduler');
    const podDir = join(this.workDir, 'pods', `${namespace}_${podName}`);
    mkdirSync(podDir, { recursive: true });
    const logKey = `${namespace}/${podName}`;
    this.logs.set(logKey, '');
    let finished = (): void => undefined;
    this.finishing.set(logKey, new Promise<void>((resolve) => (finished = resolve)));
    const append = (text: string): void => {
      this.logs.set(logKey, (this.logs.get(logKey) ?? '') + text);
    };
    const podSpec = objectAt(pod.spec);
    let exitCode = 0;
    try {
      const volumes = materializeVolumes(this.api, namespace, podSpec, podDir, { nodeRoot: node.root, pvcRoot: this.pvcRoot });
      setPodStatus(this.api, pod, podStatus(pod, 'Running', { running: { startedAt: timestamp() } }, true));
      const containers = [...objectsAt(podSpec.initContainers), objectsAt(podSpec.containers)[0]].filter((c) => c !== undefined);
      for (const container of containers) {
        const running = startContainer(this.api, pod, container, localMounts(container, volumes), podDir, append);
        this.running.set(String(jobMetadata.uid), running);
        exitCode = await running.exited;
        this.running.delete(String(jobMetadata.uid));
        if (exitCode !== 0) break;
      }
    } catch (error) {
      const reason = error instanceof MountError ? 'FailedMount' : error instanceof ContainerConfigError ? 'Failed' : 'FailedCreatePodSandBox';
      setPodStatus(this.api, pod, podStatus(pod, 'Pending', { waiting: { reason: reason === 'Failed' ? 'CreateContainerConfigError' : 'ContainerCreating', message: String((error as Error).message) } }, false));
      recordEvent(this.api, pod, 'Warning', reason, (error as Error).message, 'kubelet');
      return undefined;
    } finally {
      this.finishing.delete(logKey);
      finished();
    }
    const time = timestamp();
    const terminated = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: time, finishedAt: time };
    setPodStatus(this.api, pod, podStatus(pod, exitCode === 0 ? 'Succeeded' : 'Failed', { terminated }, false));
    return exitCode;
  }
}
