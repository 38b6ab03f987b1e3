import { describe, expect, test } from '@jest/globals';
import { splitImageRef, type DesiredTool } from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { describeStep, planHome, planPreferences, planSystemUser, planTool } from '../../../../src/actions/deploy-quick-launcher/provision/plan.js';
import { forEachBounded } from '../../../../src/actions/deploy-quick-launcher/provision/pool.js';

const home = { name: 'ALICE-home', path: 'ALICE-home' };
const extras = { metadata: {}, permissions: [] };

describe('pure planners', () => {
  test('preferences: only what differs, JSON compared by content, in one call', () => {
    const steps = planPreferences(
      [
        { name: 'a', value: 'true', type: 'BOOLEAN' },
        { name: 'b', value: '{"x": 1}', type: 'OBJECT' },
        { name: 'c', value: 'new', type: 'STRING' },
      ],
      [
        { name: 'a', value: 'true', visible: true },
        { name: 'b', value: '{"x":1}', visible: false },
        { name: 'c', value: 'old', visible: true },
      ],
    );
    expect(steps).toEqual([{ kind: 'set-preferences', preferences: [{ name: 'c', value: 'new', type: 'STRING', visible: true }] }]);
    expect(describeStep('preferences', steps[0])).toEqual({ phase: 'preferences', method: 'POST', path: '/preferences', summary: 'set c' });
  });

  test('storage.user.home.auto is named a site-wide change in the plan', () => {
    const steps = planPreferences([{ name: 'storage.user.home.auto', value: 'true', type: 'BOOLEAN' }], []);
    expect(describeStep('preferences', steps[0]).summary).toBe(
      'set storage.user.home.auto=true (site-wide: every user Cloud Pipeline creates from now on gets a home storage)',
    );
  });

  test('system user: create, add missing roles keeping the others, or nothing', () => {
    const desired = { name: 'GUEST', roleIds: [3], roles: ['ROLE_ANONYMOUS_USER'], home, extras };
    expect(planSystemUser(desired, undefined)).toEqual([{ kind: 'create-user', user: 'GUEST', roleIds: [3], roles: ['ROLE_ANONYMOUS_USER'], home, extras }]);
    const holder = { id: 9, userName: 'GUEST', roles: [{ id: 2, name: 'ROLE_USER' }] };
    expect(planSystemUser(desired, holder)).toEqual([
      { kind: 'set-user-roles', user: 'GUEST', userId: 9, roleIds: [2, 3], roles: ['ROLE_USER', 'ROLE_ANONYMOUS_USER'] },
    ]);
    expect(planSystemUser(desired, { ...holder, roles: [...holder.roles, { id: 3, name: 'ROLE_ANONYMOUS_USER' }] })).toEqual([]);
    // Names are compared case-insensitively, as the API does.
    expect(planSystemUser({ ...desired, name: 'guest' }, { ...holder, roles: [...holder.roles, { id: 3, name: 'ROLE_ANONYMOUS_USER' }] })).toEqual([]);
  });

  test.each([
    ['complete home', { storage: { id: 4, name: 's' }, missingFolders: [] }, []],
    ['missing folders', { storage: { id: 4, name: 's' }, missingFolders: ['A'] }, ['create-folders']],
    ['no storage at all', { missingFolders: ['A'] }, ['create-home-storage', 'set-default-storage', 'set-storage-owner', 'create-folders']],
    ['a storage of that name owned by the user', { storageByName: { id: 5, name: 'ALICE-home', owner: 'ALICE' }, missingFolders: [] }, ['set-default-storage']],
    ['a storage of that name owned by someone else', { storageByName: { id: 5, name: 'ALICE-home', owner: 'PIPE_ADMIN' }, missingFolders: [] }, ['set-default-storage', 'set-storage-owner']],
  ])('home: %s', (_name, observed, kinds) => {
    expect(planHome({ user: 'ALICE', userId: 2, ...observed }, home).map((step) => step.kind)).toEqual(kinds);
  });

  test("home: a storage we create gets the template's metadata and permissions, as upstream's own does", () => {
    const withExtras = { metadata: { team: 'apps' }, permissions: [{ userName: 'PIPE_ADMIN', mask: 1 }] };
    expect(planHome({ user: 'ALICE', userId: 2, missingFolders: [] }, home, withExtras).map((step) => step.kind)).toEqual([
      'create-home-storage',
      'apply-home-template',
      'set-default-storage',
      'set-storage-owner',
    ]);
  });

  test('tool: registered only with a resolved group, cpu and ram; later only what differs', () => {
    const icon = { filename: 'shiny.png', content: Buffer.from('png'), sha256: 'abc' };
    const desired: DesiredTool = { label: 'r/optimized/shiny', fields: { registry: 'r', image: 'optimized/shiny', disk: 50, endpoints: ['{}'] }, icon, metadata: { a: '1', b: '2' } };
    const registration = { toolGroupId: 7, registryId: 1, cpu: '1', ram: '2Gi' };
    const registering = planTool(desired, { metadata: {}, registration });
    expect(registering.map((step) => step.kind)).toEqual(['register-tool', 'set-tool-icon', 'update-tool-metadata']);
    expect(registering[0]).toMatchObject({ tool: { image: 'optimized/shiny', toolGroupId: 7, registryId: 1, cpu: '1', ram: '2Gi' } });
    expect(() => planTool(desired, { metadata: {} })).toThrow(/neither found nor registrable/);
    const tool = { id: 3, registry: 'r', registryId: 1, image: 'optimized/shiny', disk: 50, endpoints: ['{}'], labels: ['keep'], allowCommit: false, hasIcon: true };
    expect(planTool(desired, { tool, iconSha256: 'abc', metadata: { a: { type: 'string', value: '1' }, b: { type: 'string', value: '2' } } })).toEqual([]);
    const steps = planTool(desired, { tool: { ...tool, disk: 20 }, iconSha256: 'abc', metadata: { a: { type: 'string', value: '0' } } });
    // The whole loaded tool goes back, the desired fields laid over it: labels and flags survive.
    expect(steps).toEqual([
      { kind: 'update-tool', label: 'r/optimized/shiny', tool: { ...tool, disk: 50 }, changed: ['disk'] },
      { kind: 'update-tool-metadata', label: 'r/optimized/shiny', toolId: 3, keys: { a: '1', b: '2' } },
    ]);
  });

  test('tool: absent and empty fields are one value (the API leaves empty ones out)', () => {
    const desired: DesiredTool = { label: 'r/g/t', fields: { registry: 'r', image: 'g/t', endpoints: [], description: '' }, metadata: {} };
    expect(planTool(desired, { tool: { id: 1, registry: 'r', image: 'g/t' }, metadata: {} })).toEqual([]);
  });

  test.each([
    ['registry.local:5000/optimized/shiny:4.0.0', '', { registry: 'registry.local:5000', image: 'optimized/shiny' }],
    ['localhost/team/tool@sha256:abcd', '', { registry: 'localhost', image: 'team/tool' }],
    ['optimized/rstudio:latest', 'cp-registry:31443/library', { registry: 'cp-registry:31443', image: 'library/optimized/rstudio' }],
    ['rstudio', 'cp-registry:31443', { registry: 'cp-registry:31443', image: 'rstudio' }],
  ])('splitImageRef(%s, %s)', (ref, registry, expected) => {
    expect(splitImageRef(ref, registry)).toEqual(expected);
  });

  test('the pool never runs more than its bound and stops starting work after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = forEachBounded([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      if (n === 4) throw new Error('four');
    });
    await expect(work).rejects.toThrow('four');
    expect(most).toBe(3);
    expect(started.length).toBeLessThan(10);
  });
});
