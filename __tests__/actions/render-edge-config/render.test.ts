import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { EDGE_ROUTE_MARKER } from '../../../src/lib/edge-layout.js';
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

  test('only the app launcher block carries the route marker and serves /ext-js/', async () => {
    const rendered = await renderInputs(inputsOf(both));
    const app = fileOf(rendered, 'external-apps/apps.example.test.conf');
    const tool = fileOf(rendered, 'external-apps/tools.example.test.conf');
    expect(app.split('\n').map((line) => line.trim())).toContain(EDGE_ROUTE_MARKER);
    expect(app).toContain('location /ext-js/ {');
    expect(tool).not.toContain(EDGE_ROUTE_MARKER);
    expect(tool).not.toContain('/ext-js/');
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

  test('the certificate with the longest matching suffix wins, else ssl-*.pem', async () => {
    const names = ['example.test-public-cert.pem', 'example.test-private-key.pem', 'apps.example.test-public-cert.pem', 'apps.example.test-private-key.pem', 'tools.example.test-public-cert.pem'];
    const rendered = await renderInputs(inputsOf({ ...both, 'app-launcher-host': 'x.apps.example.test' }), {}, names);
    expect(rendered.launchers.map((launcher) => launcher.certificate.certificate)).toEqual([
      '/etc/edge/pki/apps.example.test-public-cert.pem',
      // tools.example.test has no private key beside its certificate: the shorter suffix is used.
      '/etc/edge/pki/example.test-public-cert.pem',
    ]);
    const other = await renderInputs(inputsOf({ ...both, 'app-launcher-host': 'apps.other.test' }), {}, names);
    expect(other.launchers[0].certificate).toEqual({ certificate: '/etc/edge/pki/ssl-public-cert.pem', key: '/etc/edge/pki/ssl-private-key.pem' });
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
