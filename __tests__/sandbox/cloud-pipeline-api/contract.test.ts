/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access --
   wire-level checks: the payloads are untyped JSON, checked by the assertions themselves. */
// The contract of the API stand-in: each test runs the client's calls (and, where the client
// cannot send it, the raw body the real server refuses) and checks one upstream rule, cited as
// in docs/upstream-contract.md#the-cloud-pipeline-api. A stand-in that drifts from upstream fails here.
import { afterEach, describe, expect, test } from '@jest/globals';
import { CloudPipelineAuthError, createCloudPipelineClient, type CloudPipelineClient } from '../../../src/cloud-pipeline/index.js';
import { tokenClaims } from '../../../src/cloud-pipeline/token-claims.js';
import { stateSnapshot } from './state-snapshot.js';
import { startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions } from '../../../src/sandbox/cloud-pipeline-api/index.js';

const REGISTRY = 'cp-docker-registry:31443';
const running: { api: CloudPipelineApi; clients: CloudPipelineClient[] }[] = [];
afterEach(async () => {
  for (const { api, clients } of running.splice(0)) {
    for (const client of clients) client.close();
    await api.stop();
  }
});

async function start(options: CloudPipelineApiOptions = {}) {
  const api = await startCloudPipelineApi({ registries: [REGISTRY], ...options });
  const entry = { api, clients: [] as CloudPipelineClient[] };
  running.push(entry);
  const clientWith = (token: string) => {
    const client = createCloudPipelineClient({ url: api.url, token, retry: { attempts: 1 } });
    entry.clients.push(client);
    return client;
  };
  const raw = async (method: string, path: string, body?: unknown, token = api.token) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) };
  };
  return { api, client: clientWith(api.token), clientWith, raw };
}

describe('envelope and serialization (JsonMapper.java:76, :82; ExceptionHandlerAdvice.java:51-89)', () => {
  test('NON_EMPTY: empty fields and an empty payload are left out', async () => {
    const { raw } = await start();
    const user = (await raw('POST', '/user', { userName: 'alice' })).json.payload;
    expect(Object.keys(user as object).sort()).toEqual(['blocked', 'id', 'roles', 'userName']);
    expect(await raw('GET', '/metadata/search?entityClass=TOOL&key=app_type&value=x')).toEqual({ status: 200, json: { status: 'OK' } });
  });

  test.each([
    ['POST', '/user', { userName: 'A', email: 'a@example.org' }, 'com.epam.pipeline.controller.vo.PipelineUserVO'],
    ['POST', '/datastorage/save?cloud=true', { name: 'x', path: 'x', serviceType: 'OBJECT_STORAGE', bucket: 'x' }, 'com.epam.pipeline.controller.vo.DataStorageVO'],
    ['POST', '/preferences', [{ name: 'a', value: '1', type: 'STRING', visible: false, group: 'g' }], 'com.epam.pipeline.entity.preference.Preference'],
    ['POST', '/datastorage/1/list', [{ path: 'a', type: 'Folder', action: 'Create', recursive: true }], 'com.epam.pipeline.controller.vo.data.storage.UpdateDataStorageItemVO'],
    ['POST', '/metadata/updateKeys', { entity: { entityId: 1, entityClass: 'TOOL' }, data: {}, merge: true }, 'com.epam.pipeline.controller.vo.MetadataVO'],
    ['POST', '/tool/update', { image: 'g/t', registryId: 1, iconUrl: 'x' }, 'com.epam.pipeline.entity.pipeline.Tool'],
    ['POST', '/grant', { aclClass: 'DATA_STORAGE', id: 1, userName: 'A', mask: 1, role: 'x' }, 'com.epam.pipeline.controller.vo.PermissionGrantVO'],
  ])('%s %s with an unknown field is refused: HTTP 200, ERROR naming the field and the class', async (method, path, body, className) => {
    const { api, raw } = await start();
    api.state.createStorage({ name: 'data', path: 'data', type: 'S3' }, 'PIPE_ADMIN');
    const before = stateSnapshot(api.state);
    const answer = await raw(method, path, body);
    expect(answer.status).toBe(200);
    expect(answer.json.status).toBe('ERROR');
    expect(answer.json.message).toMatch(new RegExp(`^Could not read document: Unrecognized field "\\w+" \\(class ${className.replaceAll('.', '\\.')}\\), not marked as ignorable`));
    // Refused, so nothing changed; but it was a write attempt, and attempts count (src/sandbox/mutating.ts).
    expect(stateSnapshot(api.state)).toEqual(before);
    expect(api.mutatingCalls().map((call) => `${call.method} ${call.path}`)).toEqual([`${method} ${path.split('?')[0]}`]);
  });

  test('a value of the wrong type, an unknown enum constant and a missing body are refused the same way', async () => {
    const { api, raw } = await start();
    expect((await raw('POST', '/user', { userName: 'A', roleIds: 'ROLE_USER' })).json.message).toMatch(/^Could not read document: Can not deserialize instance of java\.util\.ArrayList out of VALUE_STRING token/);
    expect((await raw('POST', '/datastorage/save?cloud=true', { name: 'a', path: 'a', serviceType: 'BUCKET' })).json.message).toMatch(
      /^Could not read document: Can not deserialize value of type com\.epam\.pipeline\.entity\.datastorage\.StorageServiceType from String "BUCKET"/,
    );
    expect(await raw('POST', '/user')).toEqual({ status: 200, json: { status: 'ERROR', message: 'Required request body is missing' } });
    expect(api.state.users.size).toBe(1);
  });

  test('a missing token is 401 without an envelope; an unmapped path 404; another method 405 with an envelope', async () => {
    const { api, raw } = await start();
    const unauthorized = await fetch(`${api.url}/whoami`);
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ status: 401, error: 'Unauthorized' });
    expect((await raw('GET', '/no/such/endpoint')).status).toBe(404);
    expect(await raw('DELETE', '/whoami')).toEqual({ status: 405, json: { status: 'ERROR', message: "Request method 'DELETE' not supported" } });
    expect(await raw('GET', '/user')).toEqual({ status: 200, json: { status: 'ERROR', message: "Required String parameter 'name' is not present" } });
  });
});

