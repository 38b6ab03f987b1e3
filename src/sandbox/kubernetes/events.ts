import { randomBytes } from 'node:crypto';
import type { KubeApi } from './api.js';
import { objectAt, text, type JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';

/**
 * Records a core/v1 Event about an object, as the controllers and the kubelet do, so
 * `kubectl describe` and `kubectl get events` show why a pod is pending or failed.
 */
export function recordEvent(api: KubeApi, involved: JsonObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
  const metadata = objectAt(involved.metadata);
  const namespace = text(metadata.namespace) || 'default';
  const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    api.create(resourceOfKind('Event'), namespace, {
      metadata: { name: `${String(metadata.name)}.${randomBytes(8).toString('hex')}`, namespace },
      involvedObject: {
        kind: involved.kind,
        namespace,
        name: metadata.name,
        uid: metadata.uid,
        apiVersion: involved.apiVersion,
        resourceVersion: metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: { component },
      reportingComponent: component,
      firstTimestamp: time,
      lastTimestamp: time,
      count: 1,
    });
  } catch {
    // The namespace may be gone already; events are best effort, as in a real cluster.
  }
}
