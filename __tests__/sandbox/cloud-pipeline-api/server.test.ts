/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any --
   wire-level tests: the payloads are untyped JSON, checked by the assertions themselves. */
import { afterEach, describe, expect, test } from '@jest/globals';
import { startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions } from '../../../src/sandbox/cloud-pipeline-api/index.js';

const apis: CloudPipelineApi[] = [];
afterEach(async () => {
  for (const api of apis.splice(0)) await api.stop();
});

async function start(options: CloudPipelineApiOptions = {}) {
  const api = await startCloudPipelineApi(options);
  apis.push(api);
  const call = async (method: string, path: string, body?: unknown, token = api.token) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as { status: string; message?: string; payload?: any } };
  };
  return { api, call };
}

describe('Cloud Pipeline API stand-in', () => {
  test('serves under /pipeline/restapi on 127.0.0.1 with the seeded admin and roles', async () => {
    const { api, call } = await start({ users: 2 });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pipeline\/restapi$/);
    expect((await call('GET', '/whoami')).json.payload).toMatchObject({ id: 1, userName: 'PIPE_ADMIN', roles: [{ name: 'ROLE_ADMIN' }] });
    expect((await call('GET', '/role/loadAll?loadUsers=false')).json.payload.map((r: { name: string }) => r.name)).toEqual(['ROLE_ADMIN', 'ROLE_USER', 'ROLE_ANONYMOUS_USER']);
    expect((await call('GET', '/users')).json.payload.map((u: { userName: string }) => u.userName)).toEqual(['PIPE_ADMIN', 'USER0001', 'USER0002']);
    const outside = await fetch(api.url.replace('/pipeline/restapi', '/user'), { headers: { Authorization: `Bearer ${api.token}` } });
    expect(outside.status).toBe(404);
  });

  test('401 on a wrong or missing token, 403 for a non-admin on admin calls', async () => {
    const { api, call } = await start();
    expect((await call('GET', '/whoami', undefined, 'wrong')).status).toBe(401);
    expect((await fetch(`${api.url}/whoami`)).status).toBe(401);
    await call('POST', '/user', { userName: 'GUEST', roleIds: [3] });
    const token = (await call('GET', '/user/token?name=GUEST')).json.payload.token as string;
    expect((await call('GET', '/whoami', undefined, token)).json.payload.userName).toBe('GUEST');
    expect((await call('POST', '/user', { userName: 'X' }, token)).status).toBe(403);
    expect((await call('GET', '/user/token?name=PIPE_ADMIN', undefined, token)).status).toBe(403);
  });

  test('POST /user creates the home storage as upstream: @@-home, or the template, and never twice', async () => {
    const { api, call } = await start();
    const plain = await call('POST', '/user', { userName: 'ALICE' });
    expect(plain.json.payload).toMatchObject({ userName: 'ALICE', defaultStorageId: null, roles: [{ name: 'ROLE_USER' }] });
    await call('POST', '/preferences', [{ name: 'storage.user.home.auto', value: 'true', type: 'BOOLEAN', visible: false }]);
    const bob = (await call('POST', '/user', { userName: 'BOB', roleIds: [3] })).json.payload;
    expect(bob.roles.map((r: { name: string }) => r.name)).toEqual(['ROLE_USER', 'ROLE_ANONYMOUS_USER']);
    expect((await call('GET', `/datastorage/find?id=${bob.defaultStorageId}`)).json.payload).toMatchObject({
      name: 'BOB-home',
      description: 'Home folder for user BOB',
      owner: 'BOB',
    });
    const template = { datastorage: { name: 'home-@@', path: 'bucket/@@' } };
    await call('POST', '/preferences', [{ name: 'storage.user.home.template', value: JSON.stringify(template), type: 'OBJECT', visible: false }]);
    const carol = (await call('POST', '/user', { userName: 'CAROL' })).json.payload;
    expect(api.state.storages.get(carol.defaultStorageId)).toMatchObject({ name: 'home-CAROL', path: 'bucket/CAROL' });
    await call('POST', '/datastorage/save?cloud=true', { name: 'home-DAVE' });
    expect((await call('POST', '/user', { userName: 'DAVE' })).json.payload.defaultStorageId).toBeNull();
    const again = await call('POST', '/user', { userName: 'bob' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: 'ERROR', message: "User with name 'bob' already exists" });
    expect((await call('GET', '/user?name=NOBODY')).json).toEqual({ status: 'ERROR', message: "User with name 'NOBODY' not found" });
  });

  test('folders: list one level, create with POST /datastorage/{id}/list, refuse duplicates and ..', async () => {
    const { call } = await start();
    const storage = (await call('POST', '/datastorage/save?cloud=true', { name: 'data' })).json.payload;
    const create = (paths: string[]) => call('POST', `/datastorage/${storage.id}/list`, paths.map((path) => ({ path, type: 'Folder', action: 'Create' })));
    expect((await create(['a/b/c', 'x'])).json.status).toBe('OK');
    expect((await call('GET', `/datastorage/${storage.id}/list`)).json.payload.map((i: { name: string }) => i.name)).toEqual(['a', 'x']);
    expect((await call('GET', `/datastorage/${storage.id}/list?path=a`)).json.payload).toEqual([{ name: 'b', path: 'a/b/', type: 'Folder' }]);
    expect((await create(['x'])).json.message).toMatch(/Folder 'x' already exists/);
    expect((await create(['a/../../etc'])).status).toBe(400);
  });

  test('request log (programmatic and GET /_sandbox/requests) marks mutating calls', async () => {
    const { api, call } = await start();
    await call('GET', '/users');
    await call('POST', '/user', { userName: 'ALICE' });
    await call('GET', '/whoami', undefined, 'wrong');
    const expected = [
      { method: 'GET', path: '/users', query: '', status: 200, mutating: false },
      { method: 'POST', path: '/user', query: '', status: 200, mutating: true },
      { method: 'GET', path: '/whoami', query: '', status: 401, mutating: false },
    ];
    expect(api.requests()).toEqual(expected);
    expect(await (await fetch(api.url.replace('/pipeline/restapi', '/_sandbox/requests'))).json()).toEqual(expected);
    expect(api.mutatingCalls()).toEqual([expected[1]]);
  });

  test('faults set at start and at run time: 503s, 429 with Retry-After, drops, failure at the Nth call', async () => {
    const { api, call } = await start({ faults: { failAt: [2] } });
    expect((await call('GET', '/users')).status).toBe(200);
    expect((await call('GET', '/users')).json).toEqual({ status: 'ERROR', message: 'Injected failure at call 2' });
    const faults = api.url.replace('/pipeline/restapi', '/_sandbox/faults');
    await fetch(faults, { method: 'POST', body: JSON.stringify({ rateLimitRate: 1, retryAfterSeconds: 7 }) });
    const limited = await call('GET', '/users');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    api.setFaults({ errorRate: 1 });
    expect((await call('GET', '/users')).status).toBe(503);
    api.setFaults({ dropRate: 1 });
    await expect(call('GET', '/users')).rejects.toThrow();
    api.setFaults({ dropAfterRate: 1 });
    await expect(call('POST', '/user', { userName: 'LOST_ANSWER' })).rejects.toThrow();
    expect(api.state.userByName('LOST_ANSWER')).toBeDefined();
    api.setFaults({ latencyMs: 5 });
    expect((await call('GET', '/users')).status).toBe(200);
    expect(api.requests().map((r) => r.status)).toEqual([200, 500, 429, 503, 0, 0, 200]);
  });

  test('tools, icons and metadata keep upstream shapes', async () => {
    const { api, call } = await start();
    const tool = (await call('POST', '/tool/register', { image: 'optimized/shiny', registry: 'r:5000', endpoints: ['{"name":"s"}'] })).json.payload;
    expect((await call('GET', '/tool/load?registry=r:5000&image=optimized/shiny')).json.payload.id).toBe(tool.id);
    expect((await call('GET', '/tool/load?image=r:5000/optimized/shiny')).json.payload.id).toBe(tool.id);
    expect((await call('POST', '/tool/update', { image: 'optimized/shiny', registry: 'r:5000', disk: 20 })).json.payload.disk).toBe(20);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from([137, 80, 78, 71])]), 'icon.png');
    const upload = await fetch(`${api.url}/tool/${tool.id}/icon`, { method: 'POST', headers: { Authorization: `Bearer ${api.token}` }, body: form });
    expect(upload.status).toBe(200);
    const icon = await fetch(`${api.url}/tool/${tool.id}/icon`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(Buffer.from(await icon.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
    await call('POST', '/metadata/updateKeys', { entity: { entityId: tool.id, entityClass: 'TOOL' }, data: { a: { type: 'string', value: '1' } } });
    await call('POST', '/metadata/updateKeys', { entity: { entityId: tool.id, entityClass: 'TOOL' }, data: { b: { type: 'string', value: '2' } } });
    expect((await call('POST', '/metadata/load', [{ entityId: tool.id, entityClass: 'TOOL' }])).json.payload).toEqual([
      { entity: { entityId: tool.id, entityClass: 'TOOL' }, data: { a: { type: 'string', value: '1' }, b: { type: 'string', value: '2' } } },
    ]);
    expect((await call('POST', '/metadata/updateKeys', { entity: { entityId: 99, entityClass: 'TOOL' }, data: {} })).json.status).toBe('ERROR');
  });
});
