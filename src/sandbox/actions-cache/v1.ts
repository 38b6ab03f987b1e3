import { type Answer, type CacheRequest, jsonAnswer, jsonBody } from './answer.js';
import { downloadUrl } from './blob.js';
import type { CacheEntries } from './entries.js';

/**
 * The legacy cache service (v1) that @actions/cache 6.3.0 speaks when ACTIONS_CACHE_URL is set and
 * ACTIONS_CACHE_SERVICE_V2 is not (lib/internal/config.js:9-15, 34-42), under
 * `<ACTIONS_CACHE_URL>_apis/artifactcache/` with the runtime token as bearer
 * (lib/internal/cacheHttpClient.js:23-47):
 * - `GET cache?keys=<k1,k2>&version=<v>`: 204 is a miss, else `archiveLocation`, read with a plain
 *   GET (cacheHttpClient.js:48-83, 100-122); `GET caches?key=` lists entries in debug mode
 *   (:84-99);
 * - `POST caches {key, version, cacheSize}`: `cacheId`; a key and version that exist are 409
 *   "Cache already exists", which lib/cache.js:424-442 reports as "another job may be creating
 *   this cache";
 * - `PATCH caches/<id>` with `Content-Range: bytes <start>-<end>/*`, in parallel chunks
 *   (cacheHttpClient.js:139-199), then `POST caches/<id> {size}` to commit (:200-207, 226-229).
 */
export const V1_PREFIX = '/_apis/artifactcache/';

export function handleV1(request: CacheRequest, entries: CacheEntries, base: string): Answer {
  const path = request.url.pathname.slice(V1_PREFIX.length);
  const query = request.url.searchParams;
  if (request.method === 'GET' && path === 'cache') {
    const entry = entries.match((query.get('keys') ?? '').split(','), query.get('version') ?? '');
    if (!entry) return { status: 204 };
    return jsonAnswer(200, { cacheKey: entry.key, scope: 'refs/heads/main', archiveLocation: downloadUrl(base, entry) });
  }
  if (request.method === 'GET' && path === 'caches') {
    const found = entries.list().filter((entry) => entry.finalized && entry.key === query.get('key'));
    return jsonAnswer(200, { totalCount: found.length, artifactCaches: found.map((entry) => ({ cacheKey: entry.key, cacheVersion: entry.version, scope: 'refs/heads/main' })) });
  }
  if (request.method === 'POST' && path === 'caches') {
    const { key, version } = jsonBody(request) ?? {};
    if (typeof key !== 'string' || typeof version !== 'string') return jsonAnswer(400, { message: 'key and version are required' });
    const entry = entries.create(key, version);
    if (!entry) return jsonAnswer(409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}` });
    return jsonAnswer(201, { cacheId: entry.id });
  }
  const entry = /^caches\/(\d+)$/.test(path) ? entries.byId(Number(path.slice('caches/'.length))) : undefined;
  if (!entry || entry.finalized) return jsonAnswer(404, { message: `no cache being uploaded at ${path}` });
  if (request.method === 'PATCH') {
    const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(request.headers['content-range'] ?? ''));
    const start = Number(range?.[1]);
    if (!range || Number(range[2]) - start + 1 !== request.body.length) return jsonAnswer(400, { message: 'Content-Range does not match the body' });
    const data = Buffer.alloc(Math.max(entry.data.length, start + request.body.length));
    entry.data.copy(data);
    request.body.copy(data, start);
    entry.data = data;
    return { status: 204 };
  }
  if (request.method === 'POST') {
    const { size } = jsonBody(request) ?? {};
    if (size !== entry.data.length) return jsonAnswer(400, { message: `size ${String(size)} is not the uploaded ${entry.data.length} bytes` });
    entry.finalized = true;
    return { status: 204 };
  }
  return jsonAnswer(405, { message: `${request.method} is not served at ${path}` });
}
