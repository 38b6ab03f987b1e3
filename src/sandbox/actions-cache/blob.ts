import type { Answer, CacheRequest } from './answer.js';
import type { CacheEntries, CacheEntry } from './entries.js';

/**
 * The blob storage behind the signed URLs, in the Azure Blob REST shape the SDK of @actions/cache
 * uses. Upload (v2): `BlockBlobClient.uploadFile` with `maxSingleShotSize` 128 MiB and 64 MiB
 * blocks (lib/internal/uploadUtils.js:107-123, lib/cache.js:497 for the sizes): one Put Blob up
 * to that size, else Put Block for each block and one Put Block List. Download: a host that does
 * not end in `.blob.core.windows.net` is read with one plain GET and its Content-Length checked
 * (lib/internal/cacheHttpClient.js:100-122, lib/internal/downloadUtils.js:138-167); ranged GETs and
 * HEAD are what the concurrent and the SDK downloaders send, answered too.
 *
 * URLs are path-style (`/<account>/<container>/<blob>`), which the SDK expects of an IP host
 * (@azure/storage-blob `getBlobAndContainerNamesFromUrl`). Each entry has an upload and a download
 * signature; a request without the right one is refused, as a SAS would be.
 */
const ACCOUNT = 'actionscache';

export function uploadUrl(base: string, entry: CacheEntry): string {
  return `${base}${ACCOUNT}/${entry.id}/cache.tzst?sp=cw&sig=${entry.signature}-w`;
}

export function downloadUrl(base: string, entry: CacheEntry): string {
  return `${base}${ACCOUNT}/${entry.id}/cache.tzst?sp=r&sig=${entry.signature}-r`;
}

/** True for a path this file serves. */
export function isBlobPath(pathname: string): boolean {
  return pathname.startsWith(`/${ACCOUNT}/`);
}

function storageError(status: number, code: string, message: string): Answer {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-ms-error-code': code }, body };
}

const created: Answer = { status: 201, headers: { etag: '"0x1"', 'x-ms-request-server-encrypted': 'true' } };

export function handleBlob(request: CacheRequest, entries: CacheEntries): Answer {
  const entry = entries.byId(Number(/^\/[^/]+\/(\d+)\//.exec(request.url.pathname)?.[1]));
  if (!entry) return storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
  const sig = request.url.searchParams.get('sig');
  if (request.method === 'PUT') {
    // Once finalized an entry is immutable (the stand-in's rule; the library never writes again).
    if (sig !== `${entry.signature}-w` || entry.finalized) return storageError(403, 'AuthenticationFailed', 'Signature did not match.');
    return putBlob(request, entry);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return storageError(405, 'UnsupportedHttpVerb', 'The resource does not support the verb.');
  if (sig !== `${entry.signature}-r`) return storageError(403, 'AuthenticationFailed', 'Signature did not match.');
  if (!entry.finalized) return storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
  return getBlob(request, entry);
}

function putBlob(request: CacheRequest, entry: CacheEntry): Answer {
  const comp = request.url.searchParams.get('comp');
  if (comp === 'block') {
    const id = request.url.searchParams.get('blockid');
    if (!id) return storageError(400, 'InvalidQueryParameterValue', 'blockid is required.');
    entry.blocks.set(id, request.body);
    return created;
  }
  if (comp === 'blocklist') {
    const ids = [...request.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((match) => match[1]);
    const blocks = ids.map((id) => entry.blocks.get(id));
    if (blocks.some((block) => block === undefined)) return storageError(400, 'InvalidBlockList', 'The specified block list is invalid.');
    entry.data = Buffer.concat(blocks as Buffer[]);
    entry.blocks.clear();
    return created;
  }
  if (comp !== null) return storageError(400, 'InvalidQueryParameterValue', `comp=${comp} is not served here.`);
  if (request.headers['x-ms-blob-type'] !== 'BlockBlob') return storageError(400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required.');
  entry.data = request.body;
  entry.blocks.clear();
  return created;
}

function getBlob(request: CacheRequest, entry: CacheEntry): Answer {
  const size = entry.data.length;
  const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'x-ms-blob-type': 'BlockBlob' };
  const range = request.headers['x-ms-range'] ?? request.headers.range;
  if (range === undefined) {
    return { status: 200, headers: { ...headers, 'content-length': size }, body: request.method === 'HEAD' ? undefined : entry.data };
  }
  const match = /^bytes=(\d+)-(\d*)$/.exec(String(range));
  const start = Number(match?.[1]);
  const end = match?.[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (!match || start >= size || end < start) return { status: 416, headers: { 'content-range': `bytes */${size}` } };
  const part = entry.data.subarray(start, end + 1);
  return {
    status: 206,
    headers: { ...headers, 'content-length': part.length, 'content-range': `bytes ${start}-${end}/${size}` },
    body: request.method === 'HEAD' ? undefined : part,
  };
}
