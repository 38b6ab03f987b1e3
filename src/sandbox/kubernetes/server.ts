import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import type { KubeApi } from './api.js';
import { isObject, objectAt, objectsAt, stringAt, type JsonObject } from './json.js';
import { discoveryDocument, groupDocument } from './discovery.js';
import type { ExecHandler } from './exec-handler.js';
import { planExec } from './exec-session.js';
import { isSpdyUpgrade, offeredStreamProtocols, refuseSpdy, serveSpdyExec, SPDY_V4 } from './exec-spdy.js';
import { offeredProtocols, refuseWebSocket, serveWebSocketExec, webSocketProtocols } from './exec-websocket.js';
import { authorize, isDenied, type DenyRule } from './rbac.js';
import { RequestLog } from './request-log.js';
import { decodeAccessReview } from './protobuf.js';
import { parseResourcePath, type ResourceRoute } from './routing.js';
import { ApiError, badRequest, unauthorized } from './status.js';
import type { TlsMaterial } from './tls.js';
import { toTable, wantsTable } from './tables.js';
import { streamWatch } from './watch.js';

/** What the HTTP layer needs from the rest of the stand-in. */
export interface ServerContext {
  api: KubeApi;
  /** The bearer token required; undefined serves without authentication (plain HTTP). */
  token?: string;
  user: string;
  /** Read on every request, so a test can change the rules while the server runs. */
  denyRules: () => readonly DenyRule[];
  log: RequestLog;
  /** The captured output of a pod's container, if the node simulator ran it. */
  podLog: (namespace: string, name: string) => string | undefined;
  /** Resolves when the pod's containers have finished (for `follow=true`). */
  podFinished: (namespace: string, name: string) => Promise<void>;
  /** Who runs `kubectl exec` commands (read per request: the embedder may install one later). */
  execHandler: () => ExecHandler;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(text: string, contentType: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Server-side apply is `application/apply-patch+yaml`; kubectl sends JSON, others send YAML.
    if (contentType.includes('yaml')) return parseYaml(text) as unknown;
    throw badRequest('the request body is not valid JSON');
  }
}

function verbOf(method: string, route: ResourceRoute, query: URLSearchParams): string {
  const watch = query.get('watch');
  if (method === 'GET') return route.name ? 'get' : watch === 'true' || watch === '1' ? 'watch' : 'list';
  if (method === 'POST') return 'create';
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  if (method === 'DELETE') return route.name ? 'delete' : 'deletecollection';
  throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
}

/** Answers `kubectl auth can-i`: allowed unless a deny rule covers the asked attributes. */
function review(context: ServerContext, body: unknown): JsonObject {
  const spec = objectAt(isObject(body) ? body.spec : undefined);
  const asked = objectAt(spec.resourceAttributes);
  const sub = stringAt(asked.subresource);
  const resource = `${stringAt(asked.resource) ?? ''}${sub ? `/${sub}` : ''}`;
  const denied = isDenied(context.denyRules(), {
    verb: stringAt(asked.verb) ?? '',
    resource,
    group: stringAt(asked.group) ?? '',
    namespace: stringAt(asked.namespace) || undefined,
    name: stringAt(asked.name) || undefined,
  });
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: !denied },
  };
}

/** The last `count` lines of a log (all when no count is given). */
function tailLines(log: string, count: string | null): string {
  const wanted = Number(count ?? '');
  if (count === null || !Number.isInteger(wanted) || wanted < 0) return log;
  const lines = log.endsWith('\n') ? log.slice(0, -1).split('\n') : log.split('\n');
  if (log === '' || wanted === 0) return '';
  return `${lines.slice(-wanted).join('\n')}${log.endsWith('\n') ? '\n' : ''}`;
}

