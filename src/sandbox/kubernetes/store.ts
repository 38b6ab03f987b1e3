import { clone, objectAt, text, type JsonObject } from './json.js';
import type { ResourceType } from './resources.js';

/** A change to a stored object, as a watch reports it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: ResourceType;
  object: JsonObject;
  /** The global resourceVersion this change produced. */
  resourceVersion: number;
}

/** How many changes a watch from an old resourceVersion can replay before answering 410. */
const HISTORY_LIMIT = 10000;

/**
 * The object store: every object keyed by resource, namespace and name, with one global
 * resourceVersion counter (as etcd's revision) and the recent change history watches replay.
 */
export class ObjectStore {
  private readonly objects = new Map<string, JsonObject>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private revision = 1000;

  private static key(resource: ResourceType, namespace: string, name: string): string {
    return `${resource.group}/${resource.plural}/${namespace}/${name}`;
  }

  /** The current global resourceVersion. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  /** A copy of the stored object, if any. */
  get(resource: ResourceType, namespace: string, name: string): JsonObject | undefined {
    const found = this.objects.get(ObjectStore.key(resource, namespace, name));
    return found ? clone(found) : undefined;
  }

  /** Copies of the objects of a resource, in one namespace or all (`undefined`), ordered by name. */
  list(resource: ResourceType, namespace?: string): JsonObject[] {
    const prefix = `${resource.group}/${resource.plural}/${namespace === undefined ? '' : `${namespace}/`}`;
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, object]) => clone(object));
  }

  /** Stores the object under a new resourceVersion and tells watchers; returns the stored copy. */
  write(resource: ResourceType, object: JsonObject): JsonObject {
    const metadata = objectAt(object.metadata);
    const key = ObjectStore.key(resource, text(metadata.namespace), String(metadata.name));
    const type = this.objects.has(key) ? 'MODIFIED' : 'ADDED';
    this.revision += 1;
    const stored = clone(object);
    stored.metadata = { ...metadata, resourceVersion: String(this.revision) };
    this.objects.set(key, stored);
    this.emit({ type, resource, object: stored, resourceVersion: this.revision });
    return clone(stored);
  }

  /** Removes the object; tells watchers with a DELETED event carrying a new resourceVersion. */
  remove(resource: ResourceType, namespace: string, name: string): JsonObject | undefined {
    const key = ObjectStore.key(resource, namespace, name);
    const found = this.objects.get(key);
    if (!found) return undefined;
    this.objects.delete(key);
    this.revision += 1;
    const gone = clone(found);
    gone.metadata = { ...objectAt(gone.metadata), resourceVersion: String(this.revision) };
    this.emit({ type: 'DELETED', resource, object: gone, resourceVersion: this.revision });
    return clone(gone);
  }

  /** The changes after `resourceVersion`, or undefined when the history no longer reaches back that far. */
  since(resourceVersion: number): StoreEvent[] | undefined {
    const oldest = this.history[0]?.resourceVersion ?? this.revision + 1;
    if (resourceVersion < oldest - 1 && resourceVersion < this.revision) return undefined;
    return this.history.filter((event) => event.resourceVersion > resourceVersion);
  }

  /** Calls `listener` for every later change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    for (const listener of [...this.listeners]) listener(event);
  }
}
