import { afterEach, describe, expect, test } from '@jest/globals';
import { emptyCounts, executeStep } from '../../../../src/actions/deploy-quick-launcher/provision/execute.js';
import { missingFolders } from '../../../../src/actions/deploy-quick-launcher/provision/observe.js';
import { REGISTRY, standIn } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('executing steps whose answer was lost', () => {
  test('missingFolders checks parents it was not given, level by level', async () => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const storage = api.state.createStorage({ name: 'data', path: 'data', type: 'S3' }, 'PIPE_ADMIN');
    ['A', 'A/R', 'B'].forEach((folder) => storage.folders.add(folder));
    api.clearRequests();
    expect(await missingFolders(client, storage.id, ['A/R', 'A/R/library', 'A/X/y', 'C/d'])).toEqual(['A/R/library', 'A/X/y', 'C/d']);
    expect(api.requests().map((r) => `${r.path}${r.query}`)).toEqual([
      `/datastorage/${storage.id}/list/page?showVersion=false&pageSize=1000`,
      `/datastorage/${storage.id}/list/page?path=A&showVersion=false&pageSize=1000`,
      `/datastorage/${storage.id}/list/page?path=A%2FR&showVersion=false&pageSize=1000`,
    ]);
  });

  test('a listing longer than a page is read to its end (an NFS listing without paging stops at 1000)', async () => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const storage = api.state.createStorage({ name: 'share', path: 'nfs.local:/share', serviceType: 'FILE_SHARE', fileShareMountId: 1 }, 'PIPE_ADMIN');
    for (let i = 0; i < 1205; i++) storage.folders.add(`f${String(i).padStart(4, '0')}`);
    expect((await client.storages.list(storage.id)).length).toBe(1205);
    expect(await missingFolders(client, storage.id, ['f1204', 'f9999'])).toEqual(['f9999']);
  });

  test.each([
    ['S3', { name: 'data', path: 'data', type: 'S3' }],
    ['NFS', { name: 'share', path: 'nfs.local:/share', serviceType: 'FILE_SHARE', fileShareMountId: 1 }],
  ])('a folder batch the API had partly applied on %s: only the rest is created', async (_type, vo) => {
    const { api, client, done } = await standIn();
    cleanups.push(done);
    const storage = api.state.createStorage(vo, 'PIPE_ADMIN');
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
    const home = { name: 'SHINY_PORTAL-home', path: 'SHINY_PORTAL-home', serviceType: 'OBJECT_STORAGE' as const };
    await executeStep(client, { kind: 'create-user', user: 'shiny_portal', roleIds: [2], roles: ['ROLE_USER'], home, extras: { metadata: {}, permissions: [] } }, context, counts);
    expect(context).toEqual({ userId: existing.id, storageId: expect.any(Number) });
    expect(api.state.users.size).toBe(2);
    expect(api.state.storages.size).toBe(1);
    const tool = api.pushImage(REGISTRY, 'x/y', '1');
    const group = api.state.toolModel.groupByNameOrId(`${REGISTRY}/x`);
    await executeStep(client, { kind: 'register-tool', label: 'x/y', tool: { registry: REGISTRY, image: 'x/y', toolGroupId: group.id, cpu: '1', ram: '1Gi' } }, context, counts);
    expect(context).toMatchObject({ toolId: tool?.id });
    expect(api.state.tools.size).toBe(1);
  });
});
