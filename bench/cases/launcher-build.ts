// build-dist-with-launcher (SPEC §8): a cold build of the sample launcher against a cached one
// (bar: cached at least 10x faster) and the time and size of archiving a 50 MB distribution (bundle
// sizes and start-up: bundles.ts).
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalFolderCache } from '../../src/actions/build-dist-with-launcher/build-cache.js';
import { buildDistWithLauncher } from '../../src/actions/build-dist-with-launcher/build-dist.js';
import { getInputs } from '../../src/actions/build-dist-with-launcher/inputs.js';
import { InputReader, inputsFrom } from '../../src/lib/inputs.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { entriesOfFolder, writeTarball } from '../../src/lib/tarball.js';
import { type CommandRunner, execRunner } from '../../src/tools/exec.js';
import { barRow, type BenchRow } from '../row.js';
import { median, timed } from '../timing.js';

const SAMPLE = fileURLToPath(new URL('../../examples/quick-launcher-sample/', import.meta.url));
const RUNS = 3;
const quiet: CommandRunner = (command, args, options) => execRunner(command, args, { ...options, echo: false });

/** A distribution-like tree of about 50 MB: mostly incompressible "jars", some text. */
async function fakeDistribution(dir: string): Promise<void> {
  await mkdir(join(dir, 'bin'), { recursive: true });
  await mkdir(join(dir, 'pipe-templates'), { recursive: true });
  for (let i = 0; i < 40; i++) await writeFile(join(dir, 'bin', `lib-${String(i).padStart(2, '0')}.jar`), randomBytes(1024 ** 2));
  const text = 'server.port=8080\nlogging.level.root=INFO\n'.repeat(25_000);
  for (let i = 0; i < 10; i++) await writeFile(join(dir, 'pipe-templates', `template-${i}.properties`), text);
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const root = await mkdtemp(join(tmpdir(), 'qla-bench-launcher-'));
  try {
    const launcher = join(root, 'quick-launcher');
    await cp(SAMPLE, launcher, { recursive: true, filter: (source) => !/[\\/](node_modules|build)$/.test(source) });
    const cacheDir = join(root, 'cache');
    const inputs = (extra: Record<string, string> = {}) =>
      getInputs(new InputReader(inputsFrom({ 'launcher-source': launcher, 'output-dir': join(root, 'out'), 'cache-dir': cacheDir, version: '1.0.0', ...extra })), {});
    const deps = { run: quiet, logger: new MemoryLogger(), cache: new LocalFolderCache(cacheDir, new MemoryLogger()), env: { PATH: process.env.PATH, HOME: process.env.HOME } };

    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await rm(cacheDir, { recursive: true, force: true });
      cold.push((await timed(() => buildDistWithLauncher(inputs(), deps)))[0]);
      const [time, result] = await timed(() => buildDistWithLauncher(inputs(), deps));
      if (!result.cacheHit) throw new Error('bench: the second build was not a cache hit');
      warm.push(time);
    }
    rows.push({ case: 'launcher build', metric: `cold: npm ci + npm run build + archives (median of ${RUNS})`, value: `${median(cold).toFixed(0)} ms` });
    rows.push({ case: 'launcher build', metric: `cached: restore + archives (median of ${RUNS})`, value: `${median(warm).toFixed(0)} ms` });
    const speedUp = median(cold) / median(warm);
    rows.push(barRow({ case: 'launcher build', metric: 'cold / cached', value: `${speedUp.toFixed(1)}×` }, '≥ 10×', speedUp >= 10));

    const tree = join(root, 'dist-tree');
    await fakeDistribution(tree);
    const input = join(root, 'cloud-pipeline.1.0.0.tgz');
    const [archive] = await timed(async () => writeTarball(input, await entriesOfFolder(tree, ''), { mtime: 0 }));
    const inputSize = (await stat(input)).size;
    rows.push({ case: '50 MB distribution', metric: 'archive the tree (reproducible .tgz)', value: `${archive.toFixed(0)} ms, ${(inputSize / 2 ** 20).toFixed(1)} MB` });
    const [full, result] = await timed(() => buildDistWithLauncher(inputs({ distribution: input }), deps));
    rows.push({
      case: '50 MB distribution',
      metric: 'check + extract + add launcher (cached) + write both archives',
      value: `${full.toFixed(0)} ms, ${((await stat(result.distribution)).size / 2 ** 20).toFixed(1)} MB`,
    });

  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return rows;
}
