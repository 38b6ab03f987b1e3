/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any --
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

  test('POST /_sandbox/push plays a push to a registry and its notification: the tool appears', async () => {
    const { api, call } = await start();
    const push = await fetch(api.url.replace('/pipeline/restapi', '/_sandbox/push'), { method: 'POST', body: JSON.stringify({ registry: 'r:5000', repository: 'library/shiny', tag: '1.0' }) });
    expect(push.status).toBe(200);
    expect((await call('GET', '/tool/load?registry=r:5000&image=library/shiny:1.0')).json.payload).toMatchObject({ image: 'library/shiny', registry: 'r:5000', toolGroup: 'library', cpu: '0mi' });
    const bad = await fetch(api.url.replace('/pipeline/restapi', '/_sandbox/push'), { method: 'POST', body: JSON.stringify({ registry: 'r:5000', repository: 'no-group' }) });
    expect(bad.status).toBe(400);
  });

  test('icons and metadata keep upstream shapes', async () => {
    const { api, call } = await start({ registries: ['r:5000'] });
    const tool = api.pushImage('r:5000', 'optimized/shiny', '1.0');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from([137, 80, 78, 71])]), 'icon.png');
    const upload = await fetch(`${api.url}/tool/${tool?.id}/icon`, { method: 'POST', headers: { Authorization: `Bearer ${api.token}` }, body: form });
    expect(upload.status).toBe(200);
    const icon = await fetch(`${api.url}/tool/${tool?.id}/icon`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await icon.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
    await call('POST', '/metadata/updateKeys', { entity: { entityId: tool?.id, entityClass: 'TOOL' }, data: { a: { type: 'string', value: '1' } } });
    await call('POST', '/metadata/updateKeys', { entity: { entityId: tool?.id, entityClass: 'TOOL' }, data: { b: { type: 'string', value: '2' } } });
    expect((await call('POST', '/metadata/load', [{ entityId: tool?.id, entityClass: 'TOOL' }])).json.payload).toEqual([
      { entity: { entityId: tool?.id, entityClass: 'TOOL' }, data: { a: { type: 'string', value: '1' }, b: { type: 'string', value: '2' } } },
    ]);
    expect((await call('POST', '/metadata/updateKeys', { entity: { entityId: 99, entityClass: 'TOOL' }, data: {} })).json.status).toBe('ERROR');
  });
});
