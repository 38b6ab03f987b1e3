import { randomBytes } from 'node:crypto';
import type { KubeApi } from './api.js';
import { clone, objectAt, objectsAt, stringMap, type JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';

/** Five lower-case alphanumerics, as the controllers suffix generated pod names. */
export function randomSuffix(length = 5): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

const timestamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** Creates a Pod from an owner's pod template, owned by it, bound to `nodeName` (or pending). */
export function createPod(api: KubeApi, owner: JsonObject, name: string, template: JsonObject, nodeName: string | undefined): JsonObject {
  const ownerMetadata = objectAt(owner.metadata);
  const templateMetadata = objectAt(template.metadata);
  const spec = clone(objectAt(template.spec));
  if (nodeName) spec.nodeName = nodeName;
  spec.restartPolicy ??= 'Always';
  return api.create(resourceOfKind('Pod'), String(ownerMetadata.namespace), {
    metadata: {
      name,
      labels: stringMap(templateMetadata.labels),
      annotations: stringMap(templateMetadata.annotations),
      ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: ownerMetadata.name, uid: ownerMetadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  });
}

/** The status fields of a pod in a phase, with its containers' states. */
export function podStatus(pod: JsonObject, phase: string, state: JsonObject, ready: boolean, extra: JsonObject = {}): JsonObject {
  const time = timestamp();
  const containers = objectsAt(objectAt(pod.spec).containers);
  const scheduled = phase !== 'Pending' || objectAt(pod.spec).nodeName !== undefined;
  return {
    phase,
    conditions: [
      { type: 'PodScheduled', status: scheduled ? 'True' : 'False', lastTransitionTime: time },
      { type: 'Initialized', status: 'True', lastTransitionTime: time },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: time },
      { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: time },
    ],
    hostIP: '127.0.0.1',
    podIP: '127.0.0.1',
    startTime: time,
    containerStatuses: containers.map((container) => ({
      name: container.name,
      image: container.image,
      imageID: '',
      ready,
      restartCount: 0,
      started: phase === 'Running',
      state,
    })),
    ...extra,
  };
}

/** Writes a pod's status (ignored when the pod is gone). */
export function setPodStatus(api: KubeApi, pod: JsonObject, status: JsonObject): void {
  const metadata = objectAt(pod.metadata);
  api.mutate(resourceOfKind('Pod'), String(metadata.namespace), String(metadata.name), (live) => {
    live.status = status;
  });
}

export { timestamp };
