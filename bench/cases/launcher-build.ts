// build-dist-with-launcher (SPEC §8): a cold build of a launcher with real dependencies against a
// cached one (bar: cached at least 10x faster), through @actions/cache against the loopback
// stand-in of the runner's cache service v2 (src/sandbox/actions-cache/) and through `cache-dir`;
// and the time and size of archiving a 50 MB distribution (bundle sizes and start-up: bundles.ts).
//
// The launcher is bench/fixtures/launcher-with-deps/ (webpack + preact). Its `npm ci` runs
// offline against an unroutable loopback registry, from the npm cache the project's own `npm ci`
// filled (its lock is cut out of the project's: bench/fixtures/launcher-lock.ts). Every figure is
// the bundle run as the runner runs it (INPUT_* variables, the runner's cache variables), from
// spawn to exit; before a cached run node_modules and build/ are removed, as in a fresh checkout.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOfFolder, writeTarball } from '../../src/lib/tarball.js';
import { ActionsCacheService } from '../../src/sandbox/actions-cache/server.js';
import { writeLauncherLock } from '../fixtures/launcher-lock.js';
import { barRow, type BenchRow } from '../row.js';
import { median, timed } from '../timing.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/launcher-with-deps/', import.meta.url));
const PROJECT_LOCK = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/build-dist-with-launcher/index.js', import.meta.url));
/** Nothing listens on port 9 (discard): a package missing from the npm cache fails at once. */
const OFFLINE_REGISTRY = 'http://127.0.0.1:9/';
const RUNS = 3;
const CASE = 'launcher build (webpack + preact)';

/** A distribution-like tree of about 50 MB: mostly incompressible "jars", some text. */
async function fakeDistribution(dir: string): Promise<void> {
  await mkdir(join(dir, 'bin'), { recursive: true });
  await mkdir(join(dir, 'pipe-templates'), { recursive: true });
  for (let i = 0; i < 40; i++) await writeFile(join(dir, 'bin', `lib-${String(i).padStart(2, '0')}.jar`), randomBytes(1024 ** 2));
  const text = 'server.port=8080\nlogging.level.root=INFO\n'.repeat(25_000);
  for (let i = 0; i < 10; i++) await writeFile(join(dir, 'pipe-templates', `template-${i}.properties`), text);
}

/** One run of the build-dist bundle; throws unless it succeeded. Returns its `cache-hit` output. */
async function runBundle(root: string, inputs: Record<string, string>, cacheEnv: Record<string, string>): Promise<boolean> {
  const output = join(root, 'github-output');
  await writeFile(output, '');
  const runnerTemp = join(root, 'runner-temp');
  await mkdir(runnerTemp, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: output,
    GITHUB_WORKSPACE: join(root, 'workspace'),
    npm_config_offline: 'true',
    npm_config_registry: OFFLINE_REGISTRY,
    ...cacheEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [BUNDLE], { cwd: join(root, 'workspace'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) {
    const hint = log.includes('ENOTCACHED') ? ' (a package of the fixture is not in the npm cache: run npm ci in the project first)' : '';
    throw new Error(`bench: the build-dist bundle exited ${code}${hint}:\n${log.split('\n').slice(-25).join('\n')}`);
  }
  const text = await readFile(output, 'utf8');
  return /^cache-hit<<(.+)\ntrue\n\1$/m.test(text);
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const root = await mkdtemp(join(tmpdir(), 'qla-bench-launcher-'));
  try {
    const launcher = join(root, 'workspace', 'quick-launcher');
    await cp(FIXTURE, launcher, { recursive: true, filter: (source) => !/[\\/](node_modules|build)$/.test(source) });
    await writeLauncherLock(PROJECT_LOCK, launcher, OFFLINE_REGISTRY);
    const cacheDir = join(root, 'cache-dir');
    const inputs = { 'launcher-source': launcher, 'output-dir': join(root, 'out'), version: '1.0.0' };
    const freshCheckout = () => Promise.all(['node_modules', 'build'].map((name) => rm(join(launcher, name), { recursive: true, force: true })));

    const modes = [
      { name: '@actions/cache, v2 stand-in', cold: [] as number[], cached: [] as number[], entry: 0 },
      { name: 'cache-dir', cold: [] as number[], cached: [] as number[], entry: 0 },
    ];
    for (let i = 0; i < RUNS; i++) {
      for (const mode of modes) {
        // A new service (or an empty cache-dir) for each cold run: a miss every time.
        const service = mode.name === 'cache-dir' ? undefined : await new ActionsCacheService().start();
        try {
          await rm(cacheDir, { recursive: true, force: true });
          const cacheEnv = service?.runnerEnv('v2') ?? {};
          const given = service ? inputs : { ...inputs, 'cache-dir': cacheDir };
          await freshCheckout();
          const [cold, coldHit] = await timed(() => runBundle(root, given, cacheEnv));
          await freshCheckout();
          const [cached, cachedHit] = await timed(() => runBundle(root, given, cacheEnv));
          if (coldHit || !cachedHit) throw new Error(`bench: ${mode.name}: expected a miss then a hit, got ${coldHit} then ${cachedHit}`);
          mode.cold.push(cold);
          mode.cached.push(cached);
          mode.entry = service ? (service.entries.list()[0]?.data.length ?? 0) : 0;
        } finally {
          await service?.stop();
        }
      }
    }
    for (const mode of modes) {
      const entry = mode.entry > 0 ? `, cache entry ${(mode.entry / 1024).toFixed(1)} KB` : '';
      rows.push({ case: CASE, metric: `cold, ${mode.name}: npm ci + npm run build + archives + save (median of ${RUNS})`, value: `${median(mode.cold).toFixed(0)} ms` });
      rows.push({ case: CASE, metric: `cached, ${mode.name}: restore + archives (median of ${RUNS})`, value: `${median(mode.cached).toFixed(0)} ms${entry}` });
      const speedUp = median(mode.cold) / median(mode.cached);
      rows.push(barRow({ case: CASE, metric: `cold / cached, ${mode.name}`, value: `${speedUp.toFixed(1)}×` }, '≥ 10×', speedUp >= 10));
    }

    const tree = join(root, 'dist-tree');
    await fakeDistribution(tree);
    const input = join(root, 'cloud-pipeline.1.0.0.tgz');
    const [archive] = await timed(async () => writeTarball(input, await entriesOfFolder(tree, ''), { mtime: 0 }));
    const inputSize = (await stat(input)).size;
    rows.push({ case: '50 MB distribution', metric: 'archive the tree (reproducible .tgz)', value: `${archive.toFixed(0)} ms, ${(inputSize / 2 ** 20).toFixed(1)} MB` });
    // The launcher is in cache-dir from the last cached run above.
    const [full, hit] = await timed(() => runBundle(root, { ...inputs, 'cache-dir': cacheDir, distribution: input }, {}));
    if (!hit) throw new Error('bench: the 50 MB distribution run did not find the launcher in cache-dir');
    const written = (await stat(join(root, 'out', 'cloud-pipeline.1.0.0.tgz'))).size;
    rows.push({
      case: '50 MB distribution',
      metric: 'bundle run: check + extract + add launcher (cached) + write both archives',
      value: `${full.toFixed(0)} ms, ${(written / 2 ** 20).toFixed(1)} MB`,
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return rows;
}
