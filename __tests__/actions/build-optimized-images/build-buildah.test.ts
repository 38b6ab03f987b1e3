import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildResult, buildOptimizedImages } from '../../../src/actions/build-optimized-images/execute.js';
import { getInputs } from '../../../src/actions/build-optimized-images/inputs.js';
import { connectRegistry } from '../../../src/actions/build-optimized-images/connect.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { verifyManifest } from '../../../src/lib/manifest.js';
import { Buildah, type BuildahStorage, buildahGlobalArgs } from '../../../src/tools/buildah.js';
import { execRunner } from '../../../src/tools/exec.js';
import { RegistryClient } from '../../../src/tools/registry.js';
import { describeWith } from '../../helpers/services.js';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithBuildah, registryContents, uniqueNamespace } from '../../../src/sandbox/tool-images.js';

const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';

describeWith(['buildah', 'registry'])('build-optimized-images with buildah (vfs, chroot) and a registry', () => {
  const namespace = uniqueNamespace();
  let busybox = '';
  let tools = '';
  let work = '';
  let storage: BuildahStorage = { driver: 'vfs' };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'qla-buildah-'));
    storage = { driver: 'vfs', root: join(work, 'store'), runroot: join(work, 'run') };
    busybox = await pushBusyboxWithBuildah(registryHost, namespace, buildahGlobalArgs(storage));
    tools = await copyFixture();
  }, 60_000);

  afterAll(async () => {
    await rm(tools, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  async function runAction(logger = new MemoryLogger()): Promise<BuildResult> {
    const inputs = getInputs(
      new InputReader(
        inputsFrom({
          'tools-dir': tools,
          registry: `${registryHost}/${namespace}`,
          version: '2.0',
          builder: 'buildah',
          'build-args': `BUSYBOX_IMAGE=${busybox}`,
          'spec-env': fixtureSpecEnv(busybox),
        }),
      ),
      {},
    );
    const registry = await connectRegistry(inputs);
    return buildOptimizedImages(inputs, { builder: new Buildah(execRunner, storage), registry, logger, env: {}, outputDir: join(work, 'out') });
  }

  let first: BuildResult;

  it('builds every variant and pushes every tag with the digest the manifest records', async () => {
    first = await runAction();
    expect(first.counts).toEqual({ built: 5, reused: 0, fallback: 0 });
    const contents = await registryContents(registryHost, namespace);
    const client = new RegistryClient({ host: registryHost, insecure: true });
    for (const tool of first.manifest.tools) {
      for (const tag of tool.tags) expect(contents[tool.image]).toContain(tag);
      expect(tool.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await client.digest(`${namespace}/${tool.image}`, tool.tags[0])).toBe(tool.digest);
    }
    expect(contents['optimized/base']).toEqual(['2.0', first.manifest.tools.find((tool) => tool.image === 'optimized/base')?.tags[2], 'latest'].sort());
    await verifyManifest(join(work, 'out'), 'tools', 'tools');
  }, 240_000);

  it('reuses everything on a second run and rebuilds only what a change reaches', async () => {
    const second = await runAction();
    expect(second.counts).toEqual({ built: 0, reused: 5, fallback: 0 });
    await appendFile(join(tools, 'jupyter', 'start.sh'), '# changed\n');
    const third = await runAction();
    expect(Object.fromEntries(third.manifest.tools.map((tool) => [tool.variant, tool.state]))).toEqual({
      'jupyter-conda-2': 'built',
      'jupyter-conda-3': 'built',
      'optimized/base:2.0': 'reused',
      rstudio: 'reused',
      shiny: 'reused',
    });
  }, 240_000);
});
