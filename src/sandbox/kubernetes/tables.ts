import { objectAt, objectsAt, stringMap, text, type JsonObject } from './json.js';
import type { ResourceType } from './resources.js';

/** kube's HumanDuration, for the AGE column. */
function humanDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

function age(object: JsonObject): string {
  const created = Date.parse(text(objectAt(object.metadata).creationTimestamp));
  return Number.isNaN(created) ? '<unknown>' : humanDuration((Date.now() - created) / 1000);
}

function podStatusText(pod: JsonObject): string {
  const status = objectAt(pod.status);
  for (const container of objectsAt(status.containerStatuses)) {
    const state = objectAt(container.state);
    const waiting = text(objectAt(state.waiting).reason);
    if (waiting) return waiting;
    const terminated = text(objectAt(state.terminated).reason);
    if (terminated) return terminated;
  }
  return text(status.phase) || 'Pending';
}

function jobStatusText(job: JsonObject): string {
  const conditions = objectsAt(objectAt(job.status).conditions).filter((c) => c.status === 'True').map((c) => text(c.type));
  if (conditions.includes('Complete')) return 'Complete';
  if (conditions.includes('Failed')) return 'Failed';
  return 'Running';
}

type Column = [name: string, cell: (object: JsonObject) => string | number];

/** The columns kube-apiserver's table convertors print per kind (NAME and AGE for the rest). */
const COLUMNS: Record<string, Column[]> = {
  Pod: [
    ['Ready', (o) => {
      const statuses = objectsAt(objectAt(o.status).containerStatuses);
      return `${statuses.filter((s) => s.ready === true).length}/${objectsAt(objectAt(o.spec).containers).length}`;
    }],
    ['Status', podStatusText],
    ['Restarts', () => 0],
  ],
  Deployment: [
    ['Ready', (o) => `${Number(objectAt(o.status).readyReplicas ?? 0)}/${Number(objectAt(o.spec).replicas ?? 1)}`],
    ['Up-to-date', (o) => Number(objectAt(o.status).updatedReplicas ?? 0)],
    ['Available', (o) => Number(objectAt(o.status).availableReplicas ?? 0)],
  ],
  Job: [
    ['Status', jobStatusText],
    ['Completions', (o) => `${Number(objectAt(o.status).succeeded ?? 0)}/${Number(objectAt(o.spec).completions ?? 1)}`],
  ],
  ConfigMap: [['Data', (o) => Object.keys(objectAt(o.data)).length + Object.keys(objectAt(o.binaryData)).length]],
  Secret: [
    ['Type', (o) => text(o.type)],
    ['Data', (o) => Object.keys(objectAt(o.data)).length],
  ],
  Node: [['Status', () => 'Ready']],
  Namespace: [['Status', (o) => text(objectAt(o.status).phase) || 'Active']],
  Lease: [['Holder', (o) => text(objectAt(o.spec).holderIdentity)]],
  Event: [
    ['Type', (o) => text(o.type)],
    ['Reason', (o) => text(o.reason)],
    ['Object', (o) => `${text(objectAt(o.involvedObject).kind).toLowerCase()}/${text(objectAt(o.involvedObject).name)}`],
    ['Message', (o) => text(o.message)],
  ],
};

/** True when the request's Accept header asks for a meta.k8s.io Table (as `kubectl get` does). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').includes('as=Table');
}

/** The objects as a `Table`; rows carry the object (`includeObject=Object`) or its metadata. */
export function toTable(resource: ResourceType, objects: JsonObject[], resourceVersion: string, includeObject: string | null): JsonObject {
  const columns: Column[] = [['Name', (o) => text(objectAt(o.metadata).name)], ...(COLUMNS[resource.kind] ?? []), ['Age', age]];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map(([name], index) => ({
      name,
      type: name === 'Restarts' || name === 'Up-to-date' || name === 'Available' || name === 'Data' ? 'integer' : 'string',
      format: index === 0 ? 'name' : '',
      description: '',
      priority: 0,
    })),
    rows: objects.map((object) => ({
      cells: columns.map(([, cell]) => cell(object)),
      object:
        includeObject === 'Object'
          ? object
          : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { ...objectAt(object.metadata), labels: stringMap(objectAt(object.metadata).labels) } },
    })),
  };
}
