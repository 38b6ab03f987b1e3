import type { ServerResponse } from 'node:http';
import { selected, type ListOptions } from './api.js';
import { objectAt, type JsonObject } from './json.js';
import type { ResourceType } from './resources.js';
import { expired } from './status.js';
import type { ObjectStore, StoreEvent } from './store.js';

/** What a watch request asks for. */
export interface WatchRequest extends ListOptions {
  resource: ResourceType;
  /** undefined watches every namespace. */
  namespace?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
}

/**
 * Streams newline-delimited `{type, object}` events as kube-apiserver does: from a given
 * resourceVersion it replays later changes (an ERROR event with a 410 Status when that is older
 * than the kept history); without one (or from "0") it first sends the current objects as ADDED.
 * Returns a function that ends the stream (used on server stop).
 */
export function streamWatch(store: ObjectStore, request: WatchRequest, response: ServerResponse): () => void {
  const namespace = request.resource.namespaced ? request.namespace : undefined;
  const relevant = (event: StoreEvent): boolean =>
    event.resource === request.resource &&
    (namespace === undefined || objectAt(event.object.metadata).namespace === namespace) &&
    selected(event.object, request);
  const send = (type: string, object: JsonObject): void => {
    response.write(`${JSON.stringify({ type, object })}\n`);
  };

  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  // A watch with nothing to replay must still answer its headers now: client-go waits for them.
  response.flushHeaders();
  const version = request.resourceVersion;
  if (request.sendInitialEvents || !version || version === '0') {
    for (const object of store.list(request.resource, namespace)) if (selected(object, request)) send('ADDED', object);
    if (request.sendInitialEvents) {
      send('BOOKMARK', {
        kind: request.resource.kind,
        apiVersion: request.resource.group ? `${request.resource.group}/${request.resource.version}` : request.resource.version,
        metadata: { resourceVersion: store.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } },
      });
    }
  } else {
    const replay = store.since(Number(version));
    if (!replay) {
      send('ERROR', expired(version).toStatus());
      response.end();
      return () => undefined;
    }
    for (const event of replay) if (relevant(event)) send(event.type, event.object);
  }

  let ended = false;
  const unsubscribe = store.subscribe((event) => {
    if (!ended && relevant(event)) send(event.type, event.object);
  });
  const end = (): void => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearTimeout(timer);
    response.end();
  };
  const timer = setTimeout(end, (request.timeoutSeconds ?? 1800) * 1000);
  timer.unref();
  response.on('close', end);
  return end;
}
