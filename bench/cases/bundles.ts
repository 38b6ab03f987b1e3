// Size and cold start of every bundle (SPEC §8; issue: cold start as a ratio to a yardstick).
// The yardstick is a minimal action bundled by the same ncc here and now (@actions/core, one
// required getInput, one setOutput: the actions/typescript-action shape), since most of a start
// is @actions/core itself. Every bundle and the yardstick start from an empty working folder with
// no inputs, so each loads and stops at its first input error; they run alternately, on Node 24
// (the runtime the actions declare, from scripts/node24.sh) and on the machine's Node.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barRow, type BenchRow } from '../row.js';
import { pairedStartTimes, type StartCommand } from '../timing.js';

const RUNS = 15;
const MAX_RATIO = 1.25;
const MAX_INDEX_BYTES = 2 * 2 ** 20;

const YARDSTICK = `import * as core from '@actions/core';
const who = core.getInput('who', { required: true });
core.setOutput('greeting', \`hello \${who}\`);
`;

/** Bundles the yardstick with the project's ncc into a scratch folder; returns its index.js. */
function buildYardstick(scratch: string): string {
  // Inside the project, so ncc resolves @actions/core from its node_modules.
  const source = join(process.cwd(), `.bench-yardstick-${process.pid}.mjs`);
  writeFileSync(source, YARDSTICK);
  try {
    execFileSync('npx', ['ncc', 'build', source, '-o', join(scratch, 'yardstick'), '--minify', '--quiet'], { stdio: 'inherit' });
  } finally {
    rmSync(source, { force: true });
  }
  const out = join(scratch, 'yardstick');
  const bundle = readdirSync(out).find((file) => /^index\.m?js$/.test(file));
  if (!bundle) throw new Error(`bench: ncc wrote no index.js for the yardstick (${readdirSync(out).join(', ')})`);
  return join(out, bundle);
}

function node24(): string {
  return execFileSync('bash', ['scripts/node24.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MB`;

export function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'qla-bench-bundles-'));
  try {
    const yardstick = buildYardstick(scratch);
    const runtimes = [
      { name: 'Node 24', node: node24() },
      { name: `Node ${process.versions.node.split('.')[0]}`, node: process.execPath },
    ];
    const empty = join(scratch, 'workspace');
    for (const dir of [empty, join(scratch, 'runner-temp')]) mkdirSync(dir, { recursive: true });
    const command = (node: string, bundle: string): StartCommand => ({
      argv: [node, bundle],
      cwd: empty,
      env: { PATH: process.env.PATH, RUNNER_TEMP: join(scratch, 'runner-temp'), GITHUB_OUTPUT: join(scratch, 'output') },
    });
    writeFileSync(join(scratch, 'output'), '');
    for (const name of readdirSync('dist').sort()) {
      const bundle = join(process.cwd(), 'dist', name, 'index.js');
      if (!existsSync(bundle)) continue;
      const size = statSync(bundle).size;
      rows.push(barRow({ case: `bundle ${name}`, metric: 'index.js size', value: mib(size) }, '≤ 2 MB', size <= MAX_INDEX_BYTES));
      const folder = readdirSync(join('dist', name)).reduce((total, file) => total + statSync(join('dist', name, file)).size, 0);
      rows.push({ case: `bundle ${name}`, metric: 'whole folder (lazily loaded chunks included)', value: mib(folder) });
      for (const runtime of runtimes) {
        const times = pairedStartTimes(command(runtime.node, bundle), command(runtime.node, yardstick), RUNS);
        rows.push(
          barRow(
            {
              case: `bundle ${name}`,
              metric: `cold start to the first input error, ${runtime.name} (median of ${RUNS}, vs the minimal bundle)`,
              value: `${times.subject.toFixed(0)} ms vs ${times.yardstick.toFixed(0)} ms = ${times.ratio.toFixed(2)}×`,
            },
            `≤ ${MAX_RATIO}×`,
            times.ratio <= MAX_RATIO,
          ),
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return Promise.resolve(rows);
}
