import { child, isObject, jsonEqual, objectAt, stringAt, stringMap, type JsonObject } from './json.js';
import type { ResourceType } from './resources.js';
import { invalid } from './status.js';

/** etcd's object limit as kube-apiserver enforces it for ConfigMaps and Secrets. */
const MAX_DATA_BYTES = 1024 * 1024;

/**
 * kube-apiserver's limit on the total size of an object's annotations. It is what makes a
 * client-side `kubectl apply` of a large ConfigMap fail (the last-applied annotation copies it).
 */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

function dataSize(object: JsonObject, base64: boolean): number {
  let total = 0;
  for (const field of ['data', 'binaryData']) {
    for (const [key, value] of Object.entries(stringMap(object[field]))) {
      total += key.length + (base64 || field === 'binaryData' ? Buffer.from(value, 'base64').length : Buffer.byteLength(value));
    }
  }
  return total;
}

/**
 * What kube-apiserver's defaulting and validation do on create and update, for the fields the
 * deploy depends on: Secret `stringData` folded into base64 `data`, the 1 MiB limit of
 * ConfigMaps and Secrets, a Job's generated selector and labels, a Deployment's defaults.
 */
export function applyDefaults(resource: ResourceType, object: JsonObject, created: boolean): void {
  const metadata = objectAt(object.metadata);
  const name = String(metadata.name);
  const annotations = Object.entries(stringMap(metadata.annotations)).reduce((total, [key, value]) => total + key.length + Buffer.byteLength(value), 0);
  if (annotations > MAX_ANNOTATIONS_BYTES) {
    throw invalid(resource, name, 'metadata.annotations', `Too long: must have at most ${MAX_ANNOTATIONS_BYTES} bytes`, 'FieldValueTooLong');
  }
  if (resource.kind === 'Secret') {
    const stringData = stringMap(object.stringData);
    if (Object.keys(stringData).length > 0) {
      const data = child(object, 'data');
      for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(value).toString('base64');
    }
    delete object.stringData;
    if (!object.type) object.type = 'Opaque';
    for (const [key, value] of Object.entries(stringMap(object.data))) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw invalid(resource, name, `data[${key}]`, 'Invalid value: illegal base64 data');
    }
    if (dataSize(object, true) > MAX_DATA_BYTES) throw invalid(resource, name, 'data', `Too long: must have at most ${MAX_DATA_BYTES} bytes`, 'FieldValueTooLong');
  }
  if (resource.kind === 'ConfigMap' && dataSize(object, false) > MAX_DATA_BYTES) {
    throw invalid(resource, name, '[]', `Too long: must have at most ${MAX_DATA_BYTES} bytes`, 'FieldValueTooLong');
  }
  if (resource.kind === 'Job' && created) defaultJob(object, metadata);
  if (resource.kind === 'Deployment') {
    const spec = child(object, 'spec');
    if (typeof spec.replicas !== 'number') spec.replicas = 1;
    if (!isObject(spec.strategy)) spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
    if (typeof spec.progressDeadlineSeconds !== 'number') spec.progressDeadlineSeconds = 600;
  }
  if (resource.kind === 'Namespace') {
    const labels = child(metadata, 'labels');
    labels['kubernetes.io/metadata.name'] = name;
    object.spec = { finalizers: ['kubernetes'], ...objectAt(object.spec) };
    object.status = { phase: 'Active' };
  }
}

function defaultJob(object: JsonObject, metadata: JsonObject): void {
  const uid = String(metadata.uid);
  const name = String(metadata.name);
  const spec = child(object, 'spec');
  const generated = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  if (spec.manualSelector !== true) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = child(spec, 'template');
  const templateMetadata = child(template, 'metadata');
  templateMetadata.labels = { ...stringMap(templateMetadata.labels), ...generated };
  if (typeof spec.backoffLimit !== 'number') spec.backoffLimit = 6;
  if (typeof spec.completions !== 'number') spec.completions = 1;
  if (typeof spec.parallelism !== 'number') spec.parallelism = 1;
  if (!stringAt(spec.completionMode)) spec.completionMode = 'NonIndexed';
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  const labels = child(metadata, 'labels');
  for (const [key, value] of Object.entries(generated)) if (!key.includes('uid')) labels[key] ??= value;
  labels['batch.kubernetes.io/controller-uid'] ??= uid;
  labels['controller-uid'] ??= uid;
}

/** Fields kube-apiserver refuses to change after creation, per kind. */
const IMMUTABLE: Record<string, string[]> = {
  Job: ['selector', 'template', 'completions', 'completionMode'],
  Deployment: ['selector'],
};

/**
 * Rejects an update of an immutable spec field with the 422 kube-apiserver answers (a
 * re-applied Job with a changed pod template must be deleted and created again).
 */
export function checkImmutable(resource: ResourceType, old: JsonObject, next: JsonObject): void {
  const oldSpec = objectAt(old.spec);
  const nextSpec = objectAt(next.spec);
  for (const field of IMMUTABLE[resource.kind] ?? []) {
    if (!jsonEqual(oldSpec[field], nextSpec[field])) {
      throw invalid(resource, String(objectAt(old.metadata).name), `spec.${field}`, 'Invalid value: field is immutable');
    }
  }
}
