import { randomUUID } from 'node:crypto';
import { applyDefaults, checkImmutable } from './defaults.js';
import { clone, isObject, text, jsonEqual, objectAt, objectsAt, stringAt, stringMap, type JsonObject } from './json.js';
import { dropUnappliedFields, jsonPatch, mergePatch, strategicMergePatch, TestFailed } from './patch.js';
import { profileTraits, type ProfileTraits } from './profiles.js';
import { groupVersion, RESOURCES, resourceOfKind, type ResourceType } from './resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { alreadyExists, ApiError, badRequest, conflict, invalid, notFound, unsupportedMediaType } from './status.js';
import type { ObjectStore } from './store.js';

/** Options of a write: `dryRun=All` computes the answer and changes nothing. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** `status` writes only the status (the /status subresource); otherwise status is kept. */
  subresource?: string;
}

/** Options of a delete. */
export interface DeleteOptions {
  dryRun?: boolean;
  propagationPolicy?: string;
}

/** Selectors of a list. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** True when the object matches the list's selectors. */
export function selected(object: JsonObject, options: ListOptions): boolean {
  const labels = stringMap(objectAt(object.metadata).labels);
  if (options.labelSelector && !matchesLabels(parseLabelSelector(options.labelSelector), labels)) return false;
  return !options.fieldSelector || matchesFields(parseFieldSelector(options.fieldSelector), object);
}

/**
 * The API semantics, apart from HTTP: create, get, list, update, patch and delete with
 * kube-apiserver's metadata rules (uid, resourceVersion, generation, creationTimestamp),
 * conflicts, dry runs, server-side apply and garbage collection of owned objects.
 */
export class KubeApi {
  /** What each manager last applied server-side, to drop fields it stops applying. */
  private readonly applied = new Map<string, unknown>();

  constructor(
    readonly store: ObjectStore,
    readonly traits: ProfileTraits = profileTraits('current'),
  ) {}

  /** The PATCH content types served, in kube-apiserver's order (apply only where the gate is on). */
  patchTypes(): string[] {
    const types = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
    return this.traits.serverSideApply ? [...types, 'application/apply-patch+yaml'] : types;
  }

  /**
   * The Job strategy's dropDisabledFields: with TTLAfterFinished off (1.15) a new or updated Job
   * loses `spec.ttlSecondsAfterFinished`, unless the stored Job already had it.
   */
  private dropDisabledFields(resource: ResourceType, object: JsonObject, old?: JsonObject): void {
    if (resource.kind !== 'Job' || this.traits.jobTtl) return;
    if (old && objectAt(old.spec).ttlSecondsAfterFinished !== undefined) return;
    if (isObject(object.spec)) delete object.spec.ttlSecondsAfterFinished;
  }

  private requireNamespace(resource: ResourceType, namespace: string): void {
    if (resource.namespaced && !this.store.get(resourceOfKind('Namespace'), '', namespace)) {
      throw notFound(resourceOfKind('Namespace'), namespace);
    }
  }

  /** GET one object (404 NotFound Status when absent). */
  get(resource: ResourceType, namespace: string, name: string): JsonObject {
    const found = this.store.get(resource, resource.namespaced ? namespace : '', name);
    if (!found) throw notFound(resource, name);
    return found;
  }

  /** LIST with selectors; `namespace` undefined lists across namespaces. */
  list(resource: ResourceType, namespace: string | undefined, options: ListOptions = {}): JsonObject {
    const items = this.store.list(resource, resource.namespaced ? namespace : '').filter((item) => selected(item, options));
    return {
      kind: `${resource.kind}List`,
      apiVersion: groupVersion(resource),
      metadata: { resourceVersion: this.store.resourceVersion },
      items,
    };
  }

