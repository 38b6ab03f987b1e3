// build-optimized-images: the no-change rebuild against the first build (content tags already in
// the registry: retag only; bundle size and start-up: bundles.ts). Starts its own Docker engine and
// registry (scripts/test-services.sh) when DOCKER_HOST is not set, and stops them.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithDocker, uniqueNamespace } from '../../src/sandbox/tool-images.js';
import { buildOptimizedImages } from '../../src/actions/build-optimized-images/execute.js';
import { getInputs } from '../../src/actions/build-optimized-images/inputs.js';
import { connectRegistry } from '../../src/actions/build-optimized-images/connect.js';
import { InputReader, inputsFrom } from '../../src/lib/inputs.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { Docker } from '../../src/tools/docker.js';
import { execRunner } from '../../src/tools/exec.js';
import { barRow, type BenchRow } from '../row.js';
import { timed } from '../timing.js';

const CASE = 'optimized-images';

async function withServices<T>(fn: () => Promise<T>): Promise<T> {
  if (process.env.DOCKER_HOST && process.env.TEST_REGISTRY) return fn();
  const dir = await mkdtemp(join(tmpdir(), 'qla-bench-svc-'));
  execFileSync('bash', ['scripts/test-services.sh', 'start', dir], { stdio: 'ignore' });
  const saved = { DOCKER_HOST: process.env.DOCKER_HOST, TEST_REGISTRY: process.env.TEST_REGISTRY };
  try {
    for (const line of (await readFile(join(dir, 'services.env'), 'utf8')).split('\n')) {
      const [key, value] = line.split('=');
      if (key && value) process.env[key] = value;
    }
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    execFileSync('bash', ['scripts/test-services.sh', 'stop', dir], { stdio: 'ignore' });
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function rebuildRows(): Promise<BenchRow[]> {
  const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';
  const namespace = uniqueNamespace();
  const busybox = await pushBusyboxWithDocker(registryHost, namespace);
  const tools = await copyFixture();
  const work = await mkdtemp(join(tmpdir(), 'qla-bench-'));
  try {
    const inputs = getInputs(
      new InputReader(
        inputsFrom({
          'tools-dir': tools,
          registry: `${registryHost}/${namespace}`,
          version: '1.0',
          'build-args': `BUSYBOX_IMAGE=${busybox}`,
          'spec-env': fixtureSpecEnv(busybox),
        }),
      ),
      {},
    );
    const registry = await connectRegistry(inputs);
    const once = async (): Promise<{ ms: number; built: number; reused: number }> => {
      const [ms, result] = await timed(() => buildOptimizedImages(inputs, { builder: new Docker(execRunner), registry, logger: new MemoryLogger(), env: {}, outputDir: join(work, 'out') }));
      return { ms, ...result.counts };
    };
    const first = await once();
    const second = await once();
    return [
      { case: CASE, metric: 'first build (5 variants)', value: `${first.ms.toFixed(0)} ms, ${first.built} built` },
      barRow({ case: CASE, metric: 'no-change rebuild', value: `${second.ms.toFixed(0)} ms, ${second.built} built, ${second.reused} reused` }, '0 builds', second.built === 0),
      { case: CASE, metric: 'first build / no-change rebuild', value: `${(first.ms / second.ms).toFixed(1)}x` },
    ];
  } finally {
    await rm(tools, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  return withServices(rebuildRows);
}
