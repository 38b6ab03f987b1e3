import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlockBlobClient } from '@azure/storage-blob';
import { ActionsCacheService } from '../../../src/sandbox/actions-cache/server.js';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

describe('the cache service stand-in, v2 (twirp)', () => {
  const service = new ActionsCacheService();
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  async function twirp(method: string, body: unknown, token = service.token): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${service.url}${SERVICE.slice(1)}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('wants the runtime token', async () => {
    const { status, json } = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: 'v' }, 'wrong');
    expect(status).toBe(401);
    expect(json.code).toBe('unauthenticated');
  });

  it('answers a look-up without a match with ok: false', async () => {
    expect(await twirp('GetCacheEntryDownloadURL', { key: 'nothing', restore_keys: ['no-'], version: 'v' })).toEqual({ status: 200, json: { ok: false } });
  });

  it('creates, uploads (Put Blob), finalizes, then serves an entry; a second create is 409 already_exists', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'put-blob', version: 'v' });
    expect(created.json.ok).toBe(true);
    const upload = String(created.json.signed_upload_url);
    expect(upload.startsWith(service.url)).toBe(true);
    expect((await twirp('CreateCacheEntry', { key: 'put-blob', version: 'v' })).status).toBe(409);
    // Not visible before it is finalized.
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'put-blob', version: 'v' })).json.ok).toBe(false);

    const data = Buffer.from('the archive');
    expect((await fetch(upload, { method: 'PUT', body: data })).status).toBe(400); // no x-ms-blob-type
    expect((await fetch(upload.replace(/sig=[^&]+/, 'sig=forged'), { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: data })).status).toBe(403);
    expect((await fetch(upload, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: data })).status).toBe(201);

    expect(await twirp('FinalizeCacheEntryUpload', { key: 'put-blob', version: 'v', size_bytes: '3' })).toMatchObject({ json: { ok: false } });
    expect(await twirp('FinalizeCacheEntryUpload', { key: 'put-blob', version: 'v', size_bytes: String(data.length) })).toMatchObject({ json: { ok: true, entry_id: expect.any(String) } });
    expect((await fetch(upload, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'changed' })).status).toBe(403);

    const found = await twirp('GetCacheEntryDownloadURL', { key: 'put-', version: 'v' });
    expect(found.json).toMatchObject({ ok: true, matched_key: 'put-blob' });
    const download = String(found.json.signed_download_url);
    expect(Buffer.from(await (await fetch(download)).arrayBuffer())).toEqual(data);
    expect((await fetch(upload.replace('sp=cw', 'sp=r'))).status).toBe(403); // the upload signature does not read
    const ranged = await fetch(download, { headers: { range: 'bytes=4-6' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 4-6/${data.length}`);
    expect(await ranged.text()).toBe('arc');
    expect((await fetch(download, { headers: { range: 'bytes=99-' } })).status).toBe(416);
  });

  it('assembles a blob from Put Block and Put Block List as the blob SDK of @actions/cache sends them', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'blocks', version: 'v' });
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, index) => index % 251));
    const client = new BlockBlobClient(String(created.json.signed_upload_url));
    const before = service.requests.length;
    // The library uploads in blocks above 128 MiB; small limits take the same path here.
    await client.uploadData(data, { maxSingleShotSize: 1024, blockSize: 4096, concurrency: 2 });
    const paths = service.requests.slice(before).map((request) => `${request.method} ${request.path} ${request.status}`);
    expect(paths.filter((line) => line.endsWith('?comp=block 201'))).toHaveLength(3);
    expect(paths.at(-1)).toMatch(/^PUT \/.*\?comp=blocklist 201$/);
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'blocks', version: 'v', size_bytes: String(data.length) })).json.ok).toBe(true);
    const found = await twirp('GetCacheEntryDownloadURL', { key: 'blocks', version: 'v' });
    expect(Buffer.from(await (await fetch(String(found.json.signed_download_url))).arrayBuffer())).toEqual(data);
  });

  it('refuses a finalize without an upload and an unknown method', async () => {
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'never-created', version: 'v', size_bytes: '1' })).status).toBe(404);
    expect((await twirp('DeleteCacheEntry', { key: 'k', version: 'v' })).json.code).toBe('bad_route');
  });
});
