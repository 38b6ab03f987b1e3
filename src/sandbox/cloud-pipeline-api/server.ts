import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Tool } from './dtos.js';
import { corsHeaders, isPreflight } from './cors.js';
import { ApiFailure } from './failure.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { type WatchedRegistry, watchRegistry } from './registry-watch.js';
import { nonEmpty } from './json.js';
import { seedFolderApps } from './folder-apps.js';
import { preferenceRoutes } from './preference-routes.js';
import type { Dto } from './dtos.js';
import { RawResponse, Router, strictBody, strictBodyList, type RouteContext } from './router.js';
import { DEFAULT_ANONYMOUS_URLS, authorizeUrl, bootError } from './security.js';
import { CloudPipelineState, type UserRecord } from './state.js';
import { runRoutes } from './run-routes.js';
import { storageRoutes } from './storage-routes.js';
import { toolRoutes } from './tool-routes.js';
import { userRoutes } from './users-routes.js';
import { isMutatingAttempt } from '../mutating.js';

/** The base path the real API serves under (`server.context-path=/pipeline` + the `/restapi/*` servlet). */
export const API_BASE = '/pipeline/restapi';

export interface CloudPipelineApiOptions {
  /** A static admin credential to accept besides the JWTs the stand-in issues (default: a JWT for PIPE_ADMIN). */
  token?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Ordinary users to seed (USER0001…). */
  users?: number;
  /** Seeded users get a home storage (default true). */
  usersWithHome?: boolean;
  /** Preferences to store at start, name -> value (system preferences keep their type). */
  preferences?: Record<string, string>;
  /** Docker registries Cloud Pipeline knows (`host:port`), for pushes and tools. */
  registries?: string[];
  /** `api.security.anonymous.urls` (default `/restapi/route,/restapi/static-resources/**`). */
  anonymousUrls?: string[];
  /**
   * Seed the shared storage of folder applications (folder-apps.ts) with
   * `<OWNER>/ShinyApps/<version>/<app>/gateway.spec` for each name given.
   */
  folderAppOwners?: string[];
  /** Real loopback registries whose pushes become tools, as their notifications would make them. */
  watchRegistries?: WatchedRegistry[];
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
  /** A write attempt (src/sandbox/mutating.ts), whatever the answer: errors and faults count. */
  mutating: boolean;
}

/** A running stand-in. */
export interface CloudPipelineApi {
  /** Base URL, ending in /pipeline/restapi. */
  url: string;
  /** The admin token (a JWT for PIPE_ADMIN unless `options.token` was given). */
  token: string;
  state: CloudPipelineState;
  /** The id of the shared storage of folder applications, when `folderAppOwners` seeded it. */
  folderAppsStorageId?: number;
  requests(): LoggedRequest[];
  /** Mutating calls answered with status OK so far. */
  mutatingCalls(): LoggedRequest[];
  /** Clears the request log and the in-flight peak. */
  clearRequests(): void;
  /** The most requests in flight at once (received, not yet answered) since the start or the last clearRequests(). */
  peakInFlight(): number;
  setFaults(faults: FaultOptions): void;
  /** Pushes an image to a known registry, which notifies the API (the tool appears); also POST /_sandbox/push {registry, repository, tag}, which adds the registry first. */
  pushImage(registry: string, repository: string, tag?: string): Tool | undefined;
  /** A JWT for a user, with its roles as they are now; `expirationSeconds` may be negative (already expired). */
  issueToken(userName: string, expirationSeconds?: number): string;
  stop(): Promise<void>;
}

/**
 * Starts the Cloud Pipeline API stand-in (SPEC §7) on 127.0.0.1, answering as the upstream
 * sources say (docs/upstream-contract.md#the-cloud-pipeline-api): the `{status, message, payload}` envelope
 * serialized NON_EMPTY, strict request bodies, errors as HTTP 200 + ERROR (401, 403, 404, 405
 * where Spring answers them), RS512 JWTs with `exp` and frozen roles checked against the secured
 * and anonymous URLs, CORS; plus a request log (GET /_sandbox/requests) and fault injection
 * (POST /_sandbox/faults); POST /_sandbox/push plays an image pushed to a registry.
 */
