import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOptimizedImages } from '../../../src/actions/build-optimized-images/execute.js';
import { getInputs } from '../../../src/actions/build-optimized-images/inputs.js';
import { connectRegistry } from '../../../src/actions/build-optimized-images/connect.js';
import { ConfigurationError } from '../../../src/lib/errors.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { Docker } from '../../../src/tools/docker.js';
import type { BuildRequest, ImageBuilder } from '../../../src/tools/image-builder.js';
import { execRunner } from '../../../src/tools/exec.js';
import { describeWith } from '../../helpers/services.js';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithDocker, registryContents, uniqueNamespace } from '../../../src/sandbox/tool-images.js';

const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}

interface BadCase {
  name: string;
  inputs?: Record<string, string>;
  change?: (tools: string) => Promise<void>;
  error: RegExp;
}

const cases: BadCase[] = [
  {
    name: 'an unset variable in spec.json (name, file, line)',
    change: (tools) => edit(join(tools, 'jupyter', 'spec.json'), (text) => text.replace('"50"', '"${CP_DISK_GB}"')),
    error: /jupyter\/spec\.json:4:17: variable CP_DISK_GB is not set/,
  },
  {
    name: 'an unset variable in images.yml',
    change: (tools) => edit(join(tools, 'jupyter', 'images.yml'), (text) => text.replace('CONDA_VERSION: "2"', 'CONDA_VERSION: "${CONDA2}"')),
    error: /jupyter\/images\.yml:8:23: variable CONDA2 is not set/,
  },
  {
    name: 'malformed JSON (line and column)',
    change: (tools) => edit(join(tools, 'base', 'spec.json'), (text) => text.replace('"disk_size": "20",', '"disk_size": "20"')),
    error: /base\/spec\.json:5:3: malformed JSON/,
  },
  {
    name: 'endpoints that are objects, not JSON strings',
    change: (tools) => edit(join(tools, 'base', 'spec.json'), (text) => text.replace('"endpoints": []', '"endpoints": [{"name": "x", "nginx": {"port": 80}}]')),
    error: /base\/spec\.json:6: not a valid tool spec: endpoints\.0: must be string/,
  },
  {
    name: 'an endpoint without a port',
    change: (tools) => edit(join(tools, 'rstudio', 'scripts', 'rstudio', 'spec.json'), (text) => text.replace('\\"port\\":\\"8788\\"', '\\"path\\":\\"/\\"')),
    error: /scripts\/rstudio\/spec\.json:7: endpoints\[0\]: endpoint\.nginx: must have required property 'port'/,
  },
  {
    name: 'a missing Dockerfile',
    change: (tools) => rm(join(tools, 'base', 'Dockerfile')),
    error: /base\/Dockerfile: is missing \(tool 'base' needs a Dockerfile\)/,
  },
  {
    name: 'a missing spec.json',
    change: (tools) => rm(join(tools, 'jupyter', 'spec.json')),
    error: /jupyter\/spec\.json: is missing/,
  },
  {
    name: 'a cycle of FROMs',
    change: async (tools) => {
      await edit(join(tools, 'base', 'Dockerfile'), (text) =>
        text.replace('ARG BUSYBOX_IMAGE', 'ARG PARENT=optimized/shiny').replace('FROM ${BUSYBOX_IMAGE}', 'FROM ${PARENT}'),
      );
    },
    error: /FROM cycle between optimized images: optimized\/base:1\.0 -> shiny -> optimized\/base:1\.0/,
  },
  {
    name: 'an invalid image reference in FROM',
    change: (tools) => edit(join(tools, 'base', 'Dockerfile'), (text) => text.replace('FROM ${BUSYBOX_IMAGE}', 'FROM Not/A_Valid:Ref:x')),
    error: /base\/Dockerfile:3: FROM 'Not\/A_Valid:Ref:x' is not a valid image reference/,
  },
  {
    name: 'an invalid image name in images.yml',
    change: (tools) => edit(join(tools, 'jupyter', 'images.yml'), (text) => text.replace('image: optimized/jupyter\n    tags: [conda-2]', 'image: Optimized/Jupyter\n    tags: [conda-2]')),
    error: /jupyter\/images\.yml:3: images\[0\]: image 'Optimized\/Jupyter' is not a repository path/,
  },
  {
    name: 'malformed YAML in images.yml',
    change: (tools) => appendFile(join(tools, 'jupyter', 'images.yml'), '  - image: [unclosed\n'),
    error: /jupyter\/images\.yml:\d+:\d+: malformed YAML/,
  },
  {
    name: 'an unknown key in images.yml',
    change: (tools) => edit(join(tools, 'rstudio', 'images.yml'), (text) => text.replace('spec-dir: scripts/shiny', 'specdir: scripts/shiny')),
    error: /rstudio\/images\.yml:7: images\[1\]: unknown key 'specdir'/,
  },
  {
    name: 'two variants producing the same tag',
    change: (tools) => edit(join(tools, 'jupyter', 'images.yml'), (text) => text.replace('tags: [conda-2]', 'tags: [conda-2, latest]')),
    error: /optimized\/jupyter:latest is produced by both 'jupyter-conda-2' and 'jupyter-conda-3'/,
  },
  {
    name: 'a literal FROM of an optimized image without the registry',
    change: async (tools) => {
      await mkdir(join(tools, 'literal'));
      await writeFile(join(tools, 'literal', 'Dockerfile'), 'FROM optimized/base:1.0\n');
      await writeFile(join(tools, 'literal', 'spec.json'), '{"short_description": "x", "endpoints": []}');
    },
    error: /literal\/Dockerfile:1: FROM optimized\/base:1\.0 names the optimized image optimized\/base without the registry/,
  },
  { name: 'an unknown builder', inputs: { builder: 'kaniko' }, error: /^Input 'builder': 'kaniko' is not one of docker, buildah, podman$/ },
  { name: 'a missing tools-dir', inputs: { 'tools-dir': '/nonexistent/tools' }, error: /^Input 'tools-dir': cannot read \/nonexistent\/tools \(ENOENT\)$/ },
  { name: 'include naming nothing', inputs: { include: 'jupyter, nosuchtool' }, error: /^Input 'include': 'nosuchtool' names no tool folder/ },
  { name: 'a version that is not a tag', inputs: { version: 'v1 beta' }, error: /^Input 'version': 'v1 beta' is not a valid image tag/ },
  { name: 'push without a registry', inputs: { registry: '' }, error: /^Input 'registry': is required when push is true$/ },
  { name: 'an invalid registry', inputs: { registry: 'https://Bad Host/x' }, error: /^Input 'registry': 'https:\/\/Bad Host\/x' is not a registry/ },
  { name: 'a bad default-images line', inputs: { 'default-images': 'optimized/base' }, error: /^Input 'default-images': line 1: expected/ },
  { name: 'a bad default image reference', inputs: { 'default-images': 'optimized/base=Not_Valid:x:y' }, error: /^Input 'default-images': 'Not_Valid:x:y' \(for optimized\/base\) is not a valid image reference$/ },
  { name: 'build false without default images', inputs: { build: 'false' }, error: /^Input 'default-images': build is false, so every image needs a default; none for .*optimized\/base/ },
  { name: 'max-parallel out of range', inputs: { 'max-parallel': '0' }, error: /^Input 'max-parallel': 0 is outside 1\.\.32$/ },
  { name: 'a bad spec-env line', inputs: { 'spec-env': 'JUST_A_NAME' }, error: /^Input 'spec-env': line 1: expected KEY=VALUE/ },
];

