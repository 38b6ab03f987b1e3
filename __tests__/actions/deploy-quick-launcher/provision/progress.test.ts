import { afterEach, describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '../../../../src/lib/logger.js';
import { provision } from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { Progress } from '../../../../src/actions/deploy-quick-launcher/provision/progress.js';
import { HIERARCHY, standIn } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Ticks `total` items on a clock that moves `msPerItem` per item; returns the counts said. */
function sweep(total: number, msPerItem: number, options: { minIntervalMs?: number } = {}): string[] {
  let clock = 0;
  const said: string[] = [];
  const progress = new Progress(total, (done, all) => said.push(`${done}/${all}`), { ...options, now: () => clock });
  for (let item = 0; item < total; item++) {
    clock += msPerItem;
    progress.tick();
  }
  progress.finish();
  return said;
}

describe('progress lines', () => {
  test('a slow sweep says one line per tenth, then the last', () => {
    expect(sweep(5000, 100)).toEqual(['500/5000', '1000/5000', '1500/5000', '2000/5000', '2500/5000', '3000/5000', '3500/5000', '4000/5000', '4500/5000', '5000/5000']);
  });

  test('a tenth reached before 5 s waits for the next tenth after them; a quick sweep says only the last line', () => {
    // 2 ms per item: a tenth (500 items) takes 1 s, so a line every fifth tenth at most.
    expect(sweep(5000, 2)).toEqual(['2500/5000', '5000/5000']);
    expect(sweep(5000, 0.5)).toEqual(['5000/5000']);
    expect(sweep(3, 10_000)).toEqual(['1/3', '2/3', '3/3']);
  });

  test('nothing to sweep still says 0/0', () => {
    expect(sweep(0, 1)).toEqual(['0/0']);
  });
});

describe('the home-folder sync says how far it is', () => {
  const LINE = /^home folders: (\d+)\/(\d+) users checked \((\d+) storages and (\d+) folders (created|to create)\)$/;

  test('n/N lines per tenth, the last N/N with what was created; a rerun creates nothing', async () => {
    const { client, done } = await standIn({ users: 40 });
    cleanups.push(done);
    const logger = new MemoryLogger();
    const desired = { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' as const };
    const result = await provision(client, desired, { logger, progress: { minIntervalMs: 0 } });
    // 40 seeded users, PIPE_ADMIN and the three system users.
    expect(result.usersScanned).toBe(44);
    const lines = logger.lines.filter((line) => line.startsWith('home folders: '));
    expect(lines).toHaveLength(10);
    const parsed = lines.map((line) => LINE.exec(line)?.slice(1, 5).map(Number));
    expect(parsed.map((fields) => fields?.[1])).toEqual(new Array(10).fill(44));
    expect(parsed.map((fields) => fields?.[0])).toEqual([5, 9, 14, 18, 22, 27, 31, 36, 40, 44]);
    // Folders only grow; PIPE_ADMIN, seeded without a home, gets one; six folders for every user.
    const folders = parsed.map((fields) => fields?.[3] ?? -1);
    expect(folders).toEqual([...folders].sort((a, b) => a - b));
    expect(lines.at(-1)).toBe('home folders: 44/44 users checked (1 storages and 264 folders created)');
    expect(result.counts.foldersCreated).toBe(264);

    const again = new MemoryLogger();
    await provision(client, desired, { logger: again, dryRun: true });
    expect(again.lines.filter((line) => line.startsWith('home folders: '))).toEqual(['home folders: 44/44 users checked (0 storages and 0 folders to create)']);
  });

  test('concurrency 1 keeps one API call in flight; the default keeps at most 16', async () => {
    const { api, client, done } = await standIn({ users: 40 });
    cleanups.push(done);
    const desired = { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' as const };
    // Each answer takes a while, so calls sent together are in flight together.
    api.setFaults({ latencyMs: 5 });
    api.clearRequests();
    await provision(client, desired, { concurrency: 1, dryRun: true });
    expect(api.peakInFlight()).toBe(1);

    api.clearRequests();
    await provision(client, desired);
    expect(api.peakInFlight()).toBeGreaterThan(1);
    expect(api.peakInFlight()).toBeLessThanOrEqual(16);
  });
});
