import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { corsHeaders, isPreflight } from './cors.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { preferenceRoutes } from './preference-routes.js';
import { RawResponse, Router } from './router.js';
import { ApiFailure, CloudPipelineState } from './state.js';
import { storageRoutes } from './storage-routes.js';
import { toolRoutes } from './tool-routes.js';
import { userRoutes } from './users-routes.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** The base path the real API serves under. */
export const API_BASE = '/pipeline/restapi';

export interface CloudPipelineApiOptions {
  /** The admin token to accept (default: a random one). */
  token?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Ordinary users to seed (USER0001…). */
  users?: number;
  /** Seeded users get a home storage (default true). */
  usersWithHome?: boolean;
  /** Preferences to seed, name -> value (type STRING unless true/false). */
  preferences?: Record<string, string>;
  faults?: FaultOptions;
}

/** One line of the request log. */
export interface LoggedRequest {
  method: string;
  /** Path below /pipeline/restapi, without the query. */
  path: string;
  query: string;
  /** HTTP status, 0 for a dropped connection. */
  status: number;
  mutating: boolean;
}

/** A running stand-in. */
export interface CloudPipelineApi {
  /** Base URL, ending in /pipeline/restapi. */
  url: string;
  token: string;
  state: CloudPipelineState;
  requests(): LoggedRequest[];
  /** Mutating calls answered 2xx so far. */
  mutatingCalls(): LoggedRequest[];
  clearRequests(): void;
  setFaults(faults: FaultOptions): void;
  stop(): Promise<void>;
}

/**
 * Starts the Cloud Pipeline API stand-in (SPEC §7) on 127.0.0.1: the endpoints of reference §3–§4
 * under /pipeline/restapi with the `{status, message, payload}` envelope and bearer auth, a
 * request log (also at GET /_sandbox/requests) and fault injection (POST /_sandbox/faults).
 */
export async function startCloudPipelineApi(options: CloudPipelineApiOptions = {}): Promise<CloudPipelineApi> {
  const token = options.token ?? `sandbox-admin-${randomBytes(16).toString('hex')}`;
  const state = new CloudPipelineState();
  for (const [name, value] of Object.entries(options.preferences ?? {})) {
    state.preferences.set(name, { name, value, visible: false, type: /^(true|false)$/.test(value) ? 'BOOLEAN' : 'STRING' });
  }
  if (options.users) state.seedUsers(options.users, options.usersWithHome ?? true);
  const faults = new FaultInjector(options.faults);
  const router = new Router([...userRoutes, ...preferenceRoutes, ...storageRoutes, ...toolRoutes]);
  let log: LoggedRequest[] = [];

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };

  const sandboxEndpoint = (request: IncomingMessage, response: ServerResponse, path: string, raw: Buffer) => {
    if (path === '/_sandbox/requests' && request.method === 'GET') return send(response, 200, log);
    if (path === '/_sandbox/requests' && request.method === 'DELETE') return send(response, 200, (log = []));
    if (path === '/_sandbox/faults' && request.method === 'GET') return send(response, 200, faults.settings);
    if (path === '/_sandbox/faults' && request.method === 'POST') {
      try {
        faults.configure(JSON.parse(raw.toString() || '{}') as FaultOptions);
        return send(response, 200, faults.settings);
      } catch {
        return send(response, 400, { message: 'fault settings must be JSON' });
      }
    }
    return send(response, 404, { message: `no sandbox endpoint ${request.method} ${path}` });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, raw: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname.startsWith('/_sandbox/')) return sandboxEndpoint(request, response, url.pathname, raw);
    const method = request.method ?? 'GET';
    const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;
    const matched = url.pathname.startsWith(API_BASE) ? router.match(method, path) : undefined;
    const entry: LoggedRequest = { method, path, query: url.search, status: 0, mutating: matched?.route.mutating ?? false };
    log.push(entry);
    const cors = corsHeaders(method, request.headers);
    // OPTIONS is permitted without a token (JWTSecurityConfiguration.java:110); Spring MVC answers
    // a preflight to a mapped path itself, with an empty body, and an unmapped one with 404.
    if (isPreflight(method, request.headers)) {
      const known = url.pathname.startsWith(API_BASE) && router.knows(path);
      entry.status = known ? 200 : 404;
      response.writeHead(entry.status, known ? { ...cors, 'Content-Length': 0 } : { 'Content-Length': 0 });
      return response.end();
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = faults.next();
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      if (fault.kind === 'drop-after') return void request.socket.destroy();
      entry.status = status;
      send(response, status, body, { ...cors, ...headers });
    };
    if (fault.kind === 'drop') return request.socket.destroy();
    if (fault.kind === 'status') return reply(fault.status, { status: 'ERROR', message: fault.message });
    if (fault.kind === 'rate-limit') {
      return reply(429, { status: 'ERROR', message: 'Too many requests' }, { 'Retry-After': String(fault.retryAfterSeconds) });
    }
    const auth = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const callerName = auth === token ? 'PIPE_ADMIN' : auth !== undefined ? state.tokens.get(auth) : undefined;
    const caller = callerName !== undefined ? state.userByName(callerName) : undefined;
    if (!caller) return reply(401, { status: 'ERROR', message: 'Authentication required: a valid bearer token is expected' });
    if (!matched) {
      const known = url.pathname.startsWith(API_BASE) && router.knows(path);
      return reply(known ? 405 : 404, { status: 'ERROR', message: `${known ? 'Method not allowed' : 'No endpoint'} ${method} ${path}` });
    }
    if (matched.route.adminOnly && !caller.roleIds.includes(1)) return reply(403, { status: 'ERROR', message: 'Access is denied' });
    try {
      const payload = matched.route.handle({
        state,
        params: matched.params,
        query: url.searchParams,
        headers: request.headers,
        raw,
        caller,
        json: () => {
          try {
            return raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown);
          } catch {
            throw new ApiFailure(400, 'The request body is not valid JSON');
          }
        },
        issueToken: (userName) => {
          const issued = `sandbox-user-${randomBytes(16).toString('hex')}`;
          state.tokens.set(issued, userName);
          return issued;
        },
      });
      if (payload instanceof RawResponse && fault.kind !== 'drop-after') {
        entry.status = 200;
        response.writeHead(200, { ...cors, 'Content-Type': payload.contentType, 'Content-Length': payload.body.length });
        return response.end(payload.body);
      }
      reply(200, { status: 'OK', payload: payload instanceof RawResponse ? null : payload });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      // Like upstream, business errors (not found, already exists) come back as HTTP 200 with an
      // ERROR envelope; malformed requests and access problems keep their HTTP status.
      const status = error.httpStatus === 400 || error.httpStatus === 403 ? error.httpStatus : 200;
      reply(status, { status: 'ERROR', message: error.message });
    }
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, response, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { status: 'ERROR', message: String(error) });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${API_BASE}`,
    token,
    state,
    requests: () => [...log],
    mutatingCalls: () => log.filter((entry) => entry.mutating && entry.status >= 200 && entry.status < 300),
    clearRequests: () => {
      log = [];
    },
    setFaults: (settings) => faults.configure(settings),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
