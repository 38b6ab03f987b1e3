// Size and cold start of every bundle (SPEC §8; issue: cold start as a ratio to a yardstick).
// The yardstick is a minimal action bundled by the same ncc here and now (@actions/core, one
// required getInput, one setOutput: the actions/typescript-action shape), since most of a start
// is @actions/core itself. Every bundle and the yardstick start from an empty working folder with
// no inputs, so each loads and stops at its first input error; they run alternately, on Node 24
// (the runtime the actions declare, from scripts/node24.sh) and on the machine's Node. The two
// bundles that use @actions/cache are timed again with the runner's cache service present, to the
// first input error with the cache service present (the chunk must not load before the inputs are
// good), and the chunk's own cost is measured where it loads: to the cache lookup, through the
// service against through cache-dir. A control row proves the bar can fail: the minimal bundle
// with a busy start must miss it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionsCacheService } from '../../src/sandbox/actions-cache/server.js';
import { barRow, type BenchRow } from '../row.js';
import { pairedStartTimes, type StartCommand } from '../timing.js';

const RUNS = 15;
const MAX_RATIO = 1.25;
const MAX_INDEX_BYTES = 2 * 2 ** 20;

const YARDSTICK = `import * as core from '@actions/core';
const who = core.getInput('who', { required: true });
core.setOutput('greeting', \`hello \${who}\`);
`;
/** The control: the yardstick with a busy start this long, which the bar must catch. */
const CONTROL_DELAY_MS = 40;
const SLOWED = `const until = Date.now() + ${CONTROL_DELAY_MS};\nwhile (Date.now() < until);\n${YARDSTICK}`;
/** The bundles that load the @actions/cache chunk when the runner has a cache service. */
const CACHE_USERS: Record<string, Record<string, string>> = {
  'build-dist-with-launcher': {},
  'quick-launcher': { stages: 'build-dist' },
};
const SAMPLE = join(process.cwd(), 'examples', 'quick-launcher-sample');

/** Bundles `code` with the project's ncc into a scratch folder; returns its index.js. */
function buildYardstick(scratch: string, name = 'yardstick', code = YARDSTICK): string {
  // Inside the project, so ncc resolves @actions/core from its node_modules.
  const source = join(process.cwd(), `.bench-${name}-${process.pid}.mjs`);
  writeFileSync(source, code);
  try {
    execFileSync('npx', ['ncc', 'build', source, '-o', join(scratch, name), '--minify', '--quiet'], { stdio: 'inherit' });
  } finally {
    rmSync(source, { force: true });
  }
  const out = join(scratch, name);
  const bundle = readdirSync(out).find((file) => /^index\.m?js$/.test(file));
  if (!bundle) throw new Error(`bench: ncc wrote no index.js for the yardstick (${readdirSync(out).join(', ')})`);
  return join(out, bundle);
}