  /** POST: creates the object (409 AlreadyExists when present). */
  create(resource: ResourceType, namespace: string, body: unknown, options: WriteOptions = {}): JsonObject {
    if (!isObject(body)) throw badRequest('the body of the request must be a JSON object');
    const object = clone(body);
    const metadata = objectAt(object.metadata);
    object.metadata = metadata;
    if (!stringAt(metadata.name) && stringAt(metadata.generateName)) {
      metadata.name = `${String(metadata.generateName)}${randomUUID().slice(0, 5)}`;
    }
    const name = stringAt(metadata.name);
    if (!name) throw invalid(resource, '', 'metadata.name', 'Required value: name or generateName is required', 'FieldValueRequired');
    if (resource.namespaced) {
      if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      metadata.namespace = namespace;
      this.requireNamespace(resource, namespace);
    } else {
      delete metadata.namespace;
    }
    if (this.store.get(resource, resource.namespaced ? namespace : '', name)) throw alreadyExists(resource, name);
    object.apiVersion = groupVersion(resource);
    object.kind = resource.kind;
    metadata.uid = randomUUID();
    metadata.creationTimestamp = now();
    delete metadata.resourceVersion;
    if (resource.generation) metadata.generation = 1;
    if (resource.subresources?.includes('status') && resource.kind !== 'Namespace') delete object.status;
    this.recordManager(metadata, options.fieldManager, 'Update', resource);
    this.dropDisabledFields(resource, object);
    applyDefaults(resource, object, true);
    if (options.dryRun) return { ...object, metadata: { ...metadata, resourceVersion: this.store.resourceVersion } };
    return this.store.write(resource, object);
  }

  /** PUT: replaces the object, with the optimistic-concurrency check on metadata.resourceVersion. */
  update(resource: ResourceType, namespace: string, name: string, body: unknown, options: WriteOptions = {}): JsonObject {
    if (!isObject(body)) throw badRequest('the body of the request must be a JSON object');
    const old = this.get(resource, namespace, name);
    const sentVersion = stringAt(objectAt(body.metadata).resourceVersion);
    if (sentVersion && sentVersion !== objectAt(old.metadata).resourceVersion) throw conflict(resource, name);
    return this.commit(resource, old, clone(body), options);
  }

  /** PATCH in any of the four patch formats kubectl sends. */
  patch(resource: ResourceType, namespace: string, name: string, contentType: string, body: unknown, options: WriteOptions = {}): JsonObject {
    const type = contentType.split(';')[0].trim();
    if (!this.patchTypes().includes(type)) throw unsupportedMediaType(this.patchTypes());
    const old = this.store.get(resource, resource.namespaced ? namespace : '', name);
    if (type === 'application/apply-patch+yaml') return this.apply(resource, namespace, name, old, body, options);
    if (!old) throw notFound(resource, name);
    let next: unknown;
    try {
      if (type === 'application/merge-patch+json') next = mergePatch(old, body);
      else if (type === 'application/strategic-merge-patch+json') next = strategicMergePatch(old, body);
      else if (type === 'application/json-patch+json') next = jsonPatch(old, body);
      else throw unsupportedMediaType(this.patchTypes());
    } catch (error) {
      if (error instanceof TestFailed) throw invalid(resource, name, error.path, error.message);
      throw error;
    }
    if (!isObject(next)) throw badRequest('the patch did not produce an object');
    const sentVersion = isObject(body) ? stringAt(objectAt(body.metadata).resourceVersion) : undefined;
    if (sentVersion && sentVersion !== objectAt(old.metadata).resourceVersion) throw conflict(resource, name);
    return this.commit(resource, old, next, options);
  }

  /**
   * Server-side apply, simplified: creates the object when absent, otherwise merges the applied
   * configuration (strategic rules) and drops the fields this manager applied before but no
   * longer does. Conflicts between managers are not detected (`--force-conflicts` is a no-op).
   */
  private apply(resource: ResourceType, namespace: string, name: string, old: JsonObject | undefined, body: unknown, options: WriteOptions): JsonObject {
    if (!isObject(body)) throw badRequest('the applied configuration must be an object');
    const manager = options.fieldManager;
    if (!manager) throw badRequest('PATCH requests with apply content type require a fieldManager');
    const key = `${resource.group}/${resource.plural}/${namespace}/${name}/${manager}`;
    const applied = clone(body);
    const appliedMetadata = objectAt(applied.metadata);
    applied.metadata = { ...appliedMetadata, name };
    let result: JsonObject;
    if (!old) {
      result = this.create(resource, namespace, applied, { ...options, fieldManager: undefined });
    } else {
      const live = clone(old);
      dropUnappliedFields(live, this.applied.get(key), applied);
      const next = strategicMergePatch(live, applied) as JsonObject;
      result = this.commit(resource, old, next, { ...options, fieldManager: undefined });
    }
    if (options.dryRun) return result;
    this.applied.set(key, applied);
    const unchanged = old !== undefined && objectAt(result.metadata).resourceVersion === objectAt(old.metadata).resourceVersion;
    const known = objectsAt(objectAt(old?.metadata).managedFields).some((entry) => entry.manager === manager && entry.operation === 'Apply');
    if (unchanged && known) return result;
    const metadata = objectAt(result.metadata);
    this.recordManager(metadata, manager, 'Apply', resource);
    return this.store.write(resource, { ...result, metadata });
  }

