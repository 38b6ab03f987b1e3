import { afterEach, describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '../../../../src/lib/logger.js';
import { tokenClaims } from '../../../../src/cloud-pipeline/token-claims.js';
import { provision, readToolsManifest } from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { HIERARCHY, allFolders, pushTools, standIn, toolEntry, toolOf, toolsFolder } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(users = 0) {
  const env = await standIn({ users });
  cleanups.push(env.done);
  return env;
}

const SIX = (user: string) => [user, `${user}/R`, `${user}/R/library`, `${user}/ShinyApps`, `${user}/ShinyApps/apps`, `${user}/ShinyApps/log`];

describe('provision against the strict stand-in', () => {
  test('a first deploy creates users, homes (S3 and NFS), folders and tools; a second run makes 0 mutating calls', async () => {
    const { api, client } = await setup(2);
    // USER0002 lives on a file share: its home folders go through NFS semantics.
    const nfs = api.state.createStorage({ name: 'nfs-home-USER0002', path: 'nfs.local:/homes/USER0002', serviceType: 'FILE_SHARE', fileShareMountId: 1 }, 'USER0002');
    const user2 = api.state.userByName('USER0002');
    if (user2) user2.defaultStorageId = nfs.id;
    nfs.folders.add('USER0002'); // one folder already there: NFS would refuse to create it again
    pushTools(api, ['shiny', 'rstudio']);
    const tools = await toolsFolder([toolEntry('shiny'), toolEntry('rstudio')]);
    cleanups.push(tools.cleanup);
    const desired = { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' as const, tools: await readToolsManifest(tools.dir) };

    const first = await provision(client, desired, { concurrency: 4 });
    expect(first.counts).toMatchObject({ usersCreated: 3, toolsRegistered: 0, toolsUpdated: 2, storagesCreated: 1 });
    // 2 seeded users, 3 system users and PIPE_ADMIN, six folders each, one of them already there.
    expect(first.counts.foldersCreated).toBe(6 * 6 - 1);
    expect(first.siteWide).toEqual(['storage.user.home.auto=true: site-wide: every user Cloud Pipeline creates from now on gets a home storage']);
    expect(api.state.preferences.get('storage.user.home.auto')?.value).toBe('true');
    expect(JSON.parse(api.state.preferences.get('storage.user.home.hierarchy.template')?.value ?? '')).toEqual(HIERARCHY);
    for (const name of ['SHINY_PORTAL', 'SHINY_PORTAL_ADMIN_USER', 'SHINY_PORTAL_ANONYMOUS_USER', 'USER0001', 'PIPE_ADMIN']) {
      const storage = api.state.storages.get(api.state.userByName(name)?.defaultStorageId ?? 0);
      expect(storage?.type).toBe('S3');
      expect([...(storage?.folders ?? [])].sort()).toEqual(SIX(name));
    }
    expect([...nfs.folders].sort()).toEqual(SIX('USER0002'));
    // The API made the system users' homes itself (storage.user.home.auto), owned by each user.
    expect(api.state.findStorage('SHINY_PORTAL-home')).toMatchObject({ owner: 'SHINY_PORTAL', path: 'SHINY_PORTAL-home' });
    const anonymous = api.state.userByName('SHINY_PORTAL_ANONYMOUS_USER');
    expect(api.state.roleNames(anonymous ?? { id: 0, userName: '', roleIds: [] }).sort()).toEqual(['ROLE_ANONYMOUS_USER', 'ROLE_USER']);
    expect(tokenClaims(first.anonymousToken ?? '')).toMatchObject({ sub: 'SHINY_PORTAL_ANONYMOUS_USER', roles: ['ROLE_ANONYMOUS_USER', 'ROLE_USER'] });
    // The token reaches the secured resources the launcher calls with it.
    for (const path of ['/whoami', '/metadata/search?entityClass=TOOL&key=app_type&value=apps.example.org', '/tool/load?image=registry.local:5000/optimized/shiny']) {
      const answer = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${first.anonymousToken}` } });
      expect([path, answer.status, ((await answer.json()) as { status: string }).status]).toEqual([path, 200, 'OK']);
    }
    const shiny = toolOf(api, 'optimized/shiny');
    expect(shiny).toMatchObject({ shortDescription: 'shiny for the Quick Launcher', disk: 50, instanceType: 'm5.large', defaultCommand: '/start.sh', cpu: '0mi', ram: '0Gi' });
    expect(api.state.icons.get(shiny?.id ?? 0)?.toString()).toBe('png of shiny');
    expect(api.state.metadata.get(`TOOL:${shiny?.id}`)).toEqual({
      app_type: { type: 'string', value: 'apps.example.org' },
      launcher: { type: 'string', value: 'quick' },
    });
    const folders = allFolders(api);

    api.clearRequests();
    const second = await provision(client, { ...desired, liveAnonymousToken: first.anonymousToken }, { concurrency: 4 });
    expect(api.mutatingCalls()).toEqual([]);
    expect(api.requests().filter((r) => r.method !== 'GET' && r.path !== '/metadata/load')).toEqual([]);
    expect(second).toMatchObject({ changed: false, plan: [], anonymousToken: first.anonymousToken, anonymousTokenState: 'kept' });
    expect(second.counts.mutatingCalls).toBe(0);
    expect(second.siteWide).toBeUndefined();
    expect(allFolders(api)).toEqual(folders);
  });

  test('dry run sends nothing mutating and returns the plan the real run then follows', async () => {
    const { api, client } = await setup(2);
    const desired = { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' as const };
    const dry = await provision(client, desired, { dryRun: true });
    expect(api.mutatingCalls()).toEqual([]);
    expect(api.requests().every((r) => r.method === 'GET' || r.path === '/metadata/load')).toBe(true);
    expect(dry.dryRun).toBe(true);
    expect(dry.anonymousToken).toBeUndefined();
    expect(dry.plan.map((call) => `${call.method} ${call.path}`)).toEqual(
      expect.arrayContaining(['POST /preferences', 'POST /user', 'POST /datastorage/1/list', 'POST /datastorage/{the home storage of SHINY_PORTAL}/list']),
    );
    expect(dry.plan.find((call) => call.path === '/preferences')?.summary).toMatch(/storage\.user\.home\.auto=true \(site-wide/);
    expect(dry.counts).toMatchObject({ usersCreated: 3, foldersCreated: 6 * 6 });

    const real = await provision(client, desired, {});
    expect(real.counts).toEqual(dry.counts);
    const calls = (plan: typeof dry.plan) => plan.map((call) => `${call.method} ${call.summary}`);
    expect(calls(real.plan)).toEqual(calls(dry.plan));
  });

  test('storage.user.home.auto already set by the site is left alone unless asked', async () => {
    const { api, client } = await setup();
    api.state.storePreference({ name: 'storage.user.home.auto', value: 'false', visible: false, type: 'BOOLEAN' });
    const left = await provision(client, {}, {});
    expect(api.state.preferences.get('storage.user.home.auto')?.value).toBe('false');
    expect(left.siteWide).toBeUndefined();
    // Without the API making homes, provisioning makes the system users' homes the same way.
    expect(api.state.storages.get(api.state.userByName('SHINY_PORTAL')?.defaultStorageId ?? 0)).toMatchObject({ name: 'SHINY_PORTAL-home', owner: 'SHINY_PORTAL' });
    const asked = await provision(client, { homeAuto: true }, {});
    expect(api.state.preferences.get('storage.user.home.auto')?.value).toBe('true');
    expect(asked.siteWide).toHaveLength(1);
  });

  test("a user without a home storage gets one from the template, with the template's metadata and permissions", async () => {
    const { api, client } = await setup();
    api.state.storePreference({ name: 'storage.user.home.auto', value: 'false', visible: false, type: 'BOOLEAN' });
    const template = JSON.stringify({
      datastorage: { name: 'home-@@', description: 'Home of @@', parentFolderId: 42 },
      permissions: [{ principal: true, userName: 'PIPE_ADMIN', mask: 1 }],
      metadata: { owner_of: { value: '@@' } },
    });
    api.state.createUser('no_home', undefined);
    const result = await provision(client, { homeStorageTemplate: template, homeHierarchy: { '@@': {} }, syncHomeFolders: 'all' }, {});
    const user = api.state.userByName('NO_HOME');
    expect(user?.userName).toBe('NO_HOME');
    const storage = api.state.storages.get(user?.defaultStorageId ?? 0);
    // path = name and no parentFolderId (folder 42 does not exist), as upstream's own home creation.
    expect(storage).toMatchObject({ name: 'home-NO_HOME', path: 'home-NO_HOME', owner: 'NO_HOME', description: 'Home of NO_HOME', type: 'S3' });
    expect(storage?.parentFolderId).toBeUndefined();
    expect([...(storage?.folders ?? [])]).toEqual(['NO_HOME']);
    expect(api.state.metadata.get(`DATA_STORAGE:${storage?.id}`)).toEqual({ owner_of: { type: 'string', value: 'NO_HOME' } });
    expect(api.state.permissions.get(`DATA_STORAGE:${storage?.id}`)?.get('PIPE_ADMIN')).toBe(1);
    // NO_HOME and PIPE_ADMIN by the home phase, the three system users at their creation.
    expect(result.counts.storagesCreated).toBe(5);
  });

  test('an existing system user gets the missing role; sync none touches no folders', async () => {
    const { api, client } = await setup(1);
    api.state.createUser('shiny_portal_anonymous_user', [3]);
    const logger = new MemoryLogger();
    const result = await provision(client, { homeHierarchy: HIERARCHY, syncHomeFolders: 'none' }, { logger });
    expect(api.state.userByName('SHINY_PORTAL_ANONYMOUS_USER')?.roleIds.sort()).toEqual([2, 3]);
    expect(result.counts).toMatchObject({ usersCreated: 2, foldersCreated: 0 });
    expect(allFolders(api)).toEqual([]);
    expect(logger.text).toContain('system users: 2 created');
  });

  test('a tool whose labels, flags, cpu and ram were set in Cloud Pipeline keeps them through an update', async () => {
    const { api, client } = await setup();
    pushTools(api, ['shiny']);
    const tool = toolOf(api, 'optimized/shiny');
    Object.assign(tool ?? {}, { labels: ['Quick Launcher', 'R'], allowSensitive: true, allowCommit: false, cpu: '2', ram: '8Gi' });
    const before = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(before.cleanup);
    await provision(client, { tools: await readToolsManifest(before.dir) }, {});
    const changed = toolEntry('shiny');
    (changed.spec as { disk_size: string }).disk_size = '80';
    const after = await toolsFolder([changed]);
    cleanups.push(after.cleanup);
    api.clearRequests();
    const result = await provision(client, { tools: await readToolsManifest(after.dir) }, {});
    expect(api.mutatingCalls().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /tool/update']);
    expect(result.plan.map((call) => call.summary)).toEqual(['update tool registry.local:5000/optimized/shiny (disk)']);
    expect(toolOf(api, 'optimized/shiny')).toMatchObject({
      disk: 80,
      labels: ['Quick Launcher', 'R'],
      allowSensitive: true,
      allowCommit: false,
      cpu: '2',
      ram: '8Gi',
      shortDescription: 'shiny for the Quick Launcher',
    });
  });

  test('a changed metadata key is updated and nothing else; an unchanged icon is not sent again', async () => {
    const { api, client } = await setup();
    pushTools(api, ['shiny']);
    const before = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(before.cleanup);
    await provision(client, { tools: await readToolsManifest(before.dir) }, {});
    const after = await toolsFolder([toolEntry('shiny', { metadata: { app_type: 'apps2.example.org', launcher: 'quick' } })]);
    cleanups.push(after.cleanup);
    api.clearRequests();
    const result = await provision(client, { tools: await readToolsManifest(after.dir) }, {});
    expect(api.mutatingCalls().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /metadata/updateKeys']);
    expect(result.counts.toolsUpdated).toBe(0);
    expect(api.state.metadata.get(`TOOL:${toolOf(api, 'optimized/shiny')?.id}`)?.app_type?.value).toBe('apps2.example.org');
  });

  test('a tool missing after the bounded wait is registered only with cpu, ram and its resolved group', async () => {
    const { api, client } = await setup();
    pushTools(api, ['rstudio']); // creates the group 'optimized'; shiny's image is tagged but its notification was lost
    api.state.toolModel.tagImage('registry.local:5000', 'optimized/shiny', '1.0.0');
    const folder = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(folder.cleanup);
    const tools = await readToolsManifest(folder.dir);
    const result = await provision(client, { tools, toolRegistration: { cpu: '1', ram: '4Gi' } }, { toolWaitMs: 30, toolPollMs: 10 });
    expect(result.counts.toolsRegistered).toBe(1);
    expect(toolOf(api, 'optimized/shiny')).toMatchObject({ cpu: '1', ram: '4Gi', toolGroup: 'optimized', shortDescription: 'shiny for the Quick Launcher', hasIcon: true });
    expect(api.requests().filter((r) => r.path === '/tool/load').length).toBeGreaterThan(1);
  });
});

describe('the anonymous token', () => {
  test('an expired live token is renewed, after the preflight and the changes; a token with frozen roles too short is renewed', async () => {
    const { api, client } = await setup();
    const first = await provision(client, {}, {});
    const expired = api.issueToken('SHINY_PORTAL_ANONYMOUS_USER', -60);
    api.clearRequests();
    const renewed = await provision(client, { liveAnonymousToken: expired, homeHierarchy: HIERARCHY }, {});
    expect(renewed.anonymousTokenState).toBe('renewed: it has expired');
    expect(renewed.anonymousToken).not.toBe(expired);
    expect(renewed.anonymousToken).not.toBe(first.anonymousToken);
    expect(tokenClaims(renewed.anonymousToken ?? '')?.sub).toBe('SHINY_PORTAL_ANONYMOUS_USER');
    // The admin checks (whoami, roles, preferences) ran before the first mutating call.
    const log = api.requests().map((r) => `${r.method} ${r.path}`);
    const firstMutation = api.requests().findIndex((r) => r.mutating);
    expect(firstMutation).toBeGreaterThan(log.indexOf('GET /preferences'));
    expect(log.slice(0, 3)).toEqual(['GET /whoami', 'GET /role/loadAll', 'GET /preferences']);
    expect(log.at(-1)).toBe('GET /user/token');

    // A token issued while the user held ROLE_ANONYMOUS_USER only cannot reach the launcher's calls.
    const user = api.state.userByName('SHINY_PORTAL_ANONYMOUS_USER');
    if (!user) throw new Error('no anonymous user');
    const held = user.roleIds;
    user.roleIds = [3];
    const narrow = api.issueToken(user.userName);
    user.roleIds = held;
    const again = await provision(client, { liveAnonymousToken: narrow }, {});
    expect(again.anonymousTokenState).toBe('renewed: its roles (frozen at issue) lack ROLE_USER');
    const other = await provision(client, { liveAnonymousToken: api.issueToken('SHINY_PORTAL') }, {});
    expect(other.anonymousTokenState).toBe('renewed: it belongs to SHINY_PORTAL, not SHINY_PORTAL_ANONYMOUS_USER');
  });
});
