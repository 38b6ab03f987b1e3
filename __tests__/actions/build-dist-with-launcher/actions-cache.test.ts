import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ActionsCache } from '../../../src/actions/build-dist-with-launcher/build-cache.js';
import { type Workspace, calls, recordingCommands, workspace } from './helpers.js';
import { type BundleRun, runBundle } from '../../helpers/runner.js';

/**
 * A loopback stand-in of the runner's cache service (the v1 protocol @actions/cache speaks when
 * ACTIONS_CACHE_URL is set): reserve, upload by Content-Range, commit, look up, download.
 */
class CacheService {
  readonly requests: string[] = [];
  private readonly entries = new Map<number, { key: string; version: string; data: Buffer; committed: boolean }>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', this.url);
    this.requests.push(`${request.method} ${url.pathname}`);
    const json = (status: number, value?: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(value === undefined ? undefined : JSON.stringify(value));
    };
    // The API wants the runtime token; the archive location is a pre-signed URL fetched without it.
    const api = url.pathname.startsWith('/_apis/');
    if (api && request.headers.authorization !== 'Bearer runtime-token') return json(401, { message: 'no token' });
    const path = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    if (request.method === 'GET' && path === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      for (const [id, entry] of this.entries) {
        if (entry.committed && keys.includes(entry.key) && entry.version === url.searchParams.get('version')) {
          return json(200, { cacheKey: entry.key, scope: 'refs/heads/main', archiveLocation: `${this.url}download/${id}` });
        }
      }
      return json(204);
    }
    if (request.method === 'POST' && path === 'caches') {
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
      const id = this.entries.size + 1;
      this.entries.set(id, { key, version, data: Buffer.alloc(0), committed: false });
      return json(201, { cacheId: id });
    }
    const entry = this.entries.get(Number(/(\d+)$/.exec(url.pathname)?.[1]));
    if (entry && request.method === 'PATCH') {
      const start = Number(/bytes (\d+)-/.exec(request.headers['content-range'] ?? '')?.[1] ?? 0);
      const data = Buffer.alloc(Math.max(entry.data.length, start + body.length));
      entry.data.copy(data);
      body.copy(data, start);
      entry.data = data;
      return json(204);
    }
    if (entry && request.method === 'POST') {
      entry.committed = true;
      return json(204);
    }
    if (entry && request.method === 'GET' && url.pathname.startsWith('/download/')) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': entry.data.length });
      response.end(entry.data);
      return;
    }
    json(404, { message: 'not found' });
  }
}

/** The bundle as the runner runs it, with the cache service's URL and runtime token. */
function runWithCache(ws: Workspace, service: CacheService): Promise<BundleRun> {
  return runBundle(
    'build-dist-with-launcher',
    { 'launcher-source': 'quick-launcher', version: '3.0.0', ...recordingCommands(ws) },
    { cwd: ws.root, runnerTemp: join(ws.root, 'runner-temp'), env: { GITHUB_WORKSPACE: ws.root, ACTIONS_CACHE_URL: service.url, ACTIONS_RUNTIME_TOKEN: 'runtime-token' } },
  );
}

describe('build-dist-with-launcher with the runner cache service', () => {
  let ws: Workspace;
  const service = new CacheService();
  beforeAll(async () => {
    ws = await workspace();
    await service.start();
  });
  afterAll(async () => {
    await service.stop();
    await ws.cleanup();
  });

  it('saves the build to the cache service, then restores it without running a command', async () => {
    const first = await runWithCache(ws, service);
    expect(first.stdout).not.toContain('::error::');
    expect(first.exitCode).toBe(0);
    expect(first.outputs['cache-hit']).toBe('false');
    expect(service.requests).toEqual(expect.arrayContaining(['GET /_apis/artifactcache/cache', 'POST /_apis/artifactcache/caches']));
    expect(await calls(ws)).toEqual(['install', 'build']);

    const second = await runWithCache(ws, service);
    expect(second.exitCode).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.stdout).toContain('cache hit (GitHub Actions cache');
    expect(await calls(ws)).toEqual(['install', 'build']);
  });
});

describe('ActionsCache.available', () => {
  it.each([
    [{}, false],
    [{ ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' }, true],
    [{ ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }, false],
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }, true],
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' }, false],
  ])('%j -> %s', (env, expected) => {
    expect(ActionsCache.available(env)).toBe(expected);
  });
});
