import { createHash, randomBytes } from 'node:crypto';
import { afterEach, expect, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCloudPipelineApi, type CloudPipelineApi } from '../../../src/sandbox/cloud-pipeline-api/index.js';
import { describeWith } from '../../helpers/services.js';

const REGISTRY = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';
const apis: CloudPipelineApi[] = [];
afterEach(async () => {
  for (const api of apis.splice(0)) await api.stop();
});

/** Pushes a config-only image through the registry's HTTP API (no engine needed). */
async function push(repository: string, tag: string): Promise<void> {
  const base = `http://${REGISTRY}`;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
  const digest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const started = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  expect(started.status).toBe(202);
  const location = new URL(started.headers.get('location') ?? '', base);
  location.searchParams.set('digest', digest);
  expect((await fetch(location, { method: 'PUT', body: config, headers: { 'Content-Type': 'application/octet-stream' } })).status).toBe(201);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest },
    layers: [],
  };
  const put = await fetch(`${base}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: JSON.stringify(manifest),
    headers: { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  expect(put.status).toBe(201);
}

describeWith(['registry'])('a watched registry plays its push notifications', () => {
  test('an image pushed to the real registry becomes a tool in its group, once; a repository without a group is skipped', async () => {
    const namespace = `watch-${randomBytes(4).toString('hex')}`;
    const api = await startCloudPipelineApi({ watchRegistries: [{ path: REGISTRY, url: `http://${REGISTRY}`, intervalMs: 50 }] });
    apis.push(api);
    await push(`${namespace}/shiny`, '1.0');
    await push(`${namespace}/shiny`, '1.1');
    await push(`${namespace}-flat`, '1.0');
    // The watch scans the whole catalogue (other tests' repositories too): wait, bounded, until it
    // has seen all three pushes.
    const seen = (): boolean => api.state.toolModel.images.get(1)?.get(`${namespace}/shiny`)?.size === 2 && api.state.toolModel.images.get(1)?.has(`${namespace}-flat`) === true;
    for (let i = 0; i < 400 && !seen(); i++) await sleep(50);
    const tool = [...api.state.tools.values()].find((candidate) => candidate.image === `${namespace}/shiny`);
    expect(tool).toMatchObject({ registry: REGISTRY, toolGroup: namespace, cpu: '0mi', ram: '0Gi' });
    await sleep(200);
    expect([...api.state.tools.values()].filter((candidate) => candidate.image === `${namespace}/shiny`)).toHaveLength(1);
    expect(api.state.toolModel.images.get(1)?.get(`${namespace}/shiny`)).toEqual(new Set(['1.0', '1.1']));
    expect([...api.state.tools.values()].some((candidate) => candidate.image === `${namespace}-flat`)).toBe(false);
    expect(api.state.toolModel.images.get(1)?.has(`${namespace}-flat`)).toBe(true);
  });

  test('a registry off loopback is refused', async () => {
    await expect(startCloudPipelineApi({ watchRegistries: [{ path: 'r', url: 'http://10.0.0.1:5000' }] })).rejects.toThrow('watched registry http://10.0.0.1:5000 is not on loopback');
  });
});