describe('users (UserManager.java:155-201, :407-415, :474-483, :680-740; user-dao.xml)', () => {
  test('names are trimmed and upper-cased on create, looked up case-insensitively; an all-digit name is an id', async () => {
    const { api, client, raw } = await start();
    const created = await client.users.create({ userName: '  alice ' });
    expect(created.userName).toBe('ALICE');
    expect((await client.users.find('Alice'))?.id).toBe(created.id);
    expect((await raw('POST', '/user', { userName: 'ALICE' })).json).toEqual({ status: 'ERROR', message: "User with name 'ALICE' already exists." });
    expect((await raw('GET', `/user?name=${created.id}`)).json.payload.userName).toBe('ALICE');
    // The client never takes the user with that id for a user called "2".
    expect(await client.users.find(String(created.id))).toBeUndefined();
    expect(api.state.users.size).toBe(2);
  });

  test('ROLE_USER is always added; /user/{id}/update replaces every role; PUT /user/{id} without defaultStorageId clears it', async () => {
    const { api, client } = await start();
    const anonymous = await client.users.create({ userName: 'GUEST', roleIds: [3] });
    expect(anonymous.roles.map((role) => role.name)).toEqual(['ROLE_ANONYMOUS_USER', 'ROLE_USER']);
    expect((await client.users.setRoles(anonymous.id, [3])).roles.map((role) => role.name)).toEqual(['ROLE_ANONYMOUS_USER']);
    const storage = await client.storages.create({ name: 'guest-home', path: 'guest-home', serviceType: 'OBJECT_STORAGE' });
    expect((await client.users.update(anonymous.id, { userName: 'GUEST', defaultStorageId: storage.id })).defaultStorageId).toBe(storage.id);
    expect((await client.users.update(anonymous.id, { userName: 'GUEST' })).defaultStorageId).toBeUndefined();
    expect(api.state.userByName('GUEST')?.defaultStorageId).toBeUndefined();
  });

  test('with storage.user.home.auto the API creates the home as upstream: path = name, OBJECT_STORAGE, skipped on a clash', async () => {
    const { api, client } = await start({ preferences: { 'storage.user.home.auto': 'true', 'storage.object.prefix': 'cp-' } });
    const bob = await client.users.create({ userName: 'bob' });
    // The prefix is added when the path is made (DataStorageManager.java:497-499) and again on
    // creation in the cloud (:442-444): upstream's own homes carry it twice.
    expect(await client.storages.find(bob.defaultStorageId ?? 0)).toMatchObject({ name: 'BOB-home', path: 'cp-cp-BOB-home', type: 'S3', owner: 'BOB', description: 'Home folder for user BOB' });
    await client.storages.create({ name: 'CAROL-home', path: 'elsewhere', serviceType: 'OBJECT_STORAGE' });
    expect((await client.users.create({ userName: 'carol' })).defaultStorageId).toBeUndefined();
    expect(api.state.storages.size).toBe(2);
  });
});

