import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/execute.js';
import { NginxValidationError } from '../../../src/actions/render-edge-config/validate.js';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { OpenSsl } from '../../../src/tools/openssl.js';
import { execRunner } from '../../../src/tools/exec.js';
import { describeWith } from '../../helpers/services.js';
import { inputsOf, tempDir } from './render-helpers.js';

const run = promisify(execFile);
const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const API = 'https://cp.example.test/pipeline/restapi';

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `curl --resolve <host>:<port>:127.0.0.1 https://<host>:<port><path>`, as a person would check it. */
async function curl(edge: SandboxEdge, host: string, path: string): Promise<Response> {
  const { stdout } = await run('curl', ['-sk', '-i', '--max-time', '10', '--resolve', `${host}:${edge.port}:127.0.0.1`, `https://${host}:${edge.port}${path}`]);
  const [head, ...rest] = stdout.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

describeWith(['nginx', 'openssl'])('render-edge-config with the real nginx', () => {
  let edge: SandboxEdge;
  let outputDir: string;

  beforeAll(async () => {
    const state = await tempDir('edge');
    edge = await startEdge({ stateDir: state });
    outputDir = join(state, 'rendered');
    const inputs = inputsOf({
      'app-launcher-host': 'apps.example.test',
      'tool-launcher-host': 'tools.example.test',
      'api-external-url': API,
      'edge-port': edge.listen,
      // The Edge's pki as a runner-side copy: nginx -t loads the pair the Edge's rule picks.
      'cert-dir': edge.certDir,
      validate: 'true',
      'output-dir': outputDir,
    });
    await renderAndWrite(inputs, {}, new MemoryLogger());
    // What a deploy does: the rendered folder and the launcher into the node's host folder, then a new Edge container.
    await cp(join(outputDir, 'external-apps'), edge.hostPath, { recursive: true });
    await cp(join(FIXTURES, 'launcher-build'), join(edge.hostPath, 'quick-launcher/www'), { recursive: true });
    await cp(join(FIXTURES, 'ext-js'), join(edge.hostPath, 'quick-launcher/ext-js'), { recursive: true });
    await edge.restart();
  });

  afterAll(async () => {
    await edge?.stop();
  });

  test('/settings answers each host with its own settings, never cached', async () => {
    for (const [host, mode] of [['apps.example.test', 'folder'], ['tools.example.test', 'docker']]) {
      const response = await curl(edge, host, '/settings');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['cache-control']).toBe('no-store');
      const settings = JSON.parse(response.body) as Record<string, { applicationsMode: string; tagValue: string }>;
      expect(settings[host]).toMatchObject({ applicationsMode: mode, tagValue: host });
    }
  });

  test("/ serves the launcher's index.html, and unknown paths fall back to it", async () => {
    for (const path of ['/', '/index.html', '/app/rstudio/deep/link']) {
      const response = await curl(edge, 'tools.example.test', path);
      expect(response.status).toBe(200);
      expect(response.body).toContain('quick-launcher-fixture-index');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  test('bundles are served for revalidation (fixed names, ETag, no-cache)', async () => {
    const response = await curl(edge, 'apps.example.test', '/js/main.bundle.js');
    expect(response.status).toBe(200);
    expect(response.body).toContain('quickLauncherFixture');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toMatch(/^"/);
  });

  test('the app launcher serves /ext-js/; the tool launcher does not', async () => {
    const app = await curl(edge, 'apps.example.test', '/ext-js/shiny-session.js');
    expect(app.body).toContain('shinySession');
    const tool = await curl(edge, 'tools.example.test', '/ext-js/shiny-session.js');
    expect(tool.body).not.toContain('shinySession');
  });

  test("a host no block claims gets the Edge's default server", async () => {
    expect((await curl(edge, 'other.example.test', '/settings')).status).toBe(404);
  });
});

describeWith(['nginx', 'openssl'])('nginx -t on the rendered set', () => {
  async function renderWith(serverTemplate: string | undefined, extra: Record<string, string> = {}): Promise<{ error: unknown; outputDir: string; template?: string }> {
    const dir = await tempDir('nginx-t');
    const outputDir = join(dir, 'out');
    let template: string | undefined;
    if (serverTemplate !== undefined) {
      template = join(dir, 'server.conf.hbs');
      await writeFile(template, serverTemplate);
    }
    const inputs = inputsOf({
      'app-launcher-host': 'apps.example.test',
      'tool-launcher-host': 'tools.example.test',
      'api-external-url': API,
      validate: 'true',
      'output-dir': outputDir,
      ...(template ? { 'server-template': template } : {}),
      ...extra,
    });
    const error = await renderAndWrite(inputs, {}, new MemoryLogger()).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    return { error, outputDir, template };
  }

  test('the built-in blocks pass', async () => {
    const { error, outputDir } = await renderWith(undefined);
    expect(error).toBeUndefined();
    expect(existsSync(join(outputDir, 'manifest.json'))).toBe(true);
  });

  test('an unknown directive fails with the file and line, and nothing is written', async () => {
    const template = 'server {\n    listen {{listen}} ssl;\n    server_name {{host}};\n    locaton / { }\n}\n';
    const { error, outputDir } = await renderWith(template);
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).toMatch(/external-apps\/apps\.example\.test\.srv\.conf:4: \[emerg\] unknown directive "locaton"/);
    expect(existsSync(outputDir)).toBe(false);
  });

  test('the problem points at the template line that wrote it, for the annotation', async () => {
    // Standalone block helpers write no line of their own: `locaton` is not on line 8 of the output.
    const text = '# {{label}}\n{{#if isApp}}\n# apps\n{{/if}}\nserver {\n    listen {{listen}} ssl;\n    server_name {{host}};\n    locaton / { }\n}\n';
    const { error, template: file } = await renderWith(text);
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).not.toMatch(/srv\.conf:8:/);
    expect((error as NginxValidationError).location).toEqual({ file, line: 8 });
    expect((error as Error).message).toContain(`[emerg] unknown directive "locaton" (written by ${file}:8)`);
  });

  test('a duplicate server_name is only a [warn] for nginx, and still fails', async () => {
    const template = [
      'server {',
      '    listen {{listen}} ssl;',
      '    server_name {{host}} shared.example.test;',
      '    ssl_certificate {{certificate}};',
      '    ssl_certificate_key {{certificateKey}};',
      '}',
      '',
    ].join('\n');
    const { error, outputDir } = await renderWith(template);
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).toContain('[warn] conflicting server name "shared.example.test"');
    expect(existsSync(outputDir)).toBe(false);
  });

  test('an upstream that does not resolve fails', async () => {
    const template = 'server {\n    listen {{listen}} ssl;\n    server_name {{host}};\n    location /api/ {\n        proxy_pass http://no-such-upstream.invalid;\n    }\n}\n';
    const { error } = await renderWith(template);
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).toMatch(/external-apps\/apps\.example\.test\.srv\.conf:5: \[emerg\] host not found in upstream "no-such-upstream\.invalid"/);
  });

  test("cert-dir as a copy of the Edge's pki: nginx -t loads the pair the Edge's rule picks", async () => {
    const pki = await tempDir('pki');
    const openssl = new OpenSsl('openssl', execRunner);
    await openssl.selfSigned({ certificate: join(pki, 'ssl-public-cert.pem'), key: join(pki, 'ssl-private-key.pem'), commonName: 'edge' });
    await openssl.selfSigned({ certificate: join(pki, 'example.test-public-cert.pem'), key: join(pki, 'example.test-private-key.pem'), commonName: '*.example.test' });
    expect((await renderWith(undefined, { 'cert-dir': pki })).error).toBeUndefined();
    // A key that does not belong to the certificate the Edge would pick for both hosts.
    await copyFile(join(pki, 'ssl-private-key.pem'), join(pki, 'example.test-private-key.pem'));
    const { error } = await renderWith(undefined, { 'cert-dir': pki });
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).toMatch(/key values mismatch/);
  });

  test('a block without its own types fails: the Edge would serve its CSS and JS as text/plain', async () => {
    const template = 'server {\n    listen {{listen}} ssl;\n    server_name {{host}};\n    ssl_certificate {{certificate}};\n    ssl_certificate_key {{certificateKey}};\n    types { text/html html; }\n}\n';
    const { error, outputDir } = await renderWith(template);
    expect(error).toBeInstanceOf(NginxValidationError);
    expect((error as Error).message).toContain("external-apps/apps.example.test.srv.conf: [warn] no type for .css, .js: the Edge's http {} has no types");
    expect(existsSync(outputDir)).toBe(false);
    const included = template.replace('types { text/html html; }', 'include /etc/nginx/mime.types;');
    // Including the image's mime.types is a valid answer too (Debian's nginx ships one at the same path).
    expect((await renderWith(included)).error).toBeUndefined();
  });
});
