import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { EDGE_ROUTE_MARKER } from '../../../src/lib/edge-layout.js';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { describeWith } from '../../helpers/services.js';
import { APP_HOST, curl, installLauncher, renderFor, startRunTarget, tempDir } from './edge-helpers.js';

describeWith(['nginx', 'openssl'])('the sync-routes stand-in on the launcher host', () => {
  let edge: SandboxEdge;
  let run: Awaited<ReturnType<typeof startRunTarget>>;
  const block = `/etc/nginx/external-apps/${APP_HOST}.srv.conf`;

  beforeAll(async () => {
    const state = await tempDir('edge-routes');
    edge = await startEdge({ stateDir: state });
    await installLauncher(await renderFor(edge, join(state, 'rendered')), edge.hostPath);
    await edge.restart();
    run = await startRunTarget('shiny run 42');
  });

  afterAll(async () => {
    await edge?.stop();
    await run?.close();
  });

  test("a run published on the launcher's host reaches the run through the launcher's own block", async () => {
    const reloads = edge.reloads;
    const result = await edge.publishRoute({ host: APP_HOST, path: 'shiny-42', target: run.target, routeId: 'pipeline-42-8080-0' });
    expect(result).toMatchObject({ routeFile: '/etc/nginx/sites-enabled/pipeline-42-8080-0.inc.conf', serverBlock: block, createdServerBlock: false, accepted: true });
    expect(edge.reloads).toBe(reloads + 1);
    const response = await curl(edge, APP_HOST, '/shiny-42/app?x=1');
    expect(response.status).toBe(200);
    expect(response.body).toBe('shiny run 42 got /app?x=1');
    // The launcher is still served beside it.
    expect((await curl(edge, APP_HOST, '/css/bundle.css')).headers['content-type']).toBe('text/css');
  });

  test('the include goes right after the last marker line, and the file is stored without a final newline', async () => {
    const text = await readFile(edge.local(block), 'utf8');
    const lines = text.split('\n');
    const marker = lines.findIndex((line) => line.includes(EDGE_ROUTE_MARKER));
    expect(lines[marker + 1]).toBe('include /etc/nginx/sites-enabled/pipeline-42-8080-0.inc.conf; # CP_EDGE_CUSTOM_DOMAIN');
    expect(text.endsWith('\n')).toBe(false);
    // The container's copy changed, the node's host folder (copy layout) did not.
    expect(await readFile(join(edge.hostPath, `${APP_HOST}.srv.conf`), 'utf8')).not.toContain('CP_EDGE_CUSTOM_DOMAIN');
  });

  test('publishing the same route again adds nothing', async () => {
    await edge.publishRoute({ host: APP_HOST, path: 'shiny-42', target: run.target, routeId: 'pipeline-42-8080-0' });
    const text = await readFile(edge.local(block), 'utf8');
    expect(text.split('\n').filter((line) => line.includes('CP_EDGE_CUSTOM_DOMAIN'))).toHaveLength(1);
  });

  test('a domain without a block gets a new <domain>.srv.conf from the server template, with the Edge certificate', async () => {
    const result = await edge.publishRoute({ host: 'lonely.example.test', path: 'app', target: run.target });
    expect(result).toMatchObject({ serverBlock: '/etc/nginx/external-apps/lonely.example.test.srv.conf', createdServerBlock: true, accepted: true });
    const text = await readFile(edge.local(result.serverBlock), 'utf8');
    expect(text).toContain('server_name lonely.example.test;');
    expect(text).toContain('ssl_certificate     /etc/edge/pki/ssl-public-cert.pem;');
    expect((await curl(edge, 'lonely.example.test', '/app/')).body).toBe('shiny run 42 got /');
  });

  test('a route nginx -t rejects is deleted again, include and all', async () => {
    // A location "/" clashes with the launcher's own `location /`.
    const result = await edge.publishRoute({ host: APP_HOST, path: '', target: run.target, routeId: 'pipeline-43-8080-0' });
    expect(result.accepted).toBe(false);
    expect(result.messages).toContain('duplicate location "/"');
    expect(existsSync(edge.local('/etc/nginx/sites-enabled/pipeline-43-8080-0.inc.conf'))).toBe(false);
    expect(await readFile(edge.local(block), 'utf8')).not.toContain('pipeline-43');
    expect((await curl(edge, APP_HOST, '/shiny-42/')).body).toBe('shiny run 42 got /');
  });

  test('a stopped run: its route and include go, the server block stays', async () => {
    expect(await edge.removeRoute({ host: APP_HOST, path: 'shiny-42', target: run.target, routeId: 'pipeline-42-8080-0' })).toBe(true);
    expect(await readFile(edge.local(block), 'utf8')).not.toContain('CP_EDGE_CUSTOM_DOMAIN');
    const response = await curl(edge, APP_HOST, '/shiny-42/');
    expect(response.body).toContain('quick-launcher-fixture-index');
    expect(await edge.removeRoute({ host: APP_HOST, path: 'shiny-42', target: run.target, routeId: 'pipeline-42-8080-0' })).toBe(false);
  });

  test('while someone holds /var/run/sync-routes.lock, a pass gives up after flock -w 1', async () => {
    const holder = spawn('flock', [edge.local('/var/run/sync-routes.lock'), 'sh', '-c', 'echo held; sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    try {
      await expect(edge.publishRoute({ host: APP_HOST, path: 'late', target: run.target })).rejects.toThrow('could not take /var/run/sync-routes.lock within 1s');
    } finally {
      holder.kill();
    }
    expect(existsSync(edge.local('/etc/nginx/sites-enabled/run-late-' + run.target.split(':')[1] + '-0.inc.conf'))).toBe(false);
  });
});
