// npm run bench: runs every bench/cases/*.ts in one process, prints one table of figures and
// ratios measured side by side (SPEC §8), writes it to bench/results.md (which `npm run docs`
// puts into the README) and exits 1 when any bar is missed. Each case exports
// `run(): Promise<BenchRow[]>`; a row with a bar says whether it met it.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import type { BenchRow } from './row.js';

export type { BenchRow } from './row.js';

const only = process.argv.slice(2);
const files = readdirSync(new URL('./cases/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const started = Date.now();
  console.error(`bench: ${file} …`);
  const module = (await import(new URL(`./cases/${file}`, import.meta.url).href)) as { run: () => Promise<BenchRow[]> };
  rows.push(...(await module.run()));
  console.error(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const unjudged = rows.filter((row) => row.bar !== undefined && row.ok === undefined);
const missed = rows.filter((row) => row.ok === false);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const table = [
  `Machine: ${machine}${only.length > 0 ? `; cases: ${only.join(', ')}` : ''}.`,
  '',
  '| case | metric | value | bar | met |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.case} | ${row.metric} | ${row.value} | ${row.bar ?? ''} | ${row.ok === undefined ? '' : row.ok ? 'yes' : '**no**'} |`),
].join('\n');
console.log(table);
// Only a full run replaces the published table.
if (only.length === 0) writeFileSync(new URL('./results.md', import.meta.url), `${table}\n`);
for (const row of unjudged) console.error(`bench: '${row.case} / ${row.metric}' has a bar but no verdict`);
for (const row of missed) console.error(`bench: missed the bar: ${row.case} / ${row.metric}: ${row.value} (bar ${row.bar})`);
process.exit(missed.length > 0 || unjudged.length > 0 ? 1 : 0);
