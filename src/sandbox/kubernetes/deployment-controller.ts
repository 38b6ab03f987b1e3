import type { KubeApi } from './api.js';
import { recordEvent } from './events.js';
import { clone, objectAt, objectsAt, type JsonObject } from './json.js';
import { scheduleOn, unschedulableMessage, type SimNode } from './nodes.js';
import { createPod, podStatus, randomSuffix, setPodStatus, timestamp } from './pods.js';
import { resourceOfKind } from './resources.js';

const DEPLOYMENT = resourceOfKind('Deployment');
const POD = resourceOfKind('Pod');

/** Why a rollout happens. */
export interface RolloutContext {
  reason: 'created' | 'updated';
  /** The node the pod was placed on (undefined when none matches its nodeSelector). */
  nodeName?: string;
}

/** The embedder's part of a rollout (the Edge stand-in restarts nginx); a rejection keeps it unready. */
export type RolloutHook = (deployment: JsonObject, context: RolloutContext) => Promise<void>;

/** Whether a rolled-out deployment becomes ready: always, never, or decided per rollout. */
export type Readiness = 'ready' | 'never' | ((deployment: JsonObject) => boolean | Promise<boolean>);

/**
 * The Deployment controller: on every new generation (creation, spec change, `kubectl rollout
 * restart`) it replaces the deployment's pod, calls the embedder's `onRollout` hook and, when the
 * hook resolves and readiness allows, reports the rollout complete (observedGeneration, updated,
 * ready and available replicas, Available and Progressing conditions).
 */
export class DeploymentController {
  private readonly chains = new Map<string, Promise<void>>();
  /** `uid:generation` of the rollouts already started. */
  private readonly handled = new Set<string>();
  private readonly unsubscribe: () => void;
  readiness: Readiness;
  onRollout: RolloutHook | undefined;

  constructor(
    private readonly api: KubeApi,
    private readonly nodes: SimNode[],
    onRollout: RolloutHook | undefined,
    readiness: Readiness,
  ) {
    this.readiness = readiness;
    this.onRollout = onRollout;
    this.unsubscribe = api.store.subscribe((event) => {
      if (event.resource !== DEPLOYMENT || event.type === 'DELETED') return;
      const metadata = objectAt(event.object.metadata);
      const observed = objectAt(event.object.status).observedGeneration;
      if (observed !== undefined && Number(observed) >= Number(metadata.generation)) return;
      const key = `${String(metadata.namespace)}/${String(metadata.name)}`;
      const reason = event.type === 'ADDED' ? 'created' : 'updated';
      const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.rollout(String(metadata.namespace), String(metadata.name), reason)).catch(() => undefined);
      this.chains.set(key, next);
    });
  }

  /** Resolves when the rollouts started so far for the deployment have settled. */
  async settled(namespace: string, name: string): Promise<void> {
    await this.chains.get(`${namespace}/${name}`);
  }

  /** Resolves when every rollout started so far has settled. */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  /** Stops reacting to changes. */
  stop(): void {
    this.unsubscribe();
  }

  private writeStatus(namespace: string, name: string, status: (live: JsonObject) => JsonObject): void {
    this.api.mutate(DEPLOYMENT, namespace, name, (live) => {
      live.status = status(live);
    });
  }

  private async isReady(deployment: JsonObject): Promise<boolean> {
    const readiness = this.readiness;
    if (readiness === 'ready') return true;
    if (readiness === 'never') return false;
    return readiness(deployment);
  }

  private async rollout(namespace: string, name: string, reason: RolloutContext['reason']): Promise<void> {
    const deployment = this.api.store.get(DEPLOYMENT, namespace, name);
    if (!deployment) return;
    const metadata = objectAt(deployment.metadata);
    const generation = Number(metadata.generation);
    const handled = `${String(metadata.uid)}:${generation}`;
    if (this.handled.has(handled)) return;
    this.handled.add(handled);
    const spec = objectAt(deployment.spec);
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const time = timestamp();
    this.writeStatus(namespace, name, () => ({
      observedGeneration: generation,
      replicas,
      // The old pod is replaced at once, so the new one is updated but not yet available.
      updatedReplicas: replicas,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: replicas,
      conditions: [
        { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: time, lastTransitionTime: time },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.`, lastUpdateTime: time, lastTransitionTime: time },
      ],
    }));
    const template = clone(objectAt(spec.template));
    const node = scheduleOn(this.nodes, objectAt(template.spec));
    const pod = this.replacePod(deployment, template, node);
    recordEvent(this.api, deployment, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`, 'deployment-controller');
    let ready = node !== undefined;
    try {
      if (this.onRollout) await this.onRollout(deployment, { reason, nodeName: node?.name });
      ready = ready && (await this.isReady(deployment));
    } catch (error) {
      ready = false;
      recordEvent(this.api, pod, 'Warning', 'Unhealthy', `Readiness probe failed: ${(error as Error).message}`, 'kubelet');
    }
    const live = this.api.store.get(DEPLOYMENT, namespace, name);
    if (!live || Number(objectAt(live.metadata).generation) !== generation) return;
    if (node) setPodStatus(this.api, pod, podStatus(pod, 'Running', { running: { startedAt: timestamp() } }, ready));
    if (!ready) return;
    const done = timestamp();
    this.writeStatus(namespace, name, () => ({
      observedGeneration: generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: done, lastTransitionTime: done },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.`, lastUpdateTime: done, lastTransitionTime: time },
      ],
    }));
  }

  /** Deletes the deployment's pods and creates the new one (Pending when no node matches). */
  private replacePod(deployment: JsonObject, template: JsonObject, node: SimNode | undefined): JsonObject {
    const metadata = objectAt(deployment.metadata);
    const namespace = String(metadata.namespace);
    for (const pod of this.api.store.list(POD, namespace)) {
      const podMetadata = objectAt(pod.metadata);
      if (objectsAt(podMetadata.ownerReferences).some((owner) => owner.uid === metadata.uid)) {
        this.api.delete(POD, namespace, String(podMetadata.name));
      }
    }
    const pod = createPod(this.api, deployment, `${String(metadata.name)}-${randomSuffix(10)}-${randomSuffix()}`, template, node?.name);
    if (!node) {
      setPodStatus(this.api, pod, podStatus(pod, 'Pending', { waiting: { reason: 'Pending' } }, false));
      recordEvent(this.api, pod, 'Warning', 'FailedScheduling', unschedulableMessage(this.nodes), 'default-scheduler');
    } else {
      setPodStatus(this.api, pod, podStatus(pod, 'Running', { running: { startedAt: timestamp() } }, false));
    }
    return pod;
  }
}
