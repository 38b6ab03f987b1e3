import { describe, expect, it } from '@jest/globals';
import type { ProvisionResult } from '../../../src/actions/deploy-quick-launcher/provision/index.js';
import type { RolloutResult } from '../../../src/actions/deploy-quick-launcher/rollout.js';
import { PLAN_API_CALLS, deployOutputs, planDocument, summaryTables } from '../../../src/actions/deploy-quick-launcher/summary.js';

const rollout: RolloutResult = {
  changed: true,
  digest: 'sha256:abc',
  previousDigest: 'sha256:old',
  rolledBack: false,
  dryRun: false,
  steps: [{ step: 'rollout', result: 'deployment cp-edge is ready' }],
  objects: ['ConfigMap/x'],
};

function provision(calls: number): ProvisionResult {
  return {
    changed: calls > 0,
    dryRun: false,
    plan: Array.from({ length: calls }, (_, index) => ({ phase: 'home folders', method: 'POST', path: `/datastorage/${index}/list`, summary: 'folder' })),
    counts: { preferencesSet: 1, usersCreated: 3, usersUpdated: 0, storagesCreated: 3, foldersCreated: 12, toolsRegistered: 2, toolsUpdated: 0, mutatingCalls: calls },
    usersScanned: 3,
    anonymousToken: 'secret-anonymous-token',
    requests: { total: 10, retries: 0 },
  };
}

describe('outputs and summary', () => {
  it('outputs say what changed, with counts and the digest', () => {
    expect(deployOutputs(rollout, provision(4))).toMatchObject({
      changed: 'true',
      'content-digest': 'sha256:abc',
      'users-created': '3',
      'folders-created': '12',
      'tools-registered': '2',
      'rolled-back': 'false',
    });
    expect(deployOutputs({ ...rollout, changed: false }, provision(0)).changed).toBe('false');
    expect(deployOutputs({ ...rollout, changed: false }).changed).toBe('false');
  });

  it('url is https://<first host>/ (deploy lists the app launcher first) and previous-digest the content live before', () => {
    const outputs = deployOutputs(rollout, provision(0), { hosts: ['apps.example.test', 'tools.example.test'] });
    expect(outputs.url).toBe('https://apps.example.test/');
    expect(outputs['previous-digest']).toBe('sha256:old');
    expect(deployOutputs({ ...rollout, previousDigest: undefined })).toMatchObject({ url: '', 'previous-digest': '' });
  });

  it('site-wide changes and the appConfigStorage note are in the plan and the summary', () => {
    const result = { ...provision(1), siteWide: ['storage.user.home.auto=true: every new user gets a home storage'] };
    const appConfigStorage = { hosts: ['apps.example.test'], note: 'user_default_storage would be set to storage 7' };
    const plan = planDocument({ ...rollout, dryRun: true }, result, { appConfigStorage }) as { siteWide?: string[]; settings?: { appConfigStorage: string } };
    expect(plan.siteWide).toEqual(result.siteWide);
    expect(plan.settings).toEqual({ appConfigStorage: appConfigStorage.note });
    const summary = summaryTables({ ...rollout, dryRun: true }, result, ['apps.example.test'], { appConfigStorage });
    expect(summary.tables.find((table) => table.heading === 'Site-wide changes (would be made)')?.rows).toEqual([['Change'], [result.siteWide[0]]]);
    expect(summary.tables[0].rows).toContainEqual(['App launcher storage', appConfigStorage.note]);
    expect(summaryTables(rollout, provision(1), []).tables.some((table) => table.heading.startsWith('Site-wide'))).toBe(false);
  });

  it('the plan lists at most PLAN_API_CALLS calls and says how many more', () => {
    const plan = planDocument(rollout, provision(PLAN_API_CALLS + 5)) as { api: unknown[]; apiCallsNotListed?: number };
    expect(plan.api).toHaveLength(PLAN_API_CALLS);
    expect(plan.apiCallsNotListed).toBe(5);
  });

  it('no output or summary carries the anonymous token', () => {
    const text = JSON.stringify([deployOutputs(rollout, provision(2)), summaryTables(rollout, provision(2), ['apps.example.test'])]);
    expect(text).not.toContain('secret-anonymous-token');
  });

  it('the summary has the result, the rollout steps and the API counts', () => {
    const summary = summaryTables({ ...rollout, dryRun: true }, provision(1), ['apps.example.test']);
    expect(summary.title).toBe('Quick Launcher deploy (dry run: nothing was changed)');
    expect(summary.tables.map((table) => table.heading)).toEqual(['Result', 'Edge rollout', 'Cloud Pipeline', 'API plan']);
    expect(summary.tables[0].rows).toContainEqual(['Launcher hosts', '[apps.example.test](https://apps.example.test/)']);
    expect(summary.tables[2].rows[0]).toEqual(['What', 'Would change']);
  });
});

