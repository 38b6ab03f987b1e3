// Size and cold start of every bundle (SPEC §8: each under 2 MB, starting in under 150 ms).
// Start time: `node dist/<action>/index.js` with no inputs, which loads the whole bundle, reads
// its inputs and stops at the first missing one: load + start, without the action's work.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from '../index.js';

const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function startTime(bundle: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, [bundle], { env: { PATH: process.env.PATH, RUNNER_TEMP: tmpdir() }, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

export function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const baseline = startTime(join(tmpdir(), 'qla-missing.js'));
  for (const name of readdirSync('dist').sort()) {
    const bundle = join('dist', name, 'index.js');
    if (!existsSync(bundle)) continue;
    const size = statSync(bundle).size;
    rows.push({ case: `bundle ${name}`, metric: 'index.js size', value: `${(size / 2 ** 20).toFixed(2)} MB`, bar: '< 2 MB' });
    // Chunks ncc splits off (the @actions/cache client) load only when the runner's cache service is there.
    const folder = readdirSync(join('dist', name)).reduce((total, file) => total + statSync(join('dist', name, file)).size, 0);
    if (folder - size > 2 ** 20) rows.push({ case: `bundle ${name}`, metric: 'whole folder, lazily loaded chunks included', value: `${(folder / 2 ** 20).toFixed(2)} MB` });
    rows.push({ case: `bundle ${name}`, metric: `cold start (median of ${RUNS})`, value: `${startTime(bundle).toFixed(0)} ms`, bar: '< 150 ms' });
  }
  rows.push({ case: 'node itself', metric: `node <missing file> (median of ${RUNS})`, value: `${baseline.toFixed(0)} ms` });
  return Promise.resolve(rows);
}