describe('tokens (JwtTokenGenerator.java:87-93; JWTSecurityConfiguration.java:105-118; application.properties:17)', () => {
  test('tokens are JWTs with exp (30 days by default) and the roles at issue, frozen', async () => {
    const { api, client, clientWith } = await start();
    const guest = await client.users.create({ userName: 'GUEST', roleIds: [3] });
    const token = await client.users.token('GUEST');
    const claims = tokenClaims(token);
    expect(claims?.sub).toBe('GUEST');
    expect((claims?.exp ?? 0) - Date.now() / 1000).toBeGreaterThan(2592000 - 60);
    await client.users.setRoles(guest.id, [1, 2]);
    // The token still carries ROLE_ANONYMOUS_USER + ROLE_USER: it cannot do an admin call.
    const guestClient = clientWith(token);
    await expect(guestClient.users.create({ userName: 'X' })).rejects.toThrow('POST /user failed (HTTP 200): Access is denied');
    expect(api.state.userByName('X')).toBeUndefined();
    expect(tokenClaims(await client.users.token('GUEST', 60))?.roles).toEqual(['ROLE_ADMIN', 'ROLE_USER']);
  });

  test('an expired token is refused with 401', async () => {
    const { api, clientWith } = await start();
    await expect(clientWith(api.issueToken('PIPE_ADMIN', -1)).users.whoami()).rejects.toBeInstanceOf(CloudPipelineAuthError);
  });

  test('a ROLE_ANONYMOUS_USER token reaches the anonymous URLs only; with ROLE_USER it reaches what the launcher calls', async () => {
    const { client, raw } = await start();
    const guest = await client.users.create({ userName: 'GUEST', roleIds: [3] });
    await client.users.setRoles(guest.id, [3]);
    const narrow = await client.users.token('GUEST');
    expect((await raw('GET', '/metadata/search?entityClass=TOOL&key=app_type', undefined, narrow)).status).toBe(403);
    // /restapi/route is an anonymous URL: authorization passes (the stand-in has no handler for it).
    expect((await raw('GET', '/route', undefined, narrow)).status).toBe(404);
    await client.users.setRoles(guest.id, [3, 2]);
    const wide = await client.users.token('GUEST');
    for (const path of ['/whoami', '/metadata/search?entityClass=TOOL&key=app_type', `/tool/load?image=${REGISTRY}/g/t`, '/role/loadAll']) {
      expect([path, (await raw('GET', path, undefined, wide)).status]).toEqual([path, 200]);
    }
    const configured = await start({ anonymousUrls: ['/restapi/metadata/**'] });
    await configured.client.users.create({ userName: 'GUEST', roleIds: [3] });
    const only = configured.api.issueToken('GUEST');
    configured.api.state.requireUser(2).roleIds = [3];
    expect((await configured.raw('GET', '/metadata/search?entityClass=TOOL&key=k', undefined, configured.api.issueToken('GUEST'))).status).toBe(200);
    expect((await configured.raw('GET', '/whoami', undefined, configured.api.issueToken('GUEST'))).status).toBe(403);
    expect(tokenClaims(only)?.roles).toEqual(['ROLE_ANONYMOUS_USER', 'ROLE_USER']);
  });
});

