import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { type BuildResult, buildOptimizedImages } from '../../../src/actions/build-optimized-images/execute.js';
import { getInputs } from '../../../src/actions/build-optimized-images/inputs.js';
import { connectRegistry } from '../../../src/actions/build-optimized-images/connect.js';
import type { ToolsManifest } from '../../../src/actions/build-optimized-images/tools-manifest.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { verifyManifest } from '../../../src/lib/manifest.js';
import { Docker } from '../../../src/tools/docker.js';
import { execRunner } from '../../../src/tools/exec.js';
import { RegistryClient } from '../../../src/tools/registry.js';
import { describeWith } from '../../helpers/services.js';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithDocker, registryContents, uniqueNamespace } from '../../../src/sandbox/tool-images.js';

const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';

describeWith(['docker', 'registry'])('build-optimized-images with docker and a registry', () => {
  const namespace = uniqueNamespace();
  let busybox = '';
  let tools = '';
  let work = '';
  const client = new RegistryClient({ host: registryHost, insecure: true });

  beforeAll(async () => {
    busybox = await pushBusyboxWithDocker(registryHost, namespace);
    tools = await copyFixture();
    work = await mkdtemp(join(tmpdir(), 'qla-build-'));
  }, 60_000);

  afterAll(async () => {
    await rm(tools, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  async function runAction(extra: Record<string, string> = {}, logger = new MemoryLogger(), more: { rebuild?: boolean } = {}): Promise<BuildResult> {
    const inputs = getInputs(
      new InputReader(
        inputsFrom({
          'tools-dir': tools,
          registry: `${registryHost}/${namespace}`,
          version: '1.0',
          builder: 'docker',
          'build-args': `BUSYBOX_IMAGE=${busybox}`,
          'spec-env': fixtureSpecEnv(busybox),
          'max-parallel': '3',
          ...extra,
        }),
      ),
      {},
    );
    const registry = await connectRegistry(inputs);
    return buildOptimizedImages({ ...inputs, ...more }, { builder: new Docker(execRunner), registry, logger, env: {}, outputDir: join(work, 'out') });
  }

  const states = (result: BuildResult): Record<string, string> =>
    Object.fromEntries(result.manifest.tools.map((tool) => [tool.variant, tool.state]));

  let first: BuildResult;

  it('builds every variant, parents first, with the expected tags and digests in the registry', async () => {
    const logger = new MemoryLogger();
    first = await runAction({}, logger);
    const built = logger.lines.filter((line) => line.startsWith('group: Building ')).map((line) => line.split(' ')[2]);
    expect(built).toHaveLength(5);
    expect(built.indexOf(`${registryHost}/${namespace}/optimized/shiny:1.0`)).toBeGreaterThan(built.indexOf(`${registryHost}/${namespace}/optimized/base:1.0`));
    expect(logger.lines.filter((line) => line.startsWith('group: Building ')).map((line) => line.replace(/^.* \((\d+)\/(\d+)\)$/, '$2')).every((total) => total === '5')).toBe(true);
    expect(logger.text).toContain('Step 3/4 : COPY hello.txt /opt/base/hello.txt');
    expect(first.counts).toEqual({ built: 5, reused: 0, fallback: 0 });
    const contents = await registryContents(registryHost, namespace);
    const tagsOf = (variant: string): string[] => first.manifest.tools.find((tool) => tool.variant === variant)?.tags ?? [];
    expect(Object.keys(contents).sort()).toEqual(['optimized/base', 'optimized/jupyter', 'optimized/rstudio', 'optimized/shiny']);
    expect(contents['optimized/jupyter']).toEqual([...tagsOf('jupyter-conda-2'), ...tagsOf('jupyter-conda-3')].sort());
    expect(tagsOf('jupyter-conda-3').slice(0, 3)).toEqual(['conda-3', '1.0', 'latest']);
    expect(contents['optimized/rstudio']).toEqual(['1.0', tagsOf('rstudio')[2], 'latest'].sort());
    for (const tool of first.manifest.tools) {
      expect(tool.ref).toBe(`${registryHost}/${namespace}/${tool.image}:${tool.tags[0]}`);
      expect(tool.tags.at(-1)).toMatch(/^c-[0-9a-f]{12}$/);
      for (const tag of tool.tags) expect(await client.digest(`${namespace}/${tool.image}`, tag)).toBe(tool.digest);
    }
  }, 180_000);

  it('writes a tools folder whose manifest verifies and matches the published schema', async () => {
    const dir = join(work, 'out');
    const files = (await verifyManifest(dir, 'tools', 'tools')).files.map((file) => file.path);
    expect(files).toEqual([
      'icons/jupyter.png',
      'icons/rstudio--rstudio.png',
      'icons/rstudio--shiny.png',
      'readme/base.md',
      'readme/jupyter.md',
      'readme/rstudio--rstudio.md',
      'readme/rstudio--shiny.md',
      'tools-manifest.json',
    ]);
    const manifest = JSON.parse(await readFile(join(dir, 'tools-manifest.json'), 'utf8')) as ToolsManifest;
    const schema = JSON.parse(await readFile(new URL('../../../schemas/tools-manifest.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ strict: true }).compile(schema);
    expect(validate.errors ?? validate(manifest)).toBe(true);
    expect(manifest).toEqual(JSON.parse(JSON.stringify(first.manifest)));
    const shiny = manifest.tools.find((tool) => tool.variant === 'shiny');
    expect(shiny?.metadata).toEqual({ app_type: 'apps.example.test' });
    expect(JSON.parse(shiny?.spec.endpoints[0] ?? '{}')).toMatchObject({ name: 'Shiny', nginx: { port: '3838' } });
    expect(shiny?.spec.endpoints[0]).toContain('https://apps.example.test/ext-js/shiny-session.js');
    const base = manifest.tools.find((tool) => tool.image === 'optimized/base');
    expect(base?.spec.short_description).toBe('Base tool with $HOME kept literal');
    expect(base?.spec.instance_type).toBe('m5.large');
  });

  it('builds a variant on the optimized image it names, pinned to that run\'s content tag', async () => {
    const out = await execRunner('docker', ['run', '--rm', '--network', 'none', `${registryHost}/${namespace}/optimized/shiny:1.0`, 'cat', '/opt/base/built', '/opt/app']);
    expect(out.stdout).toBe('base built\nshiny\n');
  }, 60_000);

  it('rebuilds nothing when nothing changed: every variant reused, same digests', async () => {
    const logger = new MemoryLogger();
    const second = await runAction({}, logger);
    expect(second.counts).toEqual({ built: 0, reused: 5, fallback: 0 });
    expect(logger.text).not.toContain('group: Building');
    expect(second.manifest.tools.map((tool) => tool.digest)).toEqual(first.manifest.tools.map((tool) => tool.digest));
  }, 120_000);

  it('rebuilds only the changed variant and the variants built on it', async () => {
    await appendFile(join(tools, 'base', 'hello.txt'), 'changed\n');
    const third = await runAction();
    expect(states(third)).toEqual({
      'jupyter-conda-2': 'reused',
      'jupyter-conda-3': 'reused',
      'optimized/base:1.0': 'built',
      rstudio: 'built',
      shiny: 'built',
    });
    const oldShiny = first.manifest.tools.find((tool) => tool.variant === 'shiny');
    const newShiny = third.manifest.tools.find((tool) => tool.variant === 'shiny');
    expect(newShiny?.tags.at(-1)).not.toBe(oldShiny?.tags.at(-1));
    expect(await client.digest(`${namespace}/optimized/shiny`, 'latest')).toBe(newShiny?.digest);
  }, 180_000);

  it('rebuilds every variant when the base image is pushed anew under the same tag', async () => {
    const before = await runAction();
    expect(before.counts).toEqual({ built: 0, reused: 5, fallback: 0 });
    // The same tag, a new image (a base image's security update, say).
    execFileSync('docker', ['build', '--tag', busybox, '-'], { input: `FROM ${busybox}\nLABEL update=2\n`, stdio: ['pipe', 'pipe', 'pipe'] });
    execFileSync('docker', ['push', busybox], { stdio: 'pipe' });
    const after = await runAction();
    expect(after.counts).toEqual({ built: 5, reused: 0, fallback: 0 });
    for (const tool of after.manifest.tools) {
      expect(tool.tags.at(-1)).not.toBe(before.manifest.tools.find((old) => old.variant === tool.variant)?.tags.at(-1));
    }
  }, 180_000);

  it('builds again with rebuild, though every content tag is in the registry', async () => {
    const result = await runAction({ include: 'base' }, undefined, { rebuild: true });
    expect(result.counts).toEqual({ built: 1, reused: 0, fallback: 0 });
  }, 120_000);

  it('falls back to the default image with a warning when a build fails, and its dependants too', async () => {
    await mkdir(join(tools, 'broken'));
    await writeFile(join(tools, 'broken', 'Dockerfile'), `FROM ${busybox}\nRUN echo about to fail && false\n`);
    await writeFile(join(tools, 'broken', 'spec.json'), '{"short_description": "Broken", "endpoints": []}');
    await mkdir(join(tools, 'child'));
    await writeFile(join(tools, 'child', 'Dockerfile'), 'ARG BASE_IMAGE=optimized/broken:1.0\nFROM ${BASE_IMAGE}\n');
    await writeFile(join(tools, 'child', 'spec.json'), '{"short_description": "Child", "endpoints": []}');
    const logger = new MemoryLogger();
    const result = await runAction({ 'default-images': `optimized/broken=${busybox}\noptimized/child=${busybox}`, include: 'child' }, logger);
    expect(states(result)).toEqual({ 'optimized/broken:1.0': 'fallback', 'optimized/child:1.0': 'fallback' });
    expect(result.manifest.tools[1].reason).toBe("it is built FROM 'optimized/broken:1.0', which fell back");
    const entry = result.manifest.tools[0];
    expect(entry).toMatchObject({ ref: busybox, digest: null, tags: [], defaultImage: busybox });
    expect(entry.reason).toMatch(/docker build failed at step 2\/2: RUN echo about to fail && false/);
    expect(logger.text).toMatch(/warning: Variant 'optimized\/broken:1.0' falls back to the default image/);
    expect((await registryContents(registryHost, namespace))['optimized/broken']).toBeUndefined();
  }, 120_000);

  it('fails naming the variant with fail-on-fallback', async () => {
    await expect(runAction({ 'default-images': `optimized/broken=${busybox}`, include: 'broken', 'fail-on-fallback': 'true' })).rejects.toThrow(
      /^Variant 'optimized\/broken:1.0' fell back to .* \(fail-on-fallback is true\): docker build failed at step 2\/2/,
    );
  }, 120_000);

  it('fails with the build log tail when fallback is off', async () => {
    await expect(runAction({ include: 'broken', fallback: 'false' })).rejects.toThrow(/Variant 'optimized\/broken:1.0': docker build failed at step 2\/2: RUN echo about to fail && false:\n[\s\S]*about to fail/);
  }, 120_000);

  it('falls back without building when build is false', async () => {
    await rm(join(tools, 'broken'), { recursive: true, force: true });
    await rm(join(tools, 'child'), { recursive: true, force: true });
    const defaults = ['optimized/base', 'optimized/jupyter', 'optimized/rstudio', 'optimized/shiny'].map((image) => `${image}=library/${image.split('/')[1]}:latest`);
    const result = await runAction({ build: 'false', 'default-images': defaults.join('\n') });
    expect(result.counts).toEqual({ built: 0, reused: 0, fallback: 5 });
    expect(result.manifest.tools.find((tool) => tool.variant === 'shiny')?.ref).toBe('library/shiny:latest');
  }, 60_000);
});
