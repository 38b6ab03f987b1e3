/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   wire-level checks: the payloads are untyped JSON, checked by the assertions themselves. */
// The calls the Quick Launcher makes in docker and folder mode (docs/upstream-contract.md#the-quick-launcher),
// answered by the API stand-in as upstream answers them (docs/upstream-contract.md#the-cloud-pipeline-api).
import { afterEach, describe, expect, test } from '@jest/globals';
import { DEMO_FOLDER_APPS, FOLDER_APPS_STORAGE, startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions } from '../../../src/sandbox/cloud-pipeline-api/index.js';
import { stateSnapshot } from './state-snapshot.js';

const REGISTRY = 'registry.sandbox.test:5000';
const running: CloudPipelineApi[] = [];
afterEach(async () => {
  for (const api of running.splice(0)) await api.stop();
});

async function start(options: CloudPipelineApiOptions = {}) {
  const api = await startCloudPipelineApi({ registries: [REGISTRY], users: 2, folderAppOwners: ['SHINY_PORTAL', 'USER0001'], ...options });
  running.push(api);
  const call = async (method: string, path: string, token = api.token, body?: string) => {
    const response = await fetch(`${api.url}${path}`, { method, headers: { Authorization: `Bearer ${token}` }, body });
    return { status: response.status, json: (await response.json()) };
  };
  return { api, call, get: (path: string, token?: string) => call('GET', path, token) };
}

const specPath = (owner: string, index = 0) => `${owner}/ShinyApps/${DEMO_FOLDER_APPS[index].version}/${DEMO_FOLDER_APPS[index].app}/gateway.spec`;

describe('GET /dockerRegistry/loadTree (DockerRegistryController.java:122-133)', () => {
  test('registries, their groups and the groups\' tools, as DockerRegistryList nests them', async () => {
    const { api, get } = await start();
    api.pushImage(REGISTRY, 'library/rstudio', 'latest');
    api.pushImage(REGISTRY, 'library/shiny', '4.3');
    api.state.toolModel.addRegistry('empty.sandbox.test:5000');
    const answer = await get('/dockerRegistry/loadTree', api.issueToken('USER0001'));
    expect(answer.status).toBe(200);
    expect(answer.json.status).toBe('OK');
    const registries = answer.json.payload.registries as any[];
    expect(registries.map((registry) => registry.path)).toEqual([REGISTRY, 'empty.sandbox.test:5000']);
    const [registry, empty] = registries;
    expect(registry).toMatchObject({ aclClass: 'DOCKER_REGISTRY', mask: 15, locked: false, pipelineAuth: false });
    expect(registry.tools).toBeUndefined();
    expect(registry.groups.map((group: any) => [group.name, group.aclClass, group.registryId])).toEqual([['library', 'TOOL_GROUP', registry.id]]);
    const tools = registry.groups[0].tools as any[];
    expect(tools.map((tool) => [tool.image, tool.registry, tool.toolGroup])).toEqual([
      ['library/rstudio', REGISTRY, 'library'],
      ['library/shiny', REGISTRY, 'library'],
    ]);
    expect(tools[0].parent).toBeUndefined();
    // NON_EMPTY: a registry without groups has no `groups` key.
    expect(empty.groups).toBeUndefined();
  });
});

describe('GET /datastorage/available (DataStorageController.java:115-126, @StorageAclReadOrWrite)', () => {
  test('an admin gets every storage; a user what it owns or was granted (here: its home and the shared apps storage)', async () => {
    const { api, get } = await start();
    const all = (await get('/datastorage/available')).json.payload as any[];
    expect(all.map((storage) => storage.name).sort()).toEqual(['USER0001-home', 'USER0002-home', FOLDER_APPS_STORAGE].sort());
    expect(all.every((storage) => storage.folders === undefined && storage.files === undefined)).toBe(true);
    const mine = (await get('/datastorage/available', api.issueToken('USER0002'))).json.payload as any[];
    expect(mine.map((storage) => storage.name).sort()).toEqual(['USER0002-home', FOLDER_APPS_STORAGE].sort());
  });

  test('without a grant to ROLE_USER, a user does not see the shared storage', async () => {
    const { api, get } = await start();
    api.state.permissions.delete(`DATA_STORAGE:${api.folderAppsStorageId}`);
    const mine = (await get('/datastorage/available', api.issueToken('USER0002'))).json.payload as any[];
    expect(mine.map((storage) => storage.name)).toEqual(['USER0002-home']);
  });
});

describe('GET /datastorage/{id}/list/page on the seeded applications', () => {
  test('the folders of the layout, then the gateway.spec file with its size', async () => {
    const { api, get } = await start();
    const id = api.folderAppsStorageId!;
    const top = (await get(`/datastorage/${id}/list/page?showVersion=false&pageSize=100`)).json.payload;
    expect(top.results.map((item: any) => [item.name, item.type])).toEqual([['SHINY_PORTAL', 'Folder'], ['USER0001', 'Folder']]);
    const folder = specPath('SHINY_PORTAL').replace(/\/gateway\.spec$/, '');
    const page = (await get(`/datastorage/${id}/list/page?path=${encodeURIComponent(folder)}`)).json.payload;
    expect(page.results).toEqual([expect.objectContaining({ name: 'gateway.spec', path: specPath('SHINY_PORTAL'), type: 'File', size: expect.any(Number) })]);
    expect(page.nextPageMarker).toBeUndefined();
  });
});

