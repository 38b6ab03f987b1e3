import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeWith } from '../../helpers/services.js';
import { InstallerFixture } from './installer-fixture.js';

const CONF_V1 = 'server {\n  listen 127.0.0.1:18999;\n  server_name app.example.test;\n  root /srv/v1;\n}\n';
const CONF_V2 = 'server {\n  listen 127.0.0.1:18999;\n  server_name app.example.test;\n  root /srv/v2;\n}\n';
const UNRELATED = 'server { listen 127.0.0.1:18998; server_name other.example.test; }\n';

let fixture: InstallerFixture;
afterEach(async () => fixture.cleanup());

async function start(shell: 'sh' | 'busybox' = 'sh'): Promise<void> {
  fixture = await InstallerFixture.create(shell);
  await fixture.write('other-app.conf', UNRELATED);
  await fixture.write('other-app/index.html', 'other');
}

// busybox-static is installed by CI: there the minimal-image run is required, elsewhere optional.
// The installer runs under the Edge image's shell; busybox stands for a minimal image. Without
// busybox on PATH its variant shows as skipped (and fails under CI, which installs busybox-static).
const SHELLS = ['sh', 'busybox'] as const;
const describeFor = (shell: (typeof SHELLS)[number]) => (shell === 'busybox' ? describeWith(['busybox']) : describe);

function v1(): Record<string, string> {
  return {
    'app.example.test.conf': CONF_V1,
    'quick-launcher/settings.json': '{"app.example.test":{"anonymousAccess":{"token":"t1"}}}',
    'quick-launcher/www/index.html': '<html>v1</html>',
    'quick-launcher/www/js/old.js': 'old',
  };
}

