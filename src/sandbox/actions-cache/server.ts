import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer, CacheRequest } from './answer.js';
import { handleBlob, isBlobPath } from './blob.js';
import { CacheEntries } from './entries.js';
import { V1_PREFIX, handleV1 } from './v1.js';
import { TWIRP_PREFIX, handleV2 } from './v2.js';

/**
 * A loopback stand-in of the runner's cache service, both protocols of @actions/cache 6.3.0 (v2:
 * twirp, v2.ts; v1: REST, v1.ts) over one store of entries (entries.ts), and the blob storage of
 * the signed URLs (blob.ts). Every request is logged. The API wants the runtime token; the signed
 * URLs are read and written without it, as the library sends them (the blob SDK and a plain
 * HttpClient, no bearer: lib/internal/uploadUtils.js:110, lib/internal/downloadUtils.js:141).
 */
export type CacheProtocol = 'v1' | 'v2';

export interface LoggedCacheRequest {
  method: string;
  /** The path, with `?comp=<value>` for a blob request that has one (Put Block, Put Block List). */
  path: string;
  status: number;
}

export class ActionsCacheService {
  readonly entries = new CacheEntries();
  readonly requests: LoggedCacheRequest[] = [];
  readonly token = `runtime-${randomBytes(8).toString('hex')}`;
  private server?: Server;
  /** The base URL, with its trailing slash (as the runner gives ACTIONS_RESULTS_URL). */
  url = '';

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.serve(request, response));
    this.server = server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }

  /**
   * The variables the runner gives a job for `protocol`. GITHUB_SERVER_URL stays unset, which
   * @actions/cache reads as github.com; a GHES server would turn v2 off (lib/internal/config.js:1-15).
   */
  runnerEnv(protocol: CacheProtocol): Record<string, string> {
    const common = { ACTIONS_RUNTIME_TOKEN: this.token };
    return protocol === 'v2' ? { ...common, ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: this.url } : { ...common, ACTIONS_CACHE_URL: this.url };
  }

  private async serve(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
    } catch {
      response.destroy(); // the client went away mid-upload
      return;
    }
    const request: CacheRequest = { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', this.url), headers: incoming.headers, body: Buffer.concat(chunks) };
    const answer = this.answer(request);
    const comp = isBlobPath(request.url.pathname) ? request.url.searchParams.get('comp') : null;
    this.requests.push({ method: request.method, path: `${request.url.pathname}${comp ? `?comp=${comp}` : ''}`, status: answer.status });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  private answer(request: CacheRequest): Answer {
    const { pathname } = request.url;
    if (isBlobPath(pathname)) return handleBlob(request, this.entries);
    const api = pathname.startsWith(TWIRP_PREFIX) ? handleV2 : pathname.startsWith(V1_PREFIX) ? handleV1 : undefined;
    if (!api) return { status: 404, body: `no route ${pathname}` };
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'unauthenticated', msg: 'the runtime token is missing or wrong' }) };
    }
    return api(request, this.entries, this.url);
  }
}
