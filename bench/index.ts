// npm run bench: runs every bench/cases/*.ts in one process and prints one table of figures and
// ratios measured side by side (SPEC §8). Each case exports `run(): Promise<BenchRow[]>`.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  case: string;
  metric: string;
  value: string;
  /** What the figure is held against (SPEC §8 bar), shown beside it. */
  bar?: string;
}

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

console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`| case | metric | value | bar |\n|---|---|---|---|`);
for (const row of rows) console.log(`| ${row.case} | ${row.metric} | ${row.value} | ${row.bar ?? ''} |`);