describe('storages (DataStorageManager.java:399-472; ProviderUtils.java:59-68; S3Helper.java:520-545; NFSStorageProvider.java:94, 243, 364-370)', () => {
  test('/datastorage/save needs serviceType or type and a path; names and paths are unique; it answers {entity, actionStatus}', async () => {
    const { client, raw } = await start();
    expect((await raw('POST', '/datastorage/save?cloud=true', { name: 'a', path: 'a' })).json.message).toBe('Your operation has been aborted as we encountered a server problem.');
    expect((await raw('POST', '/datastorage/save?cloud=true', { name: 'a', serviceType: 'OBJECT_STORAGE' })).json.message).toBe('Your operation has been aborted as we encountered a server problem.');
    const saved = await raw('POST', '/datastorage/save?cloud=true', { name: 'a', path: 'a', serviceType: 'OBJECT_STORAGE' });
    expect(Object.keys(saved.json.payload as object)).toEqual(['entity', 'actionStatus']);
    expect(saved.json.payload.entity).toMatchObject({ name: 'a', path: 'a', type: 'S3' });
    await expect(client.storages.create({ name: 'b', path: 'a', serviceType: 'OBJECT_STORAGE' })).rejects.toThrow("data storage with name: 'b' or path: 'a' already exists.");
    expect((await raw('POST', '/datastorage/save?cloud=true', { name: 'n', path: 'nfs:/n', serviceType: 'FILE_SHARE' })).json.message).toBe("Parameter 'fileShareMountId' is required or empty");
  });

  test('an existing folder: S3 says "already exists", NFS only "Could not create a folder in nfs"', async () => {
    const { client } = await start();
    const s3 = await client.storages.create({ name: 's3', path: 's3', serviceType: 'OBJECT_STORAGE' });
    const nfs = await client.storages.create({ name: 'nfs', path: 'nfs.local:/nfs', serviceType: 'FILE_SHARE', fileShareMountId: 1 });
    for (const storage of [s3, nfs]) await client.storages.createFolders(storage.id, ['a/b']);
    await expect(client.storages.createFolders(s3.id, ['a/b'])).rejects.toThrow("Storage path 'a/b/' for bucket 's3' already exists.");
    await expect(client.storages.createFolders(nfs.id, ['a/b'])).rejects.toThrow('Could not create a folder in nfs: nfs.local:/nfs');
    expect((await client.storages.list(nfs.id, 'a')).map((item) => item.name)).toEqual(['b']);
  });

  test('an NFS listing without paging stops at 1000 entries; the paged listing the client reads is complete', async () => {
    const { api, client, raw } = await start();
    const nfs = await client.storages.create({ name: 'nfs', path: 'nfs.local:/nfs', serviceType: 'FILE_SHARE', fileShareMountId: 1 });
    const record = api.state.storages.get(nfs.id);
    for (let i = 0; i < 1001; i++) record?.folders.add(`d${String(i).padStart(4, '0')}`);
    expect((await raw('GET', `/datastorage/${nfs.id}/list`)).json.payload).toHaveLength(1000);
    expect(await client.storages.list(nfs.id)).toHaveLength(1001);
  });
});

