import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InstallerFixture } from '../actions/deploy-quick-launcher/installer-fixture.js';

/**
 * Issue 12 finding 3: a launcher host chosen to equal an existing external app's server block
 * (`<host>.srv.conf`) must not let the deploy replace, back up over, or later remove that app's
 * file. The installer refuses, naming the host and the file, before anything changes.
 */

const VICTIM = 'server {\n  listen 127.0.0.1:18997;\n  server_name billing.example.test;\n  root /srv/billing;\n}\n';
const LAUNCHER = 'server {\n  listen 127.0.0.1:18997;\n  server_name billing.example.test;\n  root /srv/quick-launcher;\n}\n';

let fixture: InstallerFixture;
beforeEach(async () => {
  fixture = await InstallerFixture.create('sh');
  await fixture.write('billing.example.test.srv.conf', VICTIM);
});
afterEach(async () => fixture.cleanup());

describe('installer and an unmanaged external app with the same file name', () => {
  it('a launcher host whose server block is another app\'s file is an error naming the host and the file; nothing changes', async () => {
    const payload = await fixture.payload({ 'billing.example.test.srv.conf': LAUNCHER, 'quick-launcher/settings.json': '{}' });
    const result = await fixture.run('install', payload, { QL_NGINX: 'off' });
    expect(result.status).toBe(8);
    expect(result.stderr).toContain(`launcher host billing.example.test: ${join(fixture.host, 'billing.example.test.srv.conf')} already exists and was not installed by quick-launcher`);
    expect(await fixture.snapshot()).toEqual({ 'billing.example.test.srv.conf': VICTIM });
    // No manifest, no backup: a later restore has nothing that could remove the app's file.
    expect(await readdir(join(fixture.host, '.quick-launcher', 'backups'))).toEqual([]);
    expect((await fixture.run('restore')).status).toBe(6);
    expect(await fixture.read('billing.example.test.srv.conf')).toBe(VICTIM);
  });

  it('a file the installer created is still replaced and removed as before, the other app untouched', async () => {
    const first = await fixture.payload({ 'apps.example.test.srv.conf': LAUNCHER.replace('billing', 'apps') });
    expect((await fixture.run('install', first, { QL_NGINX: 'off' })).status).toBe(0);
    const second = await fixture.payload({ 'apps2.example.test.srv.conf': LAUNCHER.replace('billing', 'apps2') });
    expect((await fixture.run('install', second, { QL_NGINX: 'off' })).status).toBe(0);
    expect(await fixture.snapshot()).toEqual({ 'billing.example.test.srv.conf': VICTIM, 'apps2.example.test.srv.conf': LAUNCHER.replace('billing', 'apps2') });
  });
});
