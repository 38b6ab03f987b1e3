import { badRequest } from './status.js';
import { clone, isObject, jsonEqual, type JsonObject } from './json.js';

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * Merge keys of the lists the strategic merge patch merges by key rather than replaces, as the
 * Kubernetes Go types declare them (`patchMergeKey`). Lists not named here are replaced whole.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  finalizers: '',
};

function mergeList(field: string, target: unknown, patch: unknown[]): unknown[] {
  const key = MERGE_KEYS[field];
  const current = Array.isArray(target) ? clone(target) : [];
  if (key === '') {
    // A primitive set (finalizers): union, keeping order.
    for (const item of patch) if (!current.some((existing) => jsonEqual(existing, item))) current.push(clone(item));
    return current;
  }
  if (key === undefined || patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map((item) => clone(item));
  }
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = current.findIndex((existing) => isObject(existing) && existing[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) current.splice(index, 1);
    } else if (index >= 0) {
      current[index] = strategicMergePatch(current[index], item);
    } else {
      current.push(strategicMergePatch({}, item));
    }
  }
  return current;
}

/**
 * Strategic merge patch, simplified: a JSON merge patch whose lists of containers, env, volumes,
 * volumeMounts, ports (and the other keyed lists above) merge by key; `$patch: delete|replace`,
 * `$retainKeys` and `$deleteFromPrimitiveList/<field>` are honoured; `$setElementOrder/<field>`
 * is accepted and ignored (order is kept as the live object has it, new items appended).
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const replaced = clone(patch);
    delete replaced.$patch;
    return replaced;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/')) continue;
    if (key === '$retainKeys') {
      const keep = new Set(Array.isArray(value) ? value.map(String) : []);
      for (const existing of Object.keys(out)) if (!keep.has(existing) && !(existing in patch)) delete out[existing];
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(value) ? value : [];
      const list = out[field];
      if (Array.isArray(list)) out[field] = list.filter((item) => !drop.some((gone) => jsonEqual(gone, item)));
      continue;
    }
    if (value === null) {
      delete out[key];
    } else if (Array.isArray(value)) {
      out[key] = mergeList(key, out[key], value);
    } else {
      const merged = strategicMergePatch(out[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer "${path}"`);
  return path.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(document: unknown, parts: string[], path: string): { parent: unknown; key: string } {
  let current = document;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isObject(current)) current = current[part];
    else current = undefined;
    if (current === undefined) throw badRequest(`jsonpatch: path ${path} not found`);
  }
  return { parent: current, key: parts[parts.length - 1] };
}

function readAt(document: unknown, path: string): unknown {
  let current = document;
  for (const part of pointer(path)) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

function removeAt(document: unknown, path: string): unknown {
  const parts = pointer(path);
  const { parent, key } = parentOf(document, parts, path);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  if (isObject(parent) && key in parent) {
    const old = parent[key];
    delete parent[key];
    return old;
  }
  throw badRequest(`jsonpatch remove operation does not apply: doc is missing path: "${path}"`);
}

function addAt(document: unknown, path: string, value: unknown, replace: boolean): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return clone(value);
  const { parent, key } = parentOf(document, parts, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (replace) parent[index] = clone(value);
    else parent.splice(index, 0, clone(value));
  } else if (isObject(parent)) {
    if (replace && !(key in parent)) throw badRequest(`jsonpatch replace operation does not apply: doc is missing key: ${path}`);
    parent[key] = clone(value);
  } else {
    throw badRequest(`jsonpatch add operation does not apply: doc is missing path: "${path}"`);
  }
  return document;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest('json patch must be an array of operations');
  let document = clone(target);
  for (const operation of operations) {
    if (!isObject(operation) || typeof operation.path !== 'string') throw badRequest('invalid json patch operation');
    const { op, path } = operation;
    const from = typeof operation.from === 'string' ? operation.from : '';
    switch (op) {
      case 'add':
        document = addAt(document, path, operation.value, false);
        break;
      case 'replace':
        document = addAt(document, path, operation.value, true);
        break;
      case 'remove':
        removeAt(document, path);
        break;
      case 'move':
        document = addAt(document, path, removeAt(document, from), false);
        break;
      case 'copy':
        document = addAt(document, path, readAt(document, from), false);
        break;
      case 'test':
        if (!jsonEqual(readAt(document, path), operation.value)) throw new TestFailed(path);
        break;
      default:
        throw badRequest(`Unexpected kind: ${String(op)}`);
    }
  }
  return document;
}

/** A failed `test` operation (kube-apiserver answers 422 for it). */
export class TestFailed extends Error {
  constructor(readonly path: string) {
    super(`testing value ${path} failed`);
  }
}

/**
 * Removes from `live` what an earlier server-side apply by the same manager set and the new
 * applied configuration no longer mentions: the part of field ownership that matters for
 * idempotent re-applies (a key dropped from a ConfigMap's data disappears).
 */
export function dropUnappliedFields(live: unknown, previous: unknown, next: unknown, field = ''): void {
  if (isObject(live) && isObject(previous)) {
    const nextObject = isObject(next) ? next : {};
    for (const key of Object.keys(previous)) {
      if (!(key in nextObject)) delete live[key];
      else dropUnappliedFields(live[key], previous[key], nextObject[key], key);
    }
    return;
  }
  const key = MERGE_KEYS[field];
  if (key && Array.isArray(live) && Array.isArray(previous) && Array.isArray(next)) {
    const id = (item: unknown): unknown => (isObject(item) ? item[key] : undefined);
    for (const old of previous) {
      const index = live.findIndex((item) => id(item) === id(old));
      if (index < 0) continue;
      const replacement: unknown = (next as unknown[]).find((item) => id(item) === id(old));
      if (replacement === undefined) live.splice(index, 1);
      else dropUnappliedFields(live[index], old, replacement);
    }
  }
}