  private recordManager(metadata: JsonObject, manager: string | undefined, operation: string, resource: ResourceType): void {
    if (!manager) return;
    const entries = objectsAt(metadata.managedFields).filter((entry) => !(entry.manager === manager && entry.operation === operation));
    entries.push({ manager, operation, apiVersion: groupVersion(resource), time: now(), fieldsType: 'FieldsV1', fieldsV1: {} });
    metadata.managedFields = entries;
  }

  /** Stores `next` as the new state of `old`, keeping what the API owns. */
  private commit(resource: ResourceType, old: JsonObject, next: JsonObject, options: WriteOptions): JsonObject {
    const oldMetadata = objectAt(old.metadata);
    let object: JsonObject;
    if (options.subresource === 'status') {
      object = { ...old, status: next.status };
    } else {
      object = next;
      if (resource.subresources?.includes('status') && old.status !== undefined) object.status = old.status;
      else if (resource.subresources?.includes('status')) delete object.status;
    }
    const metadata = { ...objectAt(object.metadata) };
    for (const field of ['uid', 'creationTimestamp', 'name', 'namespace', 'generation', 'managedFields']) {
      if (oldMetadata[field] === undefined) delete metadata[field];
      else metadata[field] = oldMetadata[field];
    }
    if (resource.generation && !jsonEqual(old.spec, object.spec)) metadata.generation = Number(oldMetadata.generation ?? 1) + 1;
    object.metadata = metadata;
    object.apiVersion = groupVersion(resource);
    object.kind = resource.kind;
    this.recordManager(metadata, options.fieldManager, 'Update', resource);
    this.dropDisabledFields(resource, object, old);
    applyDefaults(resource, object, false);
    checkImmutable(resource, old, object);
    const unchanged = jsonEqual({ ...object, metadata: { ...metadata, managedFields: undefined, resourceVersion: undefined } }, { ...old, metadata: { ...oldMetadata, managedFields: undefined, resourceVersion: undefined } });
    // kube-apiserver skips the write (and keeps the resourceVersion) when nothing changed.
    if (options.dryRun || unchanged) return { ...object, metadata: { ...metadata, resourceVersion: oldMetadata.resourceVersion } };
    return this.store.write(resource, object);
  }

  /** DELETE, then garbage-collects owned objects unless the propagation policy orphans them. */
  delete(resource: ResourceType, namespace: string, name: string, options: DeleteOptions = {}): JsonObject {
    const old = this.get(resource, namespace, name);
    const details = { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural, uid: objectAt(old.metadata).uid };
    const answer = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
    if (options.dryRun) return answer;
    this.store.remove(resource, resource.namespaced ? namespace : '', name);
    for (const key of [...this.applied.keys()]) if (key.startsWith(`${resource.group}/${resource.plural}/${namespace}/${name}/`)) this.applied.delete(key);
    // batch/v1 Jobs orphan their pods unless a propagation policy is given; everything else cascades.
    const policy = options.propagationPolicy ?? (resource.kind === 'Job' ? 'Orphan' : 'Background');
    if (policy !== 'Orphan') this.collectDependents(String(objectAt(old.metadata).uid));
    if (resource.kind === 'Namespace') this.deleteNamespaceContents(name);
    return answer;
  }

  private collectDependents(uid: string): void {
    for (const resource of RESOURCES) {
      for (const object of this.store.list(resource)) {
        const metadata = objectAt(object.metadata);
        if (objectsAt(metadata.ownerReferences).some((owner) => owner.uid === uid)) {
          this.delete(resource, text(metadata.namespace), String(metadata.name), { propagationPolicy: 'Background' });
        }
      }
    }
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const resource of RESOURCES.filter((r) => r.namespaced)) {
      for (const object of this.store.list(resource, namespace)) {
        this.store.remove(resource, namespace, String(objectAt(object.metadata).name));
      }
    }
  }

  /** Controller-side write: applies `mutate` to the live object and stores it (no-op if gone). */
  mutate(resource: ResourceType, namespace: string, name: string, mutate: (object: JsonObject) => void): JsonObject | undefined {
    const live = this.store.get(resource, resource.namespaced ? namespace : '', name);
    if (!live) return undefined;
    const before = clone(live);
    mutate(live);
    return jsonEqual(before, live) ? live : this.store.write(resource, live);
  }
}

export { ApiError };