describe('what the summary says about the files and nginx -t', () => {
  const files = [
    { path: 'apps.example.test.srv.conf', change: 'changed' as const, size: 900 },
    { path: 'quick-launcher/settings.json', change: 'changed' as const, size: 310 },
    { path: 'quick-launcher/www/js/main.2.js', change: 'added' as const, size: 12_000 },
    { path: 'quick-launcher/www/js/main.1.js', change: 'removed' as const, size: 11_000 },
  ];
  const row = (summary: ReturnType<typeof summaryTables>, item: string) => summary.tables[0].rows.find((cells) => cells[0] === item)?.[1];

  it('lists each file added, changed or removed, with its size, and the plan output has them all', () => {
    const summary = summaryTables(rollout, undefined, [], { files });
    expect(summary.tables.find((table) => table.heading === 'Files')?.rows).toEqual([['Change', 'Path', 'Bytes'], ...files.map((file) => [file.change, file.path, String(file.size)])]);
    expect((planDocument(rollout, undefined, { files }) as { files: unknown }).files).toEqual(files);
    expect(summaryTables({ ...rollout, dryRun: true }, undefined, [], { files }).tables.some((table) => table.heading === 'Files (would change)')).toBe(true);
    expect(summaryTables(rollout, undefined, [], { files: [] }).tables.some((table) => table.heading.startsWith('Files'))).toBe(false);
  });

  it('caps the list in the summary and says how many more there are', () => {
    const many = Array.from({ length: 250 }, (_, index) => ({ path: `www/f${index}.js`, change: 'added' as const, size: 1 }));
    const rows = summaryTables(rollout, undefined, [], { files: many }).tables.find((table) => table.heading === 'Files')?.rows ?? [];
    expect(rows).toHaveLength(1 + 200 + 1);
    expect(rows.at(-1)).toEqual(['…', '50 more (all in the plan output)', '']);
  });

  it.each([
    ['a reload that passed', { switch: { path: 'reload' as const, reason: 'r' }, nginxTest: 'passed' as const, steps: [{ step: 'reload', result: 'reloaded nginx in cp-edge-1 (no restart)' }] }, 'passed in each Edge container before the reload'],
    ['a reload that failed', { switch: { path: 'reload' as const, reason: 'r' }, nginxTest: 'failed' as const, steps: [{ step: 'reload', result: 'reload failed in cp-edge-1 (exit 1: emerg)' }] }, 'failed or not reached: reload failed in cp-edge-1 (exit 1: emerg)'],
    ['a restart', { switch: { path: 'restart' as const, reason: 'r' } }, 'not run by the deploy: the restarted Edge checks its configuration as it starts'],
    ['a dry run that would reload', { dryRun: true, switch: { path: 'reload' as const, reason: 'r' } }, 'would run in each Edge container before the reload'],
    ['a no-op', { changed: false, switch: undefined }, 'not needed: nothing changed on the Edge'],
  ])('says whether nginx -t ran: %s', (_name, change, expected) => {
    expect(row(summaryTables({ ...rollout, ...change }, undefined, []), 'nginx -t')).toBe(expected);
  });

  it('links each launcher host', () => {
    expect(row(summaryTables(rollout, undefined, ['apps.example.test', 'tools.example.test']), 'Launcher hosts')).toBe('[apps.example.test](https://apps.example.test/), [tools.example.test](https://tools.example.test/)');
  });
});