async function serveResource(context: ServerContext, request: IncomingMessage, response: ServerResponse, route: ResourceRoute, query: URLSearchParams, outcome: { dryRun: boolean }): Promise<number> {
  const method = request.method ?? 'GET';
  const verb = verbOf(method, route, query);
  const { api } = context;
  const { resource, name, subresource } = route;
  const namespace = route.namespace ?? '';
  authorize(context.denyRules(), { user: context.user, verb, resource, subresource, namespace: route.namespace, name });
  const options = {
    dryRun: query.getAll('dryRun').includes('All'),
    fieldManager: query.get('fieldManager') ?? undefined,
    subresource,
  };
  const selectors = { labelSelector: query.get('labelSelector') ?? undefined, fieldSelector: query.get('fieldSelector') ?? undefined };
  const contentType = request.headers['content-type'] ?? '';
  const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(request);
  const text = raw.toString('utf8');
  // Typed clients (`kubectl auth can-i`) send protobuf; only the access review is decoded.
  const protobuf = contentType.startsWith('application/vnd.kubernetes.protobuf');
  if (protobuf && resource.kind !== 'SelfSubjectAccessReview') throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  const body = protobuf ? decodeAccessReview(raw) : text.trim() === '' ? undefined : parseBody(text, contentType);
  // kubectl sends DeleteOptions (propagationPolicy, dryRun) in the DELETE body, others in the query.
  const deleteOptions = method === 'DELETE' && isObject(body) ? body : {};
  if (Array.isArray(deleteOptions.dryRun) && deleteOptions.dryRun.includes('All')) options.dryRun = true;
  outcome.dryRun = options.dryRun;

  if (resource.kind === 'SelfSubjectAccessReview') {
    if (verb !== 'create') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    send(response, 201, review(context, body));
    return 201;
  }
  // pods/exec is a connection upgrade (see serveUpgrade); a plain request is refused by the proxy.
  if (subresource === 'exec') throw badRequest('Upgrade request required');
  const table = wantsTable(request.headers.accept) && subresource === undefined;
  if (subresource === 'log') {
    api.get(resource, namespace, name ?? '');
    // `follow` is answered once the containers have finished, all at once (no live streaming).
    if (query.get('follow') === 'true') await context.podFinished(namespace, name ?? '');
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(tailLines(context.podLog(namespace, name ?? '') ?? '', query.get('tailLines')));
    return 200;
  }
  switch (verb) {
    case 'get': {
      const object = api.get(resource, namespace, name ?? '');
      send(response, 200, table ? toTable(resource, [object], api.store.resourceVersion, query.get('includeObject')) : object);
      return 200;
    }
    case 'list': {
      const list = api.list(resource, route.namespace, selectors);
      send(response, 200, table ? toTable(resource, objectsAt(list.items), api.store.resourceVersion, query.get('includeObject')) : list);
      return 200;
    }
    case 'watch': {
      const timeout = Number(query.get('timeoutSeconds') ?? '');
      streamWatch(api.store, {
        resource,
        namespace: route.namespace,
        ...selectors,
        resourceVersion: query.get('resourceVersion') ?? undefined,
        timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
        sendInitialEvents: query.get('sendInitialEvents') === 'true',
      }, response);
      return 200;
    }
    case 'create':
      send(response, 201, api.create(resource, namespace, body, options));
      return 201;
    case 'update':
      send(response, 200, api.update(resource, namespace, name ?? '', body, options));
      return 200;
    case 'patch': {
      const before = name ? api.store.get(resource, resource.namespaced ? namespace : '', name) : undefined;
      send(response, before ? 200 : 201, api.patch(resource, namespace, name ?? '', contentType, body, options));
      return before ? 200 : 201;
    }
    case 'delete': {
      const policy = query.get('propagationPolicy') ?? stringAt(deleteOptions.propagationPolicy);
      send(response, 200, api.delete(resource, namespace, name ?? '', { dryRun: options.dryRun, propagationPolicy: policy }));
      return 200;
    }
    default: {
      const list = api.list(resource, route.namespace, selectors);
      for (const item of list.items as { metadata: { name: string; namespace?: string } }[]) {
        api.delete(resource, item.metadata.namespace ?? '', item.metadata.name, { dryRun: options.dryRun });
      }
      send(response, 200, list);
      return 200;
    }
  }
}

async function handle(context: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const path = url.pathname;
  if (path === '/_sandbox/requests') {
    if (request.method === 'DELETE') context.log.clear();
    send(response, 200, { requests: context.log.all(), mutating: context.log.mutating().length });
    return;
  }
  let status = 500;
  const outcome = { dryRun: url.searchParams.getAll('dryRun').includes('All') };
  try {
    const open = ['/version', '/healthz', '/livez', '/readyz'].includes(path);
    const header = request.headers.authorization ?? '';
    if (!open && context.token !== undefined && header !== `Bearer ${context.token}`) throw unauthorized();
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      status = 200;
      return;
    }
    const host = request.headers.host ?? '127.0.0.1';
    const document = discoveryDocument(path, host, context.api.traits) ?? groupDocument(/^\/apis\/([^/]+)$/.exec(path)?.[1] ?? '');
    if (document) {
      send(response, 200, document);
      status = 200;
      return;
    }
    const route = parseResourcePath(path);
    if (!route) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
    status = await serveResource(context, request, response, route, url.searchParams, outcome);
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError(500, 'InternalError', `Internal error occurred: ${String(error)}`);
    status = failure.code;
    if (!response.headersSent) send(response, failure.code, failure.toStatus());
    else response.end();
  } finally {
    context.log.add({
      method: request.method ?? 'GET',
      path,
      query: url.search.replace(/^\?/, ''),
      contentType: request.headers['content-type'] ?? '',
      status,
      dryRun: outcome.dryRun,
    });
  }
}

