import { afterEach, describe, expect, test } from '@jest/globals';
import { emptyCounts, executeStep } from '../../../../src/actions/deploy-quick-launcher/provision/execute.js';
import { missingFolders } from '../../../../src/actions/deploy-quick-launcher/provision/observe.js';
import { standIn } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('executing steps whose answer was lost', () => {
  test('missingFolders checks parents it was not given, level by level', async () => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const storage = api.state.createStorage({ name: 'data' }, 'PIPE_ADMIN');
    ['A', 'A/R', 'B'].forEach((folder) => storage.folders.add(folder));
    api.clearRequests();
    expect(await missingFolders(client, storage.id, ['A/R', 'A/R/library', 'A/X/y', 'C/d'])).toEqual(['A/R/library', 'A/X/y', 'C/d']);
    expect(api.requests().map((r) => r.query)).toEqual(['?showVersion=false', '?path=A&showVersion=false', '?path=A%2FR&showVersion=false']);
  });

  test('a folder batch the API had partly applied: only the rest is created', async () => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const storage = api.state.createStorage({ name: 'data' }, 'PIPE_ADMIN');
    ['A', 'A/R'].forEach((folder) => storage.folders.add(folder));
    const counts = emptyCounts();
    await executeStep(client, { kind: 'create-folders', user: 'A', storageId: storage.id, storageName: 'data', folders: ['A/R', 'A/R/library'] }, {}, counts);
    expect([...storage.folders].sort()).toEqual(['A', 'A/R', 'A/R/library']);
    expect(counts.foldersCreated).toBe(1);
  });

  test('a user or tool that already exists is adopted, not duplicated', async () => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const existing = api.state.createUser('SHINY_PORTAL', [2]);
    const context = {};
    const counts = emptyCounts();
    await executeStep(client, { kind: 'create-user', user: 'SHINY_PORTAL', roleIds: [2], roles: ['ROLE_USER'], home: { name: 'SHINY_PORTAL-home' } }, context, counts);
    expect(context).toEqual({ userId: existing.id, storageId: expect.any(Number) });
    expect(api.state.users.size).toBe(2);
    expect(api.state.storages.size).toBe(1);
    const tool = api.state.registerTool({ registry: 'r', image: 'x/y' });
    await executeStep(client, { kind: 'register-tool', label: 'r/x/y', tool: { registry: 'r', image: 'x/y' } }, context, counts);
    expect(context).toMatchObject({ toolId: tool.id });
    expect(api.state.tools.size).toBe(1);
  });
});
