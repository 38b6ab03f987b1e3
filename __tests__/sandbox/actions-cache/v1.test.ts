import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ActionsCacheService } from '../../../src/sandbox/actions-cache/server.js';

describe('the cache service stand-in, v1', () => {
  const service = new ActionsCacheService();
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  const api = (path: string, init: RequestInit = {}, token = service.token): Promise<Response> =>
    fetch(`${service.url}_apis/artifactcache/${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('wants the runtime token', async () => {
    expect((await api('cache?keys=k&version=v', {}, 'wrong')).status).toBe(401);
  });

  it('reserves, takes chunks by Content-Range in any order, commits by size, then serves the archive', async () => {
    expect((await api('cache?keys=k1,k&version=v')).status).toBe(204);
    const reserved = await api('caches', { method: 'POST', body: JSON.stringify({ key: 'k1', version: 'v', cacheSize: 10 }) });
    expect(reserved.status).toBe(201);
    const { cacheId } = (await reserved.json()) as { cacheId: number };
    expect((await api('caches', { method: 'POST', body: JSON.stringify({ key: 'k1', version: 'v' }) })).status).toBe(409);

    const chunk = (start: number, text: string) =>
      api(`caches/${cacheId}`, { method: 'PATCH', headers: { 'content-range': `bytes ${start}-${start + text.length - 1}/*`, 'content-type': 'application/octet-stream' }, body: text });
    expect((await chunk(5, 'world')).status).toBe(204);
    expect((await chunk(0, 'hello')).status).toBe(204);
    expect((await api(`caches/${cacheId}`, { method: 'POST', body: JSON.stringify({ size: 9 }) })).status).toBe(400);
    expect((await api(`caches/${cacheId}`, { method: 'POST', body: JSON.stringify({ size: 10 }) })).status).toBe(204);

    const found = await api('cache?keys=none,k&version=v');
    expect(found.status).toBe(200);
    const entry = (await found.json()) as { cacheKey: string; archiveLocation: string };
    expect(entry.cacheKey).toBe('k1');
    // The archive location is pre-signed: read without the token, refused with another signature.
    expect(await (await fetch(entry.archiveLocation)).text()).toBe('helloworld');
    expect((await fetch(entry.archiveLocation.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    expect((await api('cache?keys=k1&version=other')).status).toBe(204);
  });
});