describe('GET /datastorage/{id}/content (DataStorageController.java:476-494, S3Helper.java:1057-1116)', () => {
  test('the file base64 in `content`, not truncated, read by a user through the ROLE_USER grant', async () => {
    const { api, get } = await start();
    const answer = await get(`/datastorage/${api.folderAppsStorageId}/content?path=${encodeURIComponent(specPath('SHINY_PORTAL', 1))}`, api.issueToken('USER0002'));
    expect(answer.json.status).toBe('OK');
    expect(answer.json.payload.truncated).toBe(false);
    expect(answer.json.payload.mayBeBinary).toBe(false);
    expect(JSON.parse(Buffer.from(answer.json.payload.content as string, 'base64').toString())).toEqual(DEMO_FOLDER_APPS[1].spec);
  });

  test('a missing path, a missing parameter, a storage the user may not read: HTTP 200 + ERROR', async () => {
    const { api, get } = await start();
    const id = api.folderAppsStorageId!;
    expect((await get(`/datastorage/${id}/content?path=nope/gateway.spec`)).json).toEqual({ status: 'ERROR', message: `Storage path 'nope/gateway.spec' for bucket '${FOLDER_APPS_STORAGE}' does not exist.` });
    expect((await get(`/datastorage/${id}/content`)).json).toEqual({ status: 'ERROR', message: "Required String parameter 'path' is not present" });
    const home = api.state.userByName('USER0001')!.defaultStorageId!;
    const denied = await get(`/datastorage/${home}/content?path=x`, api.issueToken('USER0002'));
    expect([denied.status, denied.json]).toEqual([200, { status: 'ERROR', message: 'Access is denied' }]);
  });

  test('longer than storage.max.download.size: the first bytes, truncated; binary: no content, mayBeBinary', async () => {
    const { api, get, call } = await start({ preferences: { 'storage.max.download.size': '4' } });
    const id = api.folderAppsStorageId!;
    expect((await call('POST', `/datastorage/${id}/content?path=notes/a.txt`, api.token, 'abcdefgh')).json.payload).toMatchObject({ name: 'a.txt', path: 'notes/a.txt', type: 'File', size: 8 });
    const text = (await get(`/datastorage/${id}/content?path=notes/a.txt`)).json.payload;
    expect([Buffer.from(text.content as string, 'base64').toString(), text.truncated]).toEqual(['abcd', true]);
    await call('POST', `/datastorage/${id}/content?path=notes/b.bin`, api.token, '\u00ff\u00fe');
    expect((await get(`/datastorage/${id}/content?path=notes/b.bin`)).json.payload).toEqual({ truncated: false, mayBeBinary: true });
  });

  test('POST needs WRITE: a user with the READ grant is refused and nothing is written', async () => {
    const { api, call, get } = await start();
    const id = api.folderAppsStorageId!;
    const answer = await call('POST', `/datastorage/${id}/content?path=x.txt`, api.issueToken('USER0001'), 'x');
    expect(answer.json).toEqual({ status: 'ERROR', message: 'Access is denied' });
    expect((await get(`/datastorage/${id}/content?path=x.txt`)).json.status).toBe('ERROR');
  });
});

describe('the browser reaches the new endpoints (CORS preflight, SecurityConfig.java:38-52)', () => {
  test.each(['/datastorage/available', '/dockerRegistry/loadTree', '/datastorage/1/content?path=a'])('OPTIONS %s: 200 with the origin echoed, without a token', async (path) => {
    const { api } = await start();
    const response = await fetch(`${api.url}${path}`, { method: 'OPTIONS', headers: { Origin: 'https://apps.sandbox.test', 'Access-Control-Request-Method': 'GET' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://apps.sandbox.test');
  });
});

describe('runs: none in the sandbox, and a launch stops at a clear error (PipelineRunController.java:91-107, 311, 347)', () => {
  test('/run/filter is an empty page, /run/{id} is not found, /configuration/loadAll is empty', async () => {
    const { api, call, get } = await start();
    const token = api.issueToken('USER0001');
    expect((await call('POST', '/run/filter', token, '{}')).json).toEqual({ status: 'OK', payload: { totalCount: 0 } });
    expect((await get('/run/5', token)).json).toEqual({ status: 'ERROR', message: "Pipeline with requested id: '5' was not found." });
    expect((await get('/configuration/loadAll', token)).json).toEqual({ status: 'OK' });
  });

  test.each(['/run', '/runConfiguration'])('POST %s: ERROR saying a launch is not available in the sandbox, counted as a write attempt', async (path) => {
    const { api, call } = await start();
    const token = api.issueToken('USER0001');
    const before = stateSnapshot(api.state);
    const answer = await call('POST', path, token, '{}');
    expect([answer.status, answer.json.status, answer.json.message]).toEqual([200, 'ERROR', expect.stringContaining('not available in the sandbox')]);
    expect(stateSnapshot(api.state)).toEqual(before);
    expect(api.mutatingCalls().map((entry) => `${entry.method} ${entry.path}`)).toEqual([`POST ${path}`]);
  });
});