function node24(): string {
  return execFileSync('bash', ['scripts/node24.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MB`;

const ratioRow = (subject: string, metric: string, times: { subject: number; yardstick: number; ratio: number }): BenchRow =>
  barRow(
    { case: subject, metric, value: `${times.subject.toFixed(0)} ms vs ${times.yardstick.toFixed(0)} ms = ${times.ratio.toFixed(2)}×` },
    `≤ ${MAX_RATIO}×`,
    times.ratio <= MAX_RATIO,
  );

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'qla-bench-bundles-'));
  const service = await new ActionsCacheService().start();
  try {
    const yardstick = buildYardstick(scratch);
    const slowed = buildYardstick(scratch, 'slowed', SLOWED);
    const runtimes = [
      { name: 'Node 24', node: node24() },
      { name: `Node ${process.versions.node.split('.')[0]}`, node: process.execPath },
    ];
    const empty = join(scratch, 'workspace');
    for (const dir of [empty, join(scratch, 'runner-temp')]) mkdirSync(dir, { recursive: true });
    const base = { PATH: process.env.PATH, RUNNER_TEMP: join(scratch, 'runner-temp'), GITHUB_OUTPUT: join(scratch, 'output') };
    const command = (node: string, bundle: string, env: NodeJS.ProcessEnv = base): StartCommand => ({ argv: [node, bundle], cwd: empty, env });
    writeFileSync(join(scratch, 'output'), '');
    // A launcher source to get as far as the cache lookup; no npm on PATH stops the run at its
    // first build command, right after the lookup (a miss: the service holds no entry).
    const launcher = join(scratch, 'launcher');
    cpSync(SAMPLE, launcher, { recursive: true, filter: (source) => !/[\\/](node_modules|build)$/.test(source) });
    const toLookup = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
      ...base,
      PATH: '/nonexistent',
      'INPUT_LAUNCHER-SOURCE': launcher,
      INPUT_VERSION: '1.0.0',
      ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    });
    const withCache = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...toLookup(extra), ...service.runnerEnv('v2') });
    const withCacheDir = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...toLookup(extra), 'INPUT_CACHE-DIR': join(scratch, 'cache-dir') });

    for (const runtime of runtimes) {
      const control = await pairedStartTimes(command(runtime.node, slowed), command(runtime.node, yardstick), RUNS);
      rows.push(
        barRow(
          { case: 'control', metric: `the minimal bundle with a ${CONTROL_DELAY_MS} ms busy start, ${runtime.name} (median of ${RUNS}): the bar must catch it`, value: `${control.ratio.toFixed(2)}×` },
          `> ${MAX_RATIO}× (caught)`,
          control.ratio > MAX_RATIO,
        ),
      );
    }
    for (const name of readdirSync('dist').sort()) {
      const bundle = join(process.cwd(), 'dist', name, 'index.js');
      if (!existsSync(bundle)) continue;
      const size = statSync(bundle).size;
      rows.push(barRow({ case: `bundle ${name}`, metric: 'index.js size', value: mib(size) }, '≤ 2 MB', size <= MAX_INDEX_BYTES));
      const folder = readdirSync(join('dist', name)).reduce((total, file) => total + statSync(join('dist', name, file)).size, 0);
      rows.push({ case: `bundle ${name}`, metric: 'whole folder (lazily loaded chunks included)', value: mib(folder) });
      for (const runtime of runtimes) {
        const times = await pairedStartTimes(command(runtime.node, bundle), command(runtime.node, yardstick), RUNS);
        rows.push(ratioRow(`bundle ${name}`, `cold start to the first input error, ${runtime.name} (median of ${RUNS}, vs the minimal bundle)`, times));
        const extra = CACHE_USERS[name];
        if (!extra) continue;
        // With the runner's cache service present, the start must stay the same: the chunk loads
        // only when the build consults the cache, never before the inputs are known to be good.
        const present = await pairedStartTimes(command(runtime.node, bundle, { ...base, ...service.runnerEnv('v2') }), command(runtime.node, yardstick), RUNS);
        rows.push(ratioRow(`bundle ${name}`, `cold start to the first input error, cache service present, ${runtime.name} (median of ${RUNS}, vs the minimal bundle)`, present));
        // What the chunk costs when it does load: the same run to the cache lookup, through the
        // service (chunk loaded) and through cache-dir (no chunk), side by side.
        const lookups = () => service.requests.filter((request) => request.path.endsWith('/GetCacheEntryDownloadURL')).length;
        const before = lookups();
        const viaService = await pairedStartTimes(command(runtime.node, bundle, withCache(extra)), command(runtime.node, bundle, withCacheDir(extra)), RUNS);
        // Every run (the warm-up too) must have reached the lookup, or the figure is not what it says.
        if (lookups() - before !== RUNS + 1) throw new Error(`bench: ${name} reached the cache lookup in ${lookups() - before} of ${RUNS + 1} runs`);
        rows.push({
          case: `bundle ${name}`,
          metric: `start to the cache lookup (a miss), @actions/cache chunk loaded vs cache-dir, ${runtime.name} (median of ${RUNS})`,
          value: `${viaService.subject.toFixed(0)} ms vs ${viaService.yardstick.toFixed(0)} ms: the chunk and the lookup add ${(viaService.subject - viaService.yardstick).toFixed(0)} ms`,
        });
      }
    }
  } finally {
    await service.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