/** Runs the action's core on one bad case; resolves to what it threw (undefined if nothing). */
async function refusal(options: { tools: string; registry: string; busybox: string; extra: Record<string, string>; builder: ImageBuilder; outputDir: string }): Promise<unknown> {
  const attempt = async (): Promise<void> => {
    const inputs = getInputs(
      new InputReader(
        inputsFrom({
          'tools-dir': options.tools,
          registry: options.registry,
          version: '1.0',
          builder: 'docker',
          'build-args': `BUSYBOX_IMAGE=${options.busybox}`,
          'spec-env': fixtureSpecEnv(options.busybox),
          ...options.extra,
        }),
      ),
      {},
    );
    const registry = await connectRegistry(inputs);
    await buildOptimizedImages(inputs, { builder: options.builder, registry, logger: new MemoryLogger(), env: {}, outputDir: options.outputDir });
  };
  return attempt().then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

/** A builder that only records what it was asked to do. */
class RecordingBuilder implements ImageBuilder {
  readonly name = 'docker' as const;
  readonly calls: string[] = [];
  build(request: BuildRequest): Promise<string> {
    this.calls.push(`build ${request.tags.join(',')}`);
    return Promise.resolve('');
  }
  push(reference: string): Promise<void> {
    this.calls.push(`push ${reference}`);
    return Promise.resolve();
  }
}

/** A loopback registry that answers the version check and records every request. */
async function recordingRegistry(): Promise<{ host: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createHttpServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(request.url === '/v2/' ? 200 : 404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// The refusals themselves need no engine: they run everywhere, against a builder that records and
// a loopback registry that records; the same cases run again below against the real engine.
describe('build-optimized-images refuses bad input before building or pushing (no engine needed)', () => {
  it.each(cases)('$name', async ({ inputs: extra = {}, change, error }) => {
    const tools = await copyFixture();
    const registry = await recordingRegistry();
    const work = await mkdtemp(join(tmpdir(), 'qla-bad-pure-'));
    const builder = new RecordingBuilder();
    try {
      await change?.(tools);
      const failure = await refusal({ tools, registry: `${registry.host}/refused`, busybox: `${registry.host}/base/busybox:1`, extra, builder, outputDir: join(work, 'out') });
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect((failure as Error).message).toMatch(error);
      expect((failure as Error).message.split('\n')).toHaveLength(1);
      expect(builder.calls).toEqual([]);
      expect(registry.requests.filter((request) => !/^(GET|HEAD) /.test(request))).toEqual([]);
    } finally {
      await registry.close();
      await rm(tools, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
    }
  });
});

describeWith(['docker', 'registry'])('build-optimized-images refuses bad input, naming it, with nothing pushed', () => {
  const namespace = uniqueNamespace();
  let busybox = '';
  let work = '';

  beforeAll(async () => {
    busybox = await pushBusyboxWithDocker(registryHost, namespace);
    work = await mkdtemp(join(tmpdir(), 'qla-bad-'));
  }, 60_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it.each(cases)('$name', async ({ inputs: extra = {}, change, error }) => {
    const tools = await copyFixture();
    const caseNamespace = uniqueNamespace();
    try {
      await change?.(tools);
      const failure = await refusal({ tools, registry: `${registryHost}/${caseNamespace}`, busybox, extra, builder: new Docker(execRunner), outputDir: join(work, 'out') });
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect((failure as Error).message).toMatch(error);
      expect((failure as Error).message.split('\n')).toHaveLength(1);
      expect(await registryContents(registryHost, caseNamespace)).toEqual({});
    } finally {
      await rm(tools, { recursive: true, force: true });
    }
  }, 60_000);

  it('an unreachable registry (a closed loopback port) is named before anything is built', async () => {
    const port = await closedPort();
    const inputs = getInputs(new InputReader(inputsFrom({ registry: `127.0.0.1:${port}/${namespace}` })), {});
    await expect(connectRegistry(inputs)).rejects.toThrow(`Input 'registry': cannot reach the registry at http://127.0.0.1:${port}/v2/: ECONNREFUSED`);
  });
});