describe('tools (ToolManager.java:148-226, :783-805; DockerRegistryManager.java:290-305, :495-568)', () => {
  test('a push notification creates the tool group and the tool (cpu 0mi, ram 0Gi); /tool/register needs a group, cpu, ram and a tagged image', async () => {
    const { api, client, raw } = await start();
    const events = { events: [{ action: 'push', target: { repository: 'library/shiny', tag: '1' }, actor: { name: 'PIPE_ADMIN' } }] };
    expect((await raw('POST', '/dockerRegistry/notify', events)).json.message).toMatch(/Missing request header 'Registry-Path'/);
    const notified = await fetch(`${api.url}/dockerRegistry/notify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json', 'Registry-Path': REGISTRY },
      body: JSON.stringify(events),
    });
    expect(((await notified.json())).status).toBe('OK');
    expect(await client.tools.load(REGISTRY, 'library/shiny:1')).toMatchObject({ image: 'library/shiny', cpu: '0mi', ram: '0Gi', toolGroup: 'library', hasIcon: false });
    const group = await client.tools.group(REGISTRY, 'library');
    expect(group).toMatchObject({ name: 'library', registryId: 1 });
    await expect(client.tools.register({ image: 'library/r', registry: REGISTRY, toolGroupId: group?.id })).rejects.toThrow("Parameter 'cpu' id required for 'Tool' podId.");
    await expect(client.tools.register({ image: 'library/r', registry: REGISTRY, cpu: '1', ram: '1Gi', toolGroupId: 99 })).rejects.toThrow("Tool group with requested id: '99' was not found.");
    await expect(client.tools.register({ image: 'library/r', registry: REGISTRY, cpu: '1', ram: '1Gi', toolGroupId: group?.id })).rejects.toThrow("Tool image 'library/r' does not exist in docker registry.");
    api.state.toolModel.tagImage(REGISTRY, 'library/r');
    expect(await client.tools.register({ image: 'library/r', registry: REGISTRY, cpu: '1', ram: '1Gi', toolGroupId: group?.id })).toMatchObject({ image: 'library/r', registryId: 1, toolGroupId: group?.id });
    await expect(client.tools.register({ image: 'library/r', registry: REGISTRY, cpu: '1', ram: '1Gi', toolGroupId: group?.id })).rejects.toThrow("Tool with image 'library/r' already exists in group 'library'");
  });

  test('/tool/update replaces fields: only the desired ones wipe labels and flags, the whole loaded tool keeps them', async () => {
    const { api, client } = await start();
    const pushed = api.pushImage(REGISTRY, 'library/shiny');
    Object.assign(pushed ?? {}, { labels: ['keep'], allowSensitive: true, allowCommit: false, defaultCommand: '/start.sh' });
    const loaded = await client.tools.load(REGISTRY, 'library/shiny');
    if (!loaded) throw new Error('no tool');
    const kept = await client.tools.update({ ...loaded, disk: 80 });
    expect(kept).toMatchObject({ disk: 80, labels: ['keep'], allowSensitive: true, allowCommit: false, defaultCommand: '/start.sh', cpu: '0mi' });
    const wiped = await client.tools.update({ image: 'library/shiny', registry: REGISTRY, registryId: loaded.registryId, disk: 90 });
    expect(wiped).toMatchObject({ disk: 90, allowSensitive: false, allowCommit: false, cpu: '0mi' });
    expect(wiped.labels).toBeUndefined();
    expect(wiped.defaultCommand).toBeUndefined();
  });

  test('a tool without an icon answers HTTP 200 with a JSON ERROR, never an icon; icons are jpg/jpeg/png/gif up to 50 KB', async () => {
    const { api, client } = await start();
    const tool = api.pushImage(REGISTRY, 'library/shiny');
    const id = tool?.id ?? 0;
    await expect(client.tools.icon(id)).rejects.toThrow(`GET /tool/${id}/icon failed (HTTP 200): Icon for tool with specified ID: ${id} not found`);
    await expect(client.tools.setIcon(id, 'icon.svg', Buffer.from('<svg/>'))).rejects.toThrow(/File extension 'svg' is not allowed/);
    await expect(client.tools.setIcon(id, 'icon.png', Buffer.alloc(50 * 1024 + 1))).rejects.toThrow('Icon uploaded is too large: 51201, 51200 allowed');
    await client.tools.setIcon(id, 'icon.png', Buffer.from('png'));
    expect((await client.tools.load(REGISTRY, 'library/shiny'))?.hasIcon).toBe(true);
    expect((await client.tools.icon(id)).toString()).toBe('png');
  });
});

describe('preferences (PreferenceManager.java:75-136; SystemPreferences.java:206-213, :1589-1598; PreferenceValidators.java:113-122)', () => {
  test('GET /preferences holds every system preference at its default, without a createdDate', async () => {
    const { client } = await start();
    const all = await client.preferences.list();
    expect(all.find((p) => p.name === 'storage.user.home.auto')).toEqual({ name: 'storage.user.home.auto', value: 'false', type: 'BOOLEAN', preferenceGroup: 'Data storage', visible: false });
    expect(all.find((p) => p.name === 'misc.max.tool.icon.size.kb')?.value).toBe('50');
    expect(all.find((p) => p.name === 'storage.user.home.template')?.value).toBe('');
    await client.preferences.update([{ name: 'storage.user.home.auto', value: 'true', visible: false, type: 'STRING' }]);
    const stored = (await client.preferences.list()).find((p) => p.name === 'storage.user.home.auto');
    expect(stored).toMatchObject({ value: 'true', type: 'BOOLEAN', createdDate: expect.any(String) });
  });

  test('storage.user.home.template is read strictly as a DataStorageTemplate; other preferences need a type', async () => {
    const { api, client } = await start();
    const bad = JSON.stringify({ datastorage: { name: '@@-home', bucket: 'x' } });
    await expect(client.preferences.update([{ name: 'storage.user.home.template', value: bad, visible: false }])).rejects.toThrow(
      `Preference 'storage.user.home.template' contains invalid value '${bad}'`,
    );
    await expect(client.preferences.update([{ name: 'storage.user.home.template', value: '{"datastorage": {"name": "@@-home", "serviceType": "OBJECT_STORAGE"}, "permissions": []}', visible: false }])).resolves.toBeDefined();
    await expect(client.preferences.update([{ name: 'launcher.custom', value: 'x', visible: false }])).rejects.toThrow('No preference type specified');
    expect(api.state.preferences.has('launcher.custom')).toBe(false);
  });
});
