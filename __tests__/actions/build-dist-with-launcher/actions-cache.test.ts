import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ActionsCache } from '../../../src/actions/build-dist-with-launcher/build-cache.js';
import { ActionsCacheService, type CacheProtocol } from '../../../src/sandbox/actions-cache/server.js';
import { type Workspace, calls, recordingCommands, workspace } from './helpers.js';
import { type BundleRun, runBundle } from '../../helpers/runner.js';

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

/** The bundle with `cache: true` (the default), the job's workspace and the runner's cache variables. */
function buildDist(ws: Workspace, service: ActionsCacheService, protocol: CacheProtocol): Promise<BundleRun> {
  return runBundle(
    'build-dist-with-launcher',
    { 'launcher-source': 'quick-launcher', version: '3.0.0', cache: 'true', 'output-dir': join(ws.root, 'out'), ...recordingCommands(ws) },
    { cwd: ws.root, env: { GITHUB_WORKSPACE: ws.root, ...service.runnerEnv(protocol) } },
  );
}

/** The requests a run made, as `METHOD path status`, blob paths shortened to `blob`. */
function requestsSince(service: ActionsCacheService, from: number): string[] {
  return service.requests.slice(from).map((request) => `${request.method} ${request.path.replace(/^\/actionscache\/.*$/, 'blob')} ${request.status}`);
}

const restoredFiles = (ws: Workspace) => Promise.all(['index.html', 'js/main.bundle.js'].map((file) => readFile(join(ws.launcher, 'build', file), 'utf8')));

describe.each([
  {
    protocol: 'v2' as const,
    miss: [`POST ${TWIRP}GetCacheEntryDownloadURL 200`, `POST ${TWIRP}CreateCacheEntry 200`, 'PUT blob 201', `POST ${TWIRP}FinalizeCacheEntryUpload 200`],
    hit: [`POST ${TWIRP}GetCacheEntryDownloadURL 200`, 'GET blob 200'],
  },
  {
    protocol: 'v1' as const,
    miss: ['GET /_apis/artifactcache/cache 204', 'POST /_apis/artifactcache/caches 201', 'PATCH /_apis/artifactcache/caches/1 204', 'POST /_apis/artifactcache/caches/1 204'],
    hit: ['GET /_apis/artifactcache/cache 200', 'GET blob 200'],
  },
])('build-dist-with-launcher with the runner cache service $protocol', ({ protocol, miss, hit }) => {
  let ws: Workspace;
  const service = new ActionsCacheService();
  beforeAll(async () => {
    ws = await workspace();
    await service.start();
  });
  afterAll(async () => {
    await service.stop();
    await ws.cleanup();
  });

  it('saves the build on a miss, then restores it on a hit without running a command', async () => {
    const first = await buildDist(ws, service, protocol);
    expect(first.stdout).not.toContain('::error::');
    expect(first.stdout).not.toContain('::warning::');
    expect(first.exitCode).toBe(0);
    expect(first.outputs['cache-hit']).toBe('false');
    expect(requestsSince(service, 0)).toEqual(miss);
    expect(await calls(ws)).toEqual(['install', 'build']);
    const [entry] = service.entries.list();
    expect(entry).toMatchObject({ finalized: true, key: expect.stringMatching(/^quick-launcher-build-[0-9a-f]{64}$/) });
    expect(first.stdout).toContain(`cache miss (${entry.key})`);
    const built = await restoredFiles(ws);

    // Nothing of the first build is left in the launcher folder: the files can only come from the cache.
    await rm(join(ws.launcher, 'build'), { recursive: true, force: true });
    const before = service.requests.length;
    const second = await buildDist(ws, service, protocol);
    expect(second.exitCode).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.stdout).toContain(`cache hit (GitHub Actions cache, ${entry.key})`);
    expect(requestsSince(service, before)).toEqual(hit);
    expect(await calls(ws)).toEqual(['install', 'build']);
    expect(await restoredFiles(ws)).toEqual(built);
    expect(second.outputs['launcher-sha256']).toBe(first.outputs['launcher-sha256']);
    // The runtime token is a secret: it never reaches the log.
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(service.token);
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
