import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RETRY, createCloudPipelineClient, type CloudPipelineClient } from '../../../../src/cloud-pipeline/index.js';
import { writeManifest } from '../../../../src/lib/manifest.js';
import { startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions } from '../../../../src/sandbox/cloud-pipeline-api/index.js';
import type { Tool } from '../../../../src/sandbox/cloud-pipeline-api/dtos.js';

/** The six-folder hierarchy the tests and the bench use. */
export const HIERARCHY = { '@@': { ShinyApps: { log: {}, apps: {} }, R: { library: {} } } };

/** The registry the tools manifests of these tests name. */
export const REGISTRY = 'registry.local:5000';

/** A client with the shipped retry count (6 attempts) and millisecond delays, so fault tests stay fast. */
export function clientFor(api: { url: string; token: string }, token = api.token): CloudPipelineClient {
  return createCloudPipelineClient({ url: api.url, token, retry: { baseDelayMs: 2, maxDelayMs: 20, attempts: DEFAULT_RETRY.attempts }, timeoutMs: 5000 });
}

/** Starts a stand-in that knows REGISTRY, and a client; `done()` stops both. */
export async function standIn(options: CloudPipelineApiOptions = {}): Promise<{ api: CloudPipelineApi; client: CloudPipelineClient; done: () => Promise<void> }> {
  const api = await startCloudPipelineApi({ registries: [REGISTRY], ...options });
  const client = clientFor(api);
  return {
    api,
    client,
    done: async () => {
      client.close();
      await api.stop();
    },
  };
}

/** The tools manifest entry of one tool, as build-optimized-images writes it. */
export function toolEntry(tool: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tool,
    image: `optimized/${tool}`,
    ref: `registry.local:5000/optimized/${tool}:1.0.0`,
    tags: ['1.0.0', 'latest'],
    digest: null,
    state: 'built',
    spec: {
      short_description: `${tool} for the Quick Launcher`,
      instance_type: 'm5.large',
      disk_size: '50',
      default_command: '/start.sh',
      endpoints: [JSON.stringify({ name: tool, nginx: { port: 3838 }, isDefault: true })],
      metadata: { app_type: 'apps.example.org' },
    },
    metadata: { app_type: 'apps.example.org', launcher: 'quick' },
    icon: `icons/${tool}.png`,
    ...extra,
  };
}

/** Writes a `tools` hand-off folder (manifest.json included) into a temp dir. */
export async function toolsFolder(tools: Record<string, unknown>[], manifest: Record<string, unknown> = {}): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'provision-tools-'));
  const dir = join(root, 'tools');
  await mkdir(join(dir, 'icons'), { recursive: true });
  for (const tool of tools) {
    if (typeof tool.icon === 'string') await writeFile(join(dir, tool.icon), Buffer.from(`png of ${String(tool.tool)}`));
  }
  await writeFile(join(dir, 'tools-manifest.json'), JSON.stringify({ schema: 1, registry: 'registry.local:5000', version: '1.0.0', tools, ...manifest }, null, 2));
  await writeManifest(dir, { kind: 'tools', action: 'build-optimized-images', inputsDigest: 'sha256:test' });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Every folder of every storage, as `storage:path`, for exact-state assertions. */
export function allFolders(api: CloudPipelineApi): string[] {
  return [...api.state.storages.values()].flatMap((storage) => [...storage.folders].map((folder) => `${storage.name}:${folder}`)).sort();
}

/** Pushes the images of `tools` (optimized/<tool>:1.0.0) to REGISTRY, which creates the tools. */
export function pushTools(api: CloudPipelineApi, tools: string[]): void {
  for (const tool of tools) api.pushImage(REGISTRY, `optimized/${tool}`, '1.0.0');
}

/** The tool of an image in REGISTRY, as the stand-in holds it. */
export function toolOf(api: CloudPipelineApi, image: string): Tool | undefined {
  return [...api.state.tools.values()].find((tool) => tool.registry === REGISTRY && tool.image === image);
}
