import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { EDGE_CERTIFICATE_MARKER, EDGE_ROUTE_MARKER, edgeCertificateFor, resolveCertificateLines } from '../../../src/lib/edge-layout.js';
import { OUTPUT_SETTINGS_FILE } from '../../../src/actions/render-edge-config/render.js';
import { expectGolden, FIXTURES, inputsOf, renderInputs, tempDir } from './render-helpers.js';

const API = 'https://cp.example.test/pipeline/restapi';
const both = { 'app-launcher-host': 'apps.example.test', 'tool-launcher-host': 'tools.example.test', 'api-external-url': API };

function fileOf(rendered: Awaited<ReturnType<typeof renderInputs>>, path: string): string {
  const file = rendered.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${rendered.files.map((f) => f.path).join(', ')}`);
  return String(file.content);
}

describe('renderEdgeConfig against golden files', () => {
  test('both launchers', async () => {
    const rendered = await renderInputs(inputsOf(both));
    expect(rendered.hosts).toEqual(['apps.example.test', 'tools.example.test']);
    await expectGolden('both-launchers', rendered);
  });

  test('the tool launcher only', async () => {
    const rendered = await renderInputs(inputsOf({ 'tool-launcher-host': 'tools.example.test', 'api-external-url': API }));
    expect(rendered.hosts).toEqual(['tools.example.test']);
    await expectGolden('tool-launcher-only', rendered);
  });

  test('override templates merged over the defaults, on another port and folders', async () => {
    const rendered = await renderInputs(
      inputsOf({
        ...both,
        'app-launcher-config': join(FIXTURES, 'templates/app-override.json.hbs'),
        'tool-launcher-config': join(FIXTURES, 'templates/tool-override.json.hbs'),
        'edge-port': '127.0.0.1:18443',
        'edge-apps-dir': '/srv/edge/external-apps/',
        'cert-dir': '/srv/edge/pki',
        'service-user': 'SHINY_PORTAL',
      }),
    );
    await expectGolden('override-templates', rendered);
  });
});

describe('renderEdgeConfig behaviour', () => {
  test('settings are keyed by host and merged key by key over the defaults', async () => {
    const rendered = await renderInputs(
      inputsOf({ ...both, 'app-launcher-config': join(FIXTURES, 'templates/app-override.json.hbs') }),
    );
    const settings = JSON.parse(fileOf(rendered, OUTPUT_SETTINGS_FILE)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(settings)).toEqual(['apps.example.test', 'tools.example.test']);
    const app = settings['apps.example.test'];
    expect(app.serviceUser).toBe('PUBLISHER');
    expect(app.applicationsMode).toBe('folder');
    expect(app.anonymousAccess).toEqual({ role: 'ROLE_ANONYMOUS_USER', token: '', shareWithGroups: ['ROLE_ANONYMOUS_USER'] });
    expect(app.title).toBe('Apps on apps.example.test');
    expect(settings['tools.example.test']).toMatchObject({ applicationsMode: 'docker', tag: 'app_type', tagValue: 'tools.example.test', api: API });
  });

  test('each block is <host>.srv.conf, the file sync-routes edits, and carries the route marker last', async () => {
    const rendered = await renderInputs(inputsOf(both));
    expect(rendered.launchers.map((launcher) => launcher.file)).toEqual(['external-apps/apps.example.test.srv.conf', 'external-apps/tools.example.test.srv.conf']);
    for (const launcher of rendered.launchers) {
      const lines = fileOf(rendered, launcher.file).trimEnd().split('\n').map((line) => line.trim());
      // Inside the server block, as the last line before its closing brace (route.template.srv.conf:17).
      expect(lines.slice(-2)).toEqual([EDGE_ROUTE_MARKER, '}']);
      expect(lines.filter((line) => line === EDGE_ROUTE_MARKER)).toHaveLength(1);
      expect(lines).toContain('absolute_redirect off;');
    }
    expect(fileOf(rendered, 'external-apps/apps.example.test.srv.conf')).toContain('location /ext-js/ {');
    expect(fileOf(rendered, 'external-apps/tools.example.test.srv.conf')).not.toContain('/ext-js/');
  });

  test('each block carries its own types for what the launcher serves', async () => {
    const rendered = await renderInputs(inputsOf(both));
    const block = fileOf(rendered, 'external-apps/apps.example.test.srv.conf');
    const types = /\n\s*types \{\n([^}]*)\}/.exec(block)?.[1] ?? '';
    const byExtension = new Map(types.trim().split('\n').flatMap((line) => {
      const [type, ...extensions] = line.trim().replace(/;$/, '').split(/\s+/);
      return extensions.map((extension) => [extension, type] as const);
    }));
    expect(Object.fromEntries(['html', 'css', 'js', 'mjs', 'json', 'map', 'png', 'jpg', 'gif', 'svg', 'ico', 'webp', 'woff', 'woff2', 'ttf', 'txt', 'wasm'].map((e) => [e, byExtension.get(e)]))).toEqual({
      html: 'text/html', css: 'text/css', js: 'application/javascript', mjs: 'application/javascript', json: 'application/json', map: 'application/json',
      png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/x-icon', webp: 'image/webp',
      woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', txt: 'text/plain', wasm: 'application/wasm',
    });
  });

  test('hosts are lower-cased, as the launcher reads location.hostname', async () => {
    const rendered = await renderInputs(inputsOf({ ...both, 'app-launcher-host': 'Apps.Example.TEST' }));
    expect(rendered.hosts[0]).toBe('apps.example.test');
  });

  test('hosts fall back to the environment', async () => {
    const env = { CP_APPLICATION_LAUNCHER_EXTERNAL_HOST: 'env-apps.example.test', CP_API_SRV_EXTERNAL_HOST: 'cp.example.test', CP_API_SRV_EXTERNAL_PORT: '8443' };
    const rendered = await renderInputs(inputsOf({}, env), env);
    expect(rendered.hosts).toEqual(['env-apps.example.test']);
    expect(rendered.settings['env-apps.example.test'].api).toBe('https://cp.example.test:8443/pipeline/restapi');
  });

  test("certificate lines name the Edge's default pair with the marker, whatever cert-dir holds", async () => {
    const rendered = await renderInputs(inputsOf({ ...both, 'cert-dir': FIXTURES }));
    for (const launcher of rendered.launchers) {
      const lines = fileOf(rendered, launcher.file).split('\n').filter((line) => line.includes('ssl_certificate'));
      expect(lines.map((line) => line.trim())).toEqual([
        `ssl_certificate     /etc/edge/pki/ssl-public-cert.pem; ${EDGE_CERTIFICATE_MARKER}`,
        `ssl_certificate_key /etc/edge/pki/ssl-private-key.pem; ${EDGE_CERTIFICATE_MARKER}`,
      ]);
    }
  });

  test("the Edge's rule: the longest <name>-public-cert.pem ending the domain, with its key, else ssl-*", () => {
    const names = ['example.test-public-cert.pem', 'example.test-private-key.pem', 'apps.example.test-public-cert.pem', 'apps.example.test-private-key.pem', 'tools.example.test-public-cert.pem', 'ssl-public-cert.pem', 'ssl-private-key.pem'];
    expect(edgeCertificateFor('x.apps.example.test', names)).toEqual({ certificate: '/etc/edge/pki/apps.example.test-public-cert.pem', key: '/etc/edge/pki/apps.example.test-private-key.pem' });
    expect(edgeCertificateFor('apps.other.test', names)).toEqual({ certificate: '/etc/edge/pki/ssl-public-cert.pem', key: '/etc/edge/pki/ssl-private-key.pem' });
    // sync-routes.py:329-339: the longest name has no key, so the default pair is used, not the shorter example.test.
    expect(edgeCertificateFor('tools.example.test', names).certificate).toBe('/etc/edge/pki/ssl-public-cert.pem');
  });

  test('resolveCertificateLines rewrites only the two marked lines, keeping the line count', async () => {
    const rendered = await renderInputs(inputsOf(both));
    const block = fileOf(rendered, 'external-apps/apps.example.test.srv.conf');
    const resolved = resolveCertificateLines(block, { certificate: '/etc/edge/pki/apps.example.test-public-cert.pem', key: '/etc/edge/pki/apps.example.test-private-key.pem' });
    const changed = block.split('\n').map((line, index) => [line, resolved.split('\n')[index]]).filter(([before, after]) => before !== after);
    expect(resolved.split('\n')).toHaveLength(block.split('\n').length);
    expect(changed.map(([, after]) => after.trim())).toEqual([
      `ssl_certificate     /etc/edge/pki/apps.example.test-public-cert.pem; ${EDGE_CERTIFICATE_MARKER}`,
      `ssl_certificate_key /etc/edge/pki/apps.example.test-private-key.pem; ${EDGE_CERTIFICATE_MARKER}`,
    ]);
  });

  test("a distribution's templates replace the built-in defaults' values", async () => {
    const dist = await tempDir('dist');
    await mkdir(join(dist, 'quick-launcher/templates'), { recursive: true });
    await writeFile(join(dist, 'quick-launcher/templates/app-launcher.json.hbs'), '{ "title": "From the distribution", "tagValue": {{json host}} }');
    await writeFile(join(dist, 'quick-launcher/templates/tool-launcher.json.hbs'), '{ "title": "Tools" }');
    const rendered = await renderInputs(inputsOf({ ...both, distribution: dist }));
    expect(rendered.settings['apps.example.test']).toMatchObject({ title: 'From the distribution', applicationsMode: 'folder' });
    expect(rendered.settings['tools.example.test']).toMatchObject({ title: 'Tools', applicationsMode: 'docker' });
  });

  test('server blocks use only directives nginx 1.15.8 (the Edge) knows', async () => {
    const rendered = await renderInputs(inputsOf(both));
    const text = rendered.files.map((file) => String(file.content)).join('\n');
    for (const newer of [/^\s*http2\s+on/m, /ssl_reject_handshake/, /\bquic\b/, /http3/, /ssl_conf_command/, /proxy_half_close/]) {
      expect(text).not.toMatch(newer);
    }
  });
});
