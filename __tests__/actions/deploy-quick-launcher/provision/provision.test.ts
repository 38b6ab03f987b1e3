import { afterEach, describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '../../../../src/lib/logger.js';
import { provision, readToolsManifest } from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { HIERARCHY, allFolders, standIn, toolEntry, toolsFolder } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(users = 0) {
  const env = await standIn({ users });
  cleanups.push(env.done);
  return env;
}

describe('provision against the stand-in', () => {
  test('a first run creates users, homes, folders and tools; a second run makes 0 mutating calls', async () => {
    const { api, client } = await setup(3);
    const tools = await toolsFolder([toolEntry('shiny'), toolEntry('rstudio')]);
    cleanups.push(tools.cleanup);
    const desired = { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' as const, tools: await readToolsManifest(tools.dir) };

    const first = await provision(client, desired, { concurrency: 4 });
    // 3 seeded users, 3 system users and PIPE_ADMIN, six folders each.
    expect(first.counts).toMatchObject({ usersCreated: 3, toolsRegistered: 2, foldersCreated: 7 * 6, storagesCreated: 1 });
    expect(first.changed).toBe(true);
    expect(api.state.preferences.get('storage.user.home.auto')?.value).toBe('true');
    expect(JSON.parse(api.state.preferences.get('storage.user.home.hierarchy.template')?.value ?? '')).toEqual(HIERARCHY);
    const portal = api.state.userByName('SHINY_PORTAL');
    expect(portal?.defaultStorageId).toBeDefined();
    expect(api.state.storages.get(portal?.defaultStorageId ?? 0)?.folders).toEqual(
      new Set(['SHINY_PORTAL', 'SHINY_PORTAL/ShinyApps', 'SHINY_PORTAL/ShinyApps/log', 'SHINY_PORTAL/ShinyApps/apps', 'SHINY_PORTAL/R', 'SHINY_PORTAL/R/library']),
    );
    const anonymous = api.state.userByName('SHINY_PORTAL_ANONYMOUS_USER');
    expect(anonymous?.roleIds).toContain(api.state.roleByName('ROLE_ANONYMOUS_USER')?.id);
    expect(api.state.userByName('SHINY_PORTAL_ADMIN_USER')?.roleIds).toContain(api.state.roleByName('ROLE_ADMIN')?.id);
    expect(api.state.tokens.get(first.anonymousToken ?? '')).toBe('SHINY_PORTAL_ANONYMOUS_USER');
    const shiny = api.state.findTool('registry.local:5000', 'optimized/shiny');
    expect(shiny).toMatchObject({ shortDescription: 'shiny for the Quick Launcher', disk: 50, instanceType: 'm5.large', defaultCommand: '/start.sh' });
    expect(api.state.icons.get(shiny?.id ?? 0)?.toString()).toBe('png of shiny');
    expect(api.state.metadata.get(`TOOL:${shiny?.id}`)).toEqual({
      app_type: { type: 'string', value: 'apps.example.org' },
      launcher: { type: 'string', value: 'quick' },
    });
    const folders = allFolders(api);

    api.clearRequests();
    const second = await provision(client, desired, { concurrency: 4 });
    expect(api.mutatingCalls()).toEqual([]);
    expect(api.requests().filter((r) => r.method !== 'GET' && r.path !== '/metadata/load')).toEqual([]);
    expect(second.changed).toBe(false);
    expect(second.plan).toEqual([]);
    expect(second.counts.mutatingCalls).toBe(0);
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
    expect(dry.counts).toMatchObject({ usersCreated: 3, foldersCreated: 6 * 6 });

    const real = await provision(client, desired, {});
    expect(real.counts).toEqual(dry.counts);
    const calls = (plan: typeof dry.plan) => plan.map((call) => `${call.method} ${call.summary}`);
    expect(calls(real.plan)).toEqual(calls(dry.plan));
  });

  test('a user without a home storage gets one from the template, then the folders', async () => {
    const { api, client } = await setup();
    const template = JSON.stringify({ datastorage: { name: 'home-@@', path: 'home-@@', description: 'Home of @@' } });
    api.state.createUser('NO_HOME', undefined);
    const result = await provision(client, { homeStorageTemplate: template, homeHierarchy: { '@@': {} }, syncHomeFolders: 'all' }, {});
    const user = api.state.userByName('NO_HOME');
    const storage = api.state.storages.get(user?.defaultStorageId ?? 0);
    expect(storage).toMatchObject({ name: 'home-NO_HOME', owner: 'NO_HOME', description: 'Home of NO_HOME' });
    expect([...(storage?.folders ?? [])]).toEqual(['NO_HOME']);
    expect(result.counts.storagesCreated).toBe(2); // NO_HOME and PIPE_ADMIN
    // The system users were created after the template was published: the API made theirs.
    expect(api.state.findStorage('home-SHINY_PORTAL')?.owner).toBe('SHINY_PORTAL');
  });

  test('an existing system user gets the missing role; sync none touches no folders', async () => {
    const { api, client } = await setup(1);
    api.state.createUser('SHINY_PORTAL_ANONYMOUS_USER', undefined);
    const logger = new MemoryLogger();
    const result = await provision(client, { homeHierarchy: HIERARCHY, syncHomeFolders: 'none' }, { logger });
    expect(api.state.userByName('SHINY_PORTAL_ANONYMOUS_USER')?.roleIds).toEqual([2, 3]);
    expect(result.counts).toMatchObject({ usersCreated: 2, usersUpdated: 2, foldersCreated: 0, storagesCreated: 1 });
    expect(allFolders(api)).toEqual([]);
    expect(logger.text).toContain('system users: 2 created');
  });

  test('a changed tool spec, icon and metadata key are updated and nothing else', async () => {
    const { api, client } = await setup();
    const before = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(before.cleanup);
    await provision(client, { tools: await readToolsManifest(before.dir) }, {});
    const after = await toolsFolder([toolEntry('shiny', { metadata: { app_type: 'apps2.example.org', launcher: 'quick' } })]);
    cleanups.push(after.cleanup);
    api.clearRequests();
    const result = await provision(client, { tools: await readToolsManifest(after.dir) }, {});
    expect(api.mutatingCalls().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /metadata/updateKeys']);
    expect(result.counts.toolsUpdated).toBe(0);
    const tool = api.state.findTool('registry.local:5000', 'optimized/shiny');
    expect(api.state.metadata.get(`TOOL:${tool?.id}`)?.app_type?.value).toBe('apps2.example.org');
  });
});
