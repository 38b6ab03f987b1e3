import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { describeWith } from '../../helpers/services.js';
import { APP_HOST, TOOL_HOST, curl, installLauncher, renderFor, tempDir } from './edge-helpers.js';

describeWith(['nginx', 'openssl'])("the sandbox Edge's http {} as the real one has it", () => {
  let edge: SandboxEdge;

  beforeAll(async () => {
    const state = await tempDir('edge-serving');
    edge = await startEdge({ stateDir: state });
    await installLauncher(await renderFor(edge, join(state, 'rendered')), edge.hostPath);
    // A block without its own types, as server blocks were before: what the Edge makes of it.
    await writeFile(
      join(edge.hostPath, 'untyped.example.test.srv.conf'),
      ['server {', '    listen 8181 ssl;', '    server_name untyped.example.test;', '    ssl_certificate /etc/edge/pki/ssl-public-cert.pem;', '    ssl_certificate_key /etc/edge/pki/ssl-private-key.pem;', '    root /etc/nginx/external-apps/quick-launcher/www;', '}', ''].join('\n'),
    );
    await edge.restart();
  });

  afterAll(async () => {
    await edge?.stop();
  });

  test('no types in http {}: a block without its own serves CSS and JS as text/plain', async () => {
    expect(edge.serving).toBe(true);
    expect((await curl(edge, 'untyped.example.test', '/css/bundle.css')).headers['content-type']).toBe('text/plain');
    expect((await curl(edge, 'untyped.example.test', '/js/main.bundle.js')).headers['content-type']).toBe('text/plain');
  });

  test("the launcher's blocks serve CSS and JS with their types", async () => {
    for (const host of [APP_HOST, TOOL_HOST]) {
      const css = await curl(edge, host, '/css/bundle.css');
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css');
      const js = await curl(edge, host, '/js/main.bundle.js');
      expect(js.headers['content-type']).toBe('application/javascript');
      expect((await curl(edge, host, '/')).headers['content-type']).toBe('text/html');
    }
  });

  test('/settings answers each host with its own JSON settings, never cached', async () => {
    for (const [host, mode] of [[APP_HOST, 'folder'], [TOOL_HOST, 'docker']]) {
      const response = await curl(edge, host, '/settings');
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['cache-control']).toBe('no-store');
      expect((JSON.parse(response.body) as Record<string, { applicationsMode: string }>)[host].applicationsMode).toBe(mode);
    }
  });

  test("a host no block claims reaches the Edge's default_server, which has no server_name", async () => {
    expect((await curl(edge, 'nobody.example.test', '/css/bundle.css')).status).toBe(404);
    const conf = await import('node:fs/promises').then((fs) => fs.readFile(edge.local('/etc/nginx/nginx.conf'), 'utf8'));
    expect(conf).not.toMatch(/^\s*(include\s+\S*mime\.types|default_type|types\s*\{)/m);
    expect(conf).toMatch(/^\s*server_names_hash_bucket_size 128;$/m);
    expect(conf).toMatch(/^\s*include \/etc\/nginx\/external-apps\/\*\.conf;$/m);
    const main = /server \{\n\s*listen 8181 ssl default_server;[\s\S]*?\n {4}\}/.exec(conf)?.[0] ?? '';
    expect(main).not.toBe('');
    expect(main).not.toContain('server_name');
  });

  test('a second block for the launcher host is a conflicting server name the Edge ignores', async () => {
    const result = await edge.nginx(['-c', '/etc/nginx/nginx.conf', '-t']);
    expect(result.stderr).not.toContain('conflicting server name');
    await writeFile(edge.local(`/etc/nginx/external-apps/${APP_HOST}.conf`), `server {\n    listen 8181 ssl;\n    server_name ${APP_HOST};\n}\n`);
    const conflicting = await edge.nginx(['-c', '/etc/nginx/nginx.conf', '-t']);
    expect(conflicting.exitCode).toBe(0);
    expect(conflicting.stderr).toContain(`conflicting server name "${APP_HOST}" on 0.0.0.0:8181, ignored`);
  });
});