for (const shell of SHELLS) describeFor(shell)(`installer script alone (${shell} against a temp folder)`, () => {
  beforeEach(async () => start(shell));

  it('installs the set, records its manifest and leaves other apps alone', async () => {
    const payload = await fixture.payload(v1(), { secret: ['quick-launcher/settings.json'] });
    const result = await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('installed 4 files');
    expect(await fixture.snapshot()).toEqual({ ...v1(), 'other-app.conf': UNRELATED, 'other-app/index.html': 'other' });
    const manifest = await readFile(join(fixture.host, '.quick-launcher', 'manifest'), 'utf8');
    expect(manifest.trim().split('\n').map((line) => line.slice(66))).toEqual(Object.keys(v1()).sort());
    expect((await readFile(join(fixture.host, '.quick-launcher', 'digest'), 'utf8')).trim()).toBe(payload.digest);
  });

  it('reassembles files split over many chunks and objects', async () => {
    const big = randomBytes(300_000);
    const payload = await fixture.payload(
      { 'quick-launcher/www/big.bin': big, 'quick-launcher/www/index.html': 'x' },
      { limits: { chunkBytes: 40_000, objectBytes: 120_000 } },
    );
    expect((await fixture.run('install', payload, { QL_NGINX: 'off' })).status).toBe(0);
    expect((await readFile(join(fixture.host, 'quick-launcher/www/big.bin'))).equals(big)).toBe(true);
  });

  it('gathers the payload from one folder per object (QL_PAYLOAD_DIRS, as the Job mounts them)', async () => {
    const payload = await fixture.payload(v1(), { secret: ['quick-launcher/settings.json'] });
    const dirs = ['cm-0', 'secret-0'].map((id) => join(payload.dir, id)).join(' ');
    const result = await fixture.run('install', { ...payload, dir: '' }, { QL_NGINX: 'off', QL_PAYLOAD: '', QL_PAYLOAD_DIRS: dirs });
    expect(result.stderr).toBe('');
    expect(await fixture.read('quick-launcher/settings.json')).toContain('"t1"');
  });

  it('a second install of the same content changes nothing and makes no backup', async () => {
    const payload = await fixture.payload(v1());
    await fixture.run('install', payload, { QL_NGINX: 'off' });
    const before = await fixture.snapshot({ withState: true });
    const again = await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already installed');
    expect(await fixture.snapshot({ withState: true })).toEqual(before);
  });

  it('swaps in a new set: changed files replaced, dropped files removed, backup taken', async () => {
    await fixture.run('install', await fixture.payload(v1()), { QL_NGINX: 'off' });
    const next = { 'app.example.test.conf': CONF_V2, 'quick-launcher/settings.json': '{}', 'quick-launcher/www/index.html': '<html>v2</html>' };
    const result = await fixture.run('install', await fixture.payload(next), { QL_NGINX: 'off' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('removed 1');
    expect(await fixture.snapshot()).toEqual({ ...next, 'other-app.conf': UNRELATED, 'other-app/index.html': 'other' });
    const backups = await fixture.backups();
    expect(backups).toHaveLength(2);
    const latest = join(fixture.host, '.quick-launcher', 'backups', backups[1], 'files');
    expect(await readFile(join(latest, 'quick-launcher/www/js/old.js'), 'utf8')).toBe('old');
    expect(await readFile(join(latest, 'app.example.test.conf'), 'utf8')).toBe(CONF_V1);
  });

  it('restore puts back the previous set and removes files it did not have', async () => {
    await fixture.run('install', await fixture.payload(v1()), { QL_NGINX: 'off' });
    const afterFirst = await fixture.snapshot();
    const next = { 'app.example.test.conf': CONF_V2, 'quick-launcher/www/new.js': 'new' };
    const second = await fixture.payload(next);
    await fixture.run('install', second, { QL_NGINX: 'off' });
    const restored = await fixture.run('restore', undefined, { QL_DIGEST: second.digest });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(await fixture.snapshot()).toEqual(afterFirst);
    // Restoring again over content that is not the expected digest is refused.
    const twice = await fixture.run('restore', undefined, { QL_DIGEST: second.digest });
    expect(twice.status).toBe(7);
    expect(await fixture.snapshot()).toEqual(afterFirst);
  });

  it('restore of the first install removes every managed file and leaves the other apps', async () => {
    const payload = await fixture.payload(v1());
    await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect((await fixture.run('restore', undefined, { QL_DIGEST: payload.digest })).status).toBe(0);
    expect(await fixture.snapshot()).toEqual({ 'other-app.conf': UNRELATED, 'other-app/index.html': 'other' });
  });

  it('a new file whose path another app holds is refused with its own exit code, nothing changed', async () => {
    await fixture.write('app.example.test.conf', 'hand-made');
    const before = await fixture.snapshot({ withState: true });
    const result = await fixture.run('install', await fixture.payload(v1()), { QL_NGINX: 'off' });
    expect(result.status).toBe(8);
    expect(result.stderr).toContain('app.example.test.conf already exists and was not installed by quick-launcher');
    expect(await fixture.snapshot({ withState: true })).toEqual({ ...before });
  });

  it('restore with no backup fails with its own exit code', async () => {
    const result = await fixture.run('restore');
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('no backup');
  });

  it('keeps only the last QL_KEEP backups', async () => {
    for (let round = 0; round < 5; round++) {
      const payload = await fixture.payload({ 'a.conf': `# round ${round}\n` });
      expect((await fixture.run('install', payload, { QL_NGINX: 'off', QL_KEEP: '2' })).status).toBe(0);
    }
    const backups = await fixture.backups();
    expect(backups).toHaveLength(2);
    expect(backups.map((name) => name.slice(0, 6))).toEqual(['000004', '000005']);
    const newest = join(fixture.host, '.quick-launcher', 'backups', backups[1], 'files', 'a.conf');
    expect(await readFile(newest, 'utf8')).toBe('# round 3\n');
  });

  it('an altered chunk fails with the checksum exit code before anything changes', async () => {
    await fixture.run('install', await fixture.payload(v1()), { QL_NGINX: 'off' });
    const before = await fixture.snapshot({ withState: true });
    const payload = await fixture.payload({ 'app.example.test.conf': CONF_V2 });
    await writeFile(join(payload.dir, 'cm-0', 'f00000.c0000'), 'tampered');
    const result = await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('app.example.test.conf: chunk cm-0/f00000.c0000 has sha256');
    expect(await fixture.snapshot({ withState: true })).toEqual(before);
  });

  it('a missing chunk fails with the checksum exit code', async () => {
    const payload = await fixture.payload({ 'app.example.test.conf': CONF_V2 });
    await writeFile(payload.index, `${await readFile(payload.index, 'utf8')}chunk ${'0'.repeat(64)} cm-0/nope\n`);
    expect((await fixture.run('install', payload, { QL_NGINX: 'off' })).status).toBe(3);
  });

  it('refuses index paths that leave the host folder', async () => {
    const payload = await fixture.payload({ 'a.conf': 'x' });
    await writeFile(payload.index, `file ${'0'.repeat(64)} ../escape.conf\n`);
    const result = await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("refusing path '../escape.conf'");
  });

  it('fails with the usage exit code without QL_HOST or with a bad QL_KEEP', async () => {
    expect((await fixture.run('install', undefined, { QL_HOST: '' })).status).toBe(2);
    expect((await fixture.run('install', await fixture.payload({ 'a.conf': 'x' }), { QL_KEEP: 'many' })).status).toBe(2);
    expect((await fixture.run('upgrade')).status).toBe(2);
  });
});

const SRV = (extra = ''): string =>
  'server {\n  listen 127.0.0.1:18999 ssl;\n  server_name apps.dept.example.test;\n' +
  '  ssl_certificate /etc/edge/pki/ssl-public-cert.pem; # quick-launcher:edge-certificate\n' +
  '  ssl_certificate_key /etc/edge/pki/ssl-private-key.pem; # quick-launcher:edge-certificate\n' +
  `  # {edge_route_location_block}\n${extra}  location / { root /srv; }\n}\n`;
const ROUTE = '  include /etc/nginx/sites-enabled/custom-domains/pipeline-42-8080-0.loc.conf; # CP_EDGE_CUSTOM_DOMAIN\n';

for (const shell of SHELLS) describeFor(shell)(`installer script and the Edge (${shell})`, () => {
  beforeEach(async () => start(shell));

  async function pki(names: string[]): Promise<string> {
    const dir = join(fixture.root, 'pki');
    await mkdir(dir, { recursive: true });
    for (const name of names) await writeFile(join(dir, name), 'pem');
    return dir;
  }

  it.each([
    ['the longest suffix that ends the server name', ['ssl-public-cert.pem', 'ssl-private-key.pem', 'example.test-public-cert.pem', 'example.test-private-key.pem', 'dept.example.test-public-cert.pem', 'dept.example.test-private-key.pem'], 'dept.example.test'],
    ['the default pair when the longest match has no key', ['ssl-public-cert.pem', 'ssl-private-key.pem', 'dept.example.test-public-cert.pem'], 'ssl'],
    ['the default pair when no suffix matches', ['ssl-public-cert.pem', 'ssl-private-key.pem', 'other.test-public-cert.pem', 'other.test-private-key.pem'], 'ssl'],
  ])('resolves the marked certificate lines by the Edge rule: %s', async (_name, files, chosen) => {
    const payload = await fixture.payload({ 'apps.dept.example.test.srv.conf': SRV() });
    const result = await fixture.run('install', payload, { QL_NGINX: 'off', QL_PKI: await pki(files) });
    expect(result.stderr).toBe('');
    const placed = await fixture.read('apps.dept.example.test.srv.conf');
    expect(placed).toContain(`  ssl_certificate /etc/edge/pki/${chosen}-public-cert.pem; # quick-launcher:edge-certificate\n`);
    expect(placed).toContain(`  ssl_certificate_key /etc/edge/pki/${chosen}-private-key.pem; # quick-launcher:edge-certificate\n`);
    // The manifest records what was placed, so the next identical install is a no-op.
    const again = await fixture.run('install', payload, { QL_NGINX: 'off', QL_PKI: join(fixture.root, 'pki') });
    expect(again.stdout).toContain('is already installed');
  });

  it('with QL_KEEP_ROUTES=1 (direct layout) a replaced server block keeps the live run routes after the marker', async () => {
    await fixture.run('install', await fixture.payload({ 'apps.dept.example.test.srv.conf': SRV() }), { QL_NGINX: 'off' });
    // sync-routes inserts after the marker and rewrites the file without a final newline.
    const live = (await fixture.read('apps.dept.example.test.srv.conf')).replace('# {edge_route_location_block}\n', `# {edge_route_location_block}\n${ROUTE}`).replace(/\n$/, '');
    await fixture.write('apps.dept.example.test.srv.conf', live);
    const next = await fixture.payload({ 'apps.dept.example.test.srv.conf': SRV('  location /v2 { root /srv; }\n') });
    expect((await fixture.run('install', next, { QL_NGINX: 'off', QL_KEEP_ROUTES: '1' })).status).toBe(0);
    expect(await fixture.read('apps.dept.example.test.srv.conf')).toBe(SRV(`${ROUTE}  location /v2 { root /srv; }\n`));
  });

  it('without QL_KEEP_ROUTES route lines never reach the host folder, and route lines do not make the content look changed', async () => {
    const payload = await fixture.payload({ 'apps.dept.example.test.srv.conf': SRV(ROUTE) });
    expect((await fixture.run('install', payload, { QL_NGINX: 'off' })).status).toBe(0);
    expect(await fixture.read('apps.dept.example.test.srv.conf')).toBe(SRV());
    await fixture.write('apps.dept.example.test.srv.conf', SRV(ROUTE).replace(/\n$/, ''));
    expect((await fixture.run('install', payload, { QL_NGINX: 'off' })).stdout).toContain('is already installed');
  });

  it('works in its own folder per run and leaves none behind', async () => {
    const other = join(fixture.host, '.quick-launcher', 'work.1');
    await mkdir(other, { recursive: true });
    await writeFile(join(other, 'new'), 'another installer is using this');
    const result = await fixture.run('install', await fixture.payload(v1()), { QL_NGINX: 'off' });
    expect(result.status).toBe(0);
    expect(await readFile(join(other, 'new'), 'utf8')).toBe('another installer is using this');
    expect((await readdir(join(fixture.host, '.quick-launcher'))).sort()).toEqual(['backups', 'digest', 'manifest', 'work.1']);
  });
});

describeWith(['nginx'])('installer script with nginx on PATH', () => {
  beforeEach(async () => start());

  it('runs nginx -t on the new server blocks and accepts a valid set', async () => {
    const result = await fixture.run('install', await fixture.payload(v1()));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('nginx -t accepted');
  });

  it('fails with the nginx exit code before the swap when nginx rejects a block', async () => {
    await fixture.run('install', await fixture.payload(v1()));
    const before = await fixture.snapshot({ withState: true });
    const result = await fixture.run('install', await fixture.payload({ ...v1(), 'app.example.test.conf': 'server { locaton / {} }\n' }));
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('unknown directive "locaton" in external-apps/app.example.test.conf:1');
    expect(await fixture.snapshot({ withState: true })).toEqual(before);
  });
});

describeWith(['nginx', 'openssl'])('installer script: nginx -t with the Edge certificates', () => {
  beforeEach(async () => start());

  it('tests the marked certificate lines against QL_PKI, where the Job mounts the Edge pki, and writes the Edge path', async () => {
    const pki = join(fixture.root, 'pki');
    await mkdir(pki, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=example.test', '-keyout', join(pki, 'example.test-private-key.pem'), '-out', join(pki, 'example.test-public-cert.pem')], { stdio: 'ignore' });
    const block = SRV().replace('listen 127.0.0.1:18999 ssl;', 'listen 127.0.0.1:18997 ssl;');
    const result = await fixture.run('install', await fixture.payload({ 'apps.dept.example.test.srv.conf': block }), { QL_PKI: pki });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('nginx -t accepted');
    expect(await fixture.read('apps.dept.example.test.srv.conf')).toContain('ssl_certificate /etc/edge/pki/example.test-public-cert.pem; # quick-launcher:edge-certificate');
    // Without the key the Edge's rule falls back to ssl-*.pem, which this pki lacks: nginx -t says so.
    await rm(join(pki, 'example.test-private-key.pem'));
    const missing = await fixture.run('install', await fixture.payload({ 'apps.dept.example.test.srv.conf': block.replace('/srv;', '/srv/v2;') }), { QL_PKI: pki });
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('ssl-public-cert.pem');
  });
});

