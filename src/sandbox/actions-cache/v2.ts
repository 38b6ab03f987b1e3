import { type Answer, type CacheRequest, jsonAnswer, jsonBody } from './answer.js';
import { downloadUrl, uploadUrl } from './blob.js';
import type { CacheEntries } from './entries.js';

/**
 * The cache service v2 (twirp, JSON) that @actions/cache 6.3.0 speaks when
 * ACTIONS_CACHE_SERVICE_V2 is set and the server is not GHES (lib/internal/config.js:1-15):
 * `POST <ACTIONS_RESULTS_URL>twirp/github.actions.results.api.v1.CacheService/<method>` with the
 * runtime token as bearer (lib/internal/shared/cacheTwirpClient.js:31-56). Requests carry proto
 * field names (`restore_keys`, `size_bytes`: generated/results/api/v1/cache.twirp-client.js:9-38,
 * fields at generated/results/api/v1/cache.js:15-17, 137-140, 266-269); answers use them too,
 * which the generated `fromJson` reads (cache.js:76-78, 205-207, 334-336).
 *
 * What the library depends on (lib/cache.js):
 * - GetCacheEntryDownloadURL: `ok: false` is a miss (:281-296), otherwise `matched_key` is what
 *   restoreCache returns and `signed_download_url` is downloaded (:297-319);
 * - CreateCacheEntry: `ok` and `signed_upload_url` (:527-538); a key and version that exist
 *   already are twirp `already_exists`, HTTP 409 "cache entry with the same key, version, and
 *   scope already exists", as the hosted service answers (actions/cache#1541), which the client
 *   does not retry and saveCache logs as an info "Failed to save" (:539-546, 570-572);
 * - FinalizeCacheEntryUpload: `ok` and `entry_id` after the blob upload (:549-563); `ok: false` with
 *   a message is a warning (:557-559, 573-575).
 */
export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';

function twirpError(status: number, code: string, msg: string): Answer {
  return jsonAnswer(status, { code, msg });
}

export function handleV2(request: CacheRequest, entries: CacheEntries, base: string): Answer {
  const method = request.url.pathname.slice(TWIRP_PREFIX.length);
  if (request.method !== 'POST') return twirpError(404, 'bad_route', `unsupported method ${request.method}`);
  const body = jsonBody(request);
  const key = body?.key;
  const version = body?.version;
  if (typeof key !== 'string' || key === '' || typeof version !== 'string' || version === '') {
    return twirpError(400, 'invalid_argument', 'key and version are required');
  }
  switch (method) {
    case 'GetCacheEntryDownloadURL': {
      const restoreKeys = Array.isArray(body?.restore_keys) ? body.restore_keys.filter((item): item is string => typeof item === 'string') : [];
      const entry = entries.match([key, ...restoreKeys], version);
      if (!entry) return jsonAnswer(200, { ok: false });
      return jsonAnswer(200, { ok: true, signed_download_url: downloadUrl(base, entry), matched_key: entry.key });
    }
    case 'CreateCacheEntry': {
      const entry = entries.create(key, version);
      if (!entry) return twirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      return jsonAnswer(200, { ok: true, signed_upload_url: uploadUrl(base, entry) });
    }
    case 'FinalizeCacheEntryUpload': {
      const entry = entries.pending(key, version);
      if (!entry) return twirpError(404, 'not_found', 'no cache entry is being uploaded with this key and version');
      // The stand-in's check: the size the client reports is the size of the blob it wrote.
      if (String(body?.size_bytes) !== String(entry.data.length)) {
        return jsonAnswer(200, { ok: false, message: `size_bytes ${String(body?.size_bytes)} is not the uploaded ${entry.data.length} bytes` });
      }
      entry.finalized = true;
      return jsonAnswer(200, { ok: true, entry_id: String(entry.id) });
    }
    default:
      return twirpError(404, 'bad_route', `no method ${method}`);
  }
}
