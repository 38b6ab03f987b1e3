import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { describeWith } from '../../helpers/services.js';
import { APP_HOST, answers, curl, installLauncher, renderFor, startRunTarget, tempDir } from './edge-helpers.js';

const started: SandboxEdge[] = [];
afterEach(async () => {
  for (const edge of started.splice(0)) await edge.stop();
});

/** The additional region's Deployment: the host folder mounted read-write at /etc/nginx/external-apps. */
async function directEdge(state: string): Promise<SandboxEdge> {
  const node = join(state, 'node');
  const edge = await startEdge({
    stateDir: state,
    mounts: [
      { mountPath: '/etc/nginx/external-apps', local: join(node, 'opt/edge/external-apps') },
      { mountPath: '/opt/edge/pki', local: join(node, 'opt/edge/pki') },
    ],
  });
  started.push(edge);
  return edge;
}

describeWith(['nginx', 'openssl'])('Edge layouts across a restart', () => {
  test('copy layout: the volume reaches nginx only at the next start, and routes are gone after it', async () => {
    const state = await tempDir('edge-copy');
    const edge = await startEdge({ stateDir: state });
    started.push(edge);
    expect(edge.layout).toBe('copy');
    const rendered = await renderFor(edge, join(state, 'rendered'));
    await installLauncher(rendered, edge.hostPath);
    expect((await curl(edge, APP_HOST, '/css/bundle.css')).status).toBe(404);
    const starts = edge.starts;
    await edge.restart();
    expect(edge.starts).toBe(starts + 1);
    expect((await curl(edge, APP_HOST, '/css/bundle.css')).headers['content-type']).toBe('text/css');

    const run = await startRunTarget('run');
    try {
      await edge.publishRoute({ host: APP_HOST, path: 'r', target: run.target });
      expect((await curl(edge, APP_HOST, '/r/')).body).toBe('run got /');
      await edge.restart();
      // A new container: the route files were in the old one; sync-routes adds them again later.
      expect((await curl(edge, APP_HOST, '/r/')).body).toContain('quick-launcher-fixture-index');
      expect(await readFile(edge.local(`/etc/nginx/external-apps/${APP_HOST}.srv.conf`), 'utf8')).not.toContain('CP_EDGE_CUSTOM_DOMAIN');
    } finally {
      await run.close();
    }
  });

  test('direct layout: /etc/nginx/external-apps is the host folder; sync-routes edits land in it and break the next start', async () => {
    const state = await tempDir('edge-direct');
    const edge = await directEdge(state);
    expect(edge.layout).toBe('direct');
    expect(edge.appsDir).toBe(edge.hostPath);
    await installLauncher(await renderFor(edge, join(state, 'rendered')), edge.hostPath);
    // No copy: a reload is enough.
    await edge.nginx(['-s', 'reload']);
    expect((await curl(edge, APP_HOST, '/js/main.bundle.js')).headers['content-type']).toBe('application/javascript');

    const run = await startRunTarget('run');
    try {
      await edge.publishRoute({ host: APP_HOST, path: 'r', target: run.target });
      expect(await readFile(join(edge.hostPath, `${APP_HOST}.srv.conf`), 'utf8')).toContain('CP_EDGE_CUSTOM_DOMAIN');
      // init:138-146: after a restart the included route file does not exist and nginx cannot start.
      await edge.restart();
      expect(edge.serving).toBe(false);
      expect(edge.lastStartError).toMatch(/open\(\) "\/etc\/nginx\/sites-enabled\/run-r-\d+-0\.inc\.conf" failed/);
      expect(await answers(edge)).toBe(false);
    } finally {
      await run.close();
    }
  });

  test('a restart with a broken config leaves the container running and serving nothing, without an error', async () => {
    const state = await tempDir('edge-broken');
    const edge = await startEdge({ stateDir: state });
    started.push(edge);
    await writeFile(join(edge.hostPath, 'broken.conf'), 'server { listen 8181 ssl; locaton / { } }\n');
    await expect(edge.restart()).resolves.toBeUndefined();
    expect(edge.serving).toBe(false);
    expect(edge.lastStartError).toContain('unknown directive "locaton" in /etc/nginx/external-apps/broken.conf:1');
    // Exec still reaches the container, as on a real Edge whose nginx failed.
    expect((await edge.nginx(['-c', '/etc/nginx/nginx.conf', '-t'])).exitCode).toBe(1);
  });

  test('the first start fails loudly, naming the file and line', async () => {
    const state = await tempDir('edge-first');
    await mkdir(join(state, 'node/opt/edge/external-apps'), { recursive: true });
    await writeFile(join(state, 'node/opt/edge/external-apps/broken.conf'), 'server { listen 8181 ssl; locaton / { } }\n');
    await expect(startEdge({ stateDir: state })).rejects.toThrow(/sandbox Edge: nginx did not start: .*unknown directive "locaton" in \/etc\/nginx\/external-apps\/broken\.conf:1/);
  });

  test('a Deployment without a pki mount still starts with the install\'s pair in /etc/edge/pki', async () => {
    const state = await tempDir('edge-no-pki');
    const edge = await startEdge({ stateDir: state, mounts: [{ mountPath: '/etc/nginx/ext/external-apps', local: join(state, 'node/opt/edge/external-apps') }] });
    started.push(edge);
    expect(edge.serving).toBe(true);
    expect(await readFile(edge.local('/etc/edge/pki/ssl-public-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(await answers(edge)).toBe(true);
  });
});