/** Writes an HTTP error answer on a raw upgrade socket (a Status JSON body) and closes it. */
function refuseUpgrade(socket: Duplex, error: ApiError): void {
  const body = JSON.stringify(error.toStatus());
  socket.end(`HTTP/1.1 ${error.code} ${STATUS_CODES[error.code] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * `kubectl exec`: a GET (WebSocket) or POST (SPDY/3.1) upgrade on `pods/<name>/exec`. As
 * kube-apiserver: authentication, then RBAC on `pods/exec` with the verb of the method (GET is
 * `get`, POST is `create`: the create check on WebSocket upgrades only arrives with 1.35's
 * AuthorizePodWebsocketUpgradeCreatePermission), then the pod and container checks, then the
 * protocol negotiation of the streaming server (v5 WebSocket only since 1.30; SPDY v4 always).
 */
async function serveUpgrade(context: ServerContext, request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const method = request.method ?? 'GET';
  let status = 101;
  let logged = false;
  // Logged when the answer is known: an upgraded session appears in the log while it runs.
  const record = (): void => {
    if (logged) return;
    logged = true;
    context.log.add({ method, path: url.pathname, query: url.search.replace(/^\?/, ''), contentType: request.headers['content-type'] ?? '', status, dryRun: false });
  };
  socket.on('error', () => undefined);
  try {
    const header = request.headers.authorization ?? '';
    if (context.token !== undefined && header !== `Bearer ${context.token}`) throw unauthorized();
    const route = parseResourcePath(url.pathname);
    if (!route || route.resource.kind !== 'Pod' || route.subresource !== 'exec' || !route.name) {
      throw new ApiError(400, 'BadRequest', 'the server only upgrades pods/<name>/exec requests');
    }
    const verb = method === 'POST' ? 'create' : 'get';
    authorize(context.denyRules(), { user: context.user, verb, resource: route.resource, subresource: 'exec', namespace: route.namespace, name: route.name });
    const plan = planExec(context.api, route.namespace ?? 'default', route.name, url.searchParams);
    if (isSpdyUpgrade(request)) {
      const offered = offeredStreamProtocols(request);
      if (!offered.includes(SPDY_V4)) {
        status = 403;
        refuseSpdy(socket, offered);
        return;
      }
      record();
      await serveSpdyExec(socket, head, plan, context.execHandler());
      return;
    }
    if (String(request.headers.upgrade ?? '').toLowerCase() !== 'websocket') throw badRequest('Upgrade request required');
    const supported = webSocketProtocols(context.api.traits.execWebSocketV5);
    const offered = offeredProtocols(request);
    const protocol = offered.find((candidate) => supported.includes(candidate));
    if (!protocol) {
      status = 403;
      refuseWebSocket(socket, offered, supported);
      return;
    }
    record();
    await serveWebSocketExec(request, socket, head, protocol, plan, context.execHandler());
  } catch (error) {
    // Once upgraded, the socket speaks the streaming protocol: an error can only end it.
    if (logged) {
      socket.destroy();
      return;
    }
    const failure = error instanceof ApiError ? error : new ApiError(500, 'InternalError', `Internal error occurred: ${String(error)}`);
    status = failure.code;
    refuseUpgrade(socket, failure);
  } finally {
    record();
  }
}

/**
 * Starts the server on 127.0.0.1 (HTTPS when `tls` is given); resolves with it, its base URL and
 * a function that ends the upgraded (exec) connections, which `server.close()` does not.
 */
export async function listen(context: ServerContext, port = 0, tls?: TlsMaterial): Promise<{ server: Server; url: string; endUpgrades: () => void }> {
  const upgraded = new Set<Duplex>();
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    void handle(context, request, response);
  };
  const server: Server = tls ? createHttpsServer({ cert: tls.certificate, key: tls.key }, handler) : createHttpServer(handler);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    void serveUpgrade(context, request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const endUpgrades = (): void => {
    for (const socket of upgraded) socket.destroy();
  };
  return { server, url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`, endUpgrades };
}