export async function startCloudPipelineApi(options: CloudPipelineApiOptions = {}): Promise<CloudPipelineApi> {
  const state = new CloudPipelineState();
  for (const [name, value] of Object.entries(options.preferences ?? {})) {
    state.storePreference({ name, value, visible: false, type: /^(true|false)$/.test(value) ? 'BOOLEAN' : 'STRING' });
  }
  for (const registry of options.registries ?? []) state.toolModel.addRegistry(registry);
  if (options.users) state.seedUsers(options.users, options.usersWithHome ?? true);
  const folderApps = options.folderAppOwners ? seedFolderApps(state, options.folderAppOwners) : undefined;
  const watches = (options.watchRegistries ?? []).map((registry) => watchRegistry(state.toolModel, registry));
  const admin = state.requireUser(1);
  const token = options.token ?? state.issueToken(admin);
  const anonymousUrls = options.anonymousUrls ?? DEFAULT_ANONYMOUS_URLS;
  const faults = new FaultInjector(options.faults);
  const router = new Router([...userRoutes, ...preferenceRoutes, ...storageRoutes, ...toolRoutes, ...runRoutes]);
  let log: LoggedRequest[] = [];
  let inFlight = 0;
  let peak = 0;

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };

  const sandboxEndpoint = (request: IncomingMessage, response: ServerResponse, path: string, raw: Buffer) => {
    if (path === '/_sandbox/requests' && request.method === 'GET') return send(response, 200, log);
    if (path === '/_sandbox/requests' && request.method === 'DELETE') return send(response, 200, (log = []));
    if (path === '/_sandbox/faults' && request.method === 'GET') return send(response, 200, faults.settings);
    if (path === '/_sandbox/push' && request.method === 'POST') {
      // The registry's push and its notification, for a stand-in in another process.
      try {
        const push = JSON.parse(raw.toString() || '{}') as { registry?: string; repository?: string; tag?: string };
        if (!push.registry || !push.repository) return send(response, 400, { message: 'registry and repository are required' });
        state.toolModel.addRegistry(push.registry);
        return send(response, 200, nonEmpty(state.toolModel.pushImage(push.registry, push.repository, push.tag)));
      } catch (error) {
        return send(response, 400, { message: error instanceof Error ? error.message : String(error) });
      }
    }
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

  /** The caller of a request: the static admin credential, or a JWT this stand-in signed that has not expired. */
  const authenticate = (header: string | undefined): { user: UserRecord; roles: string[] } | undefined => {
    const bearer = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (bearer === undefined) return undefined;
    if (bearer === token) return { user: admin, roles: state.roleNames(admin) };
    const claims = state.authority.verify(bearer);
    // jwt.validate.token.user=false (application.properties:84): the roles are the token's own.
    const user = claims ? state.userByName(claims.sub) : undefined;
    return claims && user ? { user, roles: claims.roles } : undefined;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, raw: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname.startsWith('/_sandbox/')) return sandboxEndpoint(request, response, url.pathname, raw);
    const method = request.method ?? 'GET';
    const underApi = url.pathname.startsWith(API_BASE);
    const path = underApi ? url.pathname.slice(API_BASE.length) || '/' : url.pathname;
    const matched = underApi ? router.match(method, path) : undefined;
    const entry: LoggedRequest = { method, path, query: url.search, status: 0, mutating: isMutatingAttempt(method, matched?.route.mutating === false) };
    log.push(entry);
    const cors = corsHeaders(method, request.headers);
    // OPTIONS is permitted without a token (JWTSecurityConfiguration.java:110); Spring MVC answers
    // a preflight to a mapped path itself, with an empty body, and an unmapped one with 404.
    if (isPreflight(method, request.headers)) {
      const known = underApi && router.knows(path);
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
    const restPath = `/restapi${path}`;
    const caller = authenticate(request.headers.authorization);
    // RestAuthenticationEntryPoint.java:29-33: sendError(401), rendered by Boot's /error.
    if (!caller) return reply(401, bootError(401, url.pathname));
    if (!underApi) return reply(404, bootError(404, url.pathname));
    if (authorizeUrl(restPath, caller.roles, anonymousUrls) === 'deny') return reply(403, bootError(403, url.pathname, 'Access is denied'));
    if (!matched) {
      // No handler: 404 from the DispatcherServlet; another method at this path: 405 through the advice (:82-83).
      if (router.knows(path)) return reply(405, { status: 'ERROR', message: `Request method '${method}' not supported` });
      return reply(404, bootError(404, url.pathname));
    }
    try {
      // Method security (@PreAuthorize(ADMIN_ONLY)) throws AccessDeniedException inside the
      // handler, which the advice answers as HTTP 200 + ERROR.
      if (matched.route.adminOnly && !caller.roles.includes('ROLE_ADMIN')) throw new ApiFailure(200, 'Access is denied');
      const json = () => {
        try {
          return raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown);
        } catch (error) {
          throw new ApiFailure(200, `Could not read document: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      const context: RouteContext = {
        state,
        params: matched.params,
        query: url.searchParams,
        headers: request.headers,
        raw,
        caller: caller.user,
        callerRoles: caller.roles,
        json,
        body: <T>(dto: Dto) => strictBody<T>(json(), dto),
        bodyList: <T>(dto: Dto) => strictBodyList<T>(json(), dto),
      };
      const payload = matched.route.handle(context);
      if (payload instanceof RawResponse) {
        if (fault.kind === 'drop-after') return void request.socket.destroy();
        entry.status = 200;
        response.writeHead(200, { ...cors, 'Content-Type': payload.contentType, 'Content-Length': payload.body.length });
        return response.end(payload.body);
      }
      reply(200, nonEmpty({ status: 'OK', payload }));
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const status = [401, 403, 405].includes(error.httpStatus) ? error.httpStatus : 200;
      reply(status, nonEmpty({ status: 'ERROR', message: error.message }));
    }
  };

  const server = createServer((request, response) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    response.once('close', () => inFlight--);
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
    ...(folderApps ? { folderAppsStorageId: folderApps.id } : {}),
    requests: () => [...log],
    mutatingCalls: () => log.filter((entry) => entry.mutating),
    clearRequests: () => {
      log = [];
      peak = inFlight;
    },
    peakInFlight: () => peak,
    setFaults: (settings) => faults.configure(settings),
    pushImage: (registry, repository, tag) => state.toolModel.pushImage(registry, repository, tag),
    issueToken: (userName, expirationSeconds) => {
      const user = state.userByName(userName);
      if (!user) throw new Error(`no user ${userName} in the stand-in`);
      return state.issueToken(user, expirationSeconds);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const watch of watches) watch.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
