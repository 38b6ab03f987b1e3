import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEdgeConfigFiles, collectPayloadFiles, withAnonymousToken } from '../../../src/actions/deploy-quick-launcher/collect.js';
import { storageInSettings } from '../../../src/actions/deploy-quick-launcher/app-config-storage.js';
import { InputError } from '../../../src/lib/errors.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { writeManifest } from '../../../src/lib/manifest.js';
import { writeOutputFolder } from '../../../src/lib/output-folder.js';
import { writeTarball } from '../../../src/lib/tarball.js';

const TOKEN = 'anon-token-5e1f0c9a';
const SETTINGS = {
  'app.example.test': { applicationsMode: 'folder', anonymousAccess: { role: 'ROLE_ANONYMOUS_USER', token: '' } },
  'tools.example.test': { applicationsMode: 'docker' },
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ql-collect-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function edgeConfig(): Promise<string> {
  const dir = join(root, 'edge-config');
  await writeOutputFolder(
    dir,
    [
      { path: 'external-apps/app.example.test.srv.conf', content: 'server {}\n' },
      { path: 'external-apps/tools.example.test.srv.conf', content: 'server {}\n' },
      { path: 'external-apps/quick-launcher/settings.json', content: JSON.stringify(SETTINGS) },
    ],
    { kind: 'edge-config', action: 'render-edge-config', inputsDigest: 'sha256:0' },
  );
  return dir;
}

async function distribution(entries: Array<{ path: string; content?: string; target?: string }>): Promise<string> {
  const dir = join(root, 'distribution');
  await mkdir(dir, { recursive: true });
  await writeTarball(
    join(dir, 'quick-launcher.1.0.0.tgz'),
    entries.map((entry) =>
      entry.target !== undefined ? { type: 'symlink' as const, path: entry.path, target: entry.target } : { type: 'file' as const, path: entry.path, content: Buffer.from(entry.content ?? '') },
    ),
    { mtime: 315532800 },
  );
  await writeManifest(dir, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: 'sha256:0' });
  return dir;
}

describe('withAnonymousToken', () => {
  it('sets the token in the app launcher entries only', () => {
    const result = withAnonymousToken(JSON.stringify(SETTINGS), TOKEN);
    expect(result.hosts).toEqual(['app.example.test']);
    expect(JSON.parse(result.text)).toEqual({
      'app.example.test': { applicationsMode: 'folder', anonymousAccess: { role: 'ROLE_ANONYMOUS_USER', token: TOKEN } },
      'tools.example.test': { applicationsMode: 'docker' },
    });
  });

  it("writes the service user's storage id where appConfigStorage is user_default_storage, and keeps a number the user gave", () => {
    const settings = {
      'app.example.test': { applicationsMode: 'folder', appConfigStorage: 'user_default_storage' },
      'app2.example.test': { applicationsMode: 'folder', appConfigStorage: 'USER_DEFAULT_STORAGE' },
      'fixed.example.test': { applicationsMode: 'folder', appConfigStorage: 1880 },
      'tools.example.test': { applicationsMode: 'docker', appConfigStorage: 'user_default_storage' },
    };
    const result = withAnonymousToken(JSON.stringify(settings), TOKEN, 42);
    expect(result.storageHosts).toEqual(['app.example.test', 'app2.example.test']);
    const written = JSON.parse(result.text) as Record<string, { appConfigStorage: unknown }>;
    expect(Object.fromEntries(Object.entries(written).map(([host, entry]) => [host, entry.appConfigStorage]))).toEqual({
      'app.example.test': 42,
      'app2.example.test': 42,
      'fixed.example.test': 1880,
      'tools.example.test': 'user_default_storage',
    });
    expect(withAnonymousToken(JSON.stringify(settings), TOKEN).storageHosts).toEqual([]);
    expect(storageInSettings(result.text)).toBe(42);
    expect(storageInSettings(JSON.stringify(settings))).toBe(1880);
    expect(storageInSettings('{')).toBeUndefined();
  });

  it('refuses settings that are not a JSON object, naming the input', () => {
    expect(() => withAnonymousToken('[1]', TOKEN)).toThrow(InputError);
    expect(() => withAnonymousToken('{', TOKEN)).toThrow(/^Input 'edge-config': external-apps\/quick-launcher\/settings.json is not valid JSON/);
  });
});

describe('collectPayloadFiles', () => {
  it('takes the server blocks, the settings as a secret and the launcher files', async () => {
    const files = await collectPayloadFiles(
      {
        edgeConfigDir: await edgeConfig(),
        distributionDir: await distribution([
          { path: 'quick-launcher/www/index.html', content: '<html/>' },
          { path: 'quick-launcher/www/js/app.js', content: 'app' },
          { path: 'quick-launcher/templates/app-launcher.json.hbs', content: '{}' },
        ]),
        anonymousToken: TOKEN,
      },
      new MemoryLogger(),
    );
    expect(files.map((file) => [file.path, file.secret]).sort()).toEqual([
      ['app.example.test.srv.conf', false],
      ['quick-launcher/settings.json', true],
      ['quick-launcher/www/index.html', false],
      ['quick-launcher/www/js/app.js', false],
      ['tools.example.test.srv.conf', false],
    ]);
    expect(files.find((file) => file.path === 'quick-launcher/settings.json')?.content.toString()).toContain(TOKEN);
  });

  it.each([
    ['a host of the settings without its block', ['quick-launcher/settings.json', 'app.example.test.srv.conf'], "external-apps/tools.example.test.srv.conf is missing: quick-launcher/settings.json names the launcher host tools.example.test"],
    [
      'an old <host>.conf beside the blocks',
      ['quick-launcher/settings.json', 'app.example.test.srv.conf', 'tools.example.test.srv.conf', 'app.example.test.conf'],
      'external-apps/app.example.test.conf is not the server block of a launcher host in quick-launcher/settings.json (expected app.example.test.srv.conf, tools.example.test.srv.conf)',
    ],
  ])('installs exactly the blocks the settings name: %s is an InputError', (_name, paths, message) => {
    expect(() => checkEdgeConfigFiles(paths, Object.keys(SETTINGS))).toThrow(new InputError('edge-config', `${message}${message.endsWith(')') ? '; render the folder again with this version of render-edge-config' : ", and the Edge needs its server block"}`));
  });

  it('refuses an edge-config folder whose manifest does not match its files', async () => {
    const dir = await edgeConfig();
    await writeFile(join(dir, 'external-apps/app.example.test.srv.conf'), 'server { altered }\n');
    await expect(collectPayloadFiles({ edgeConfigDir: dir, distributionDir: await distribution([]) }, new MemoryLogger())).rejects.toThrow(
      /^Input 'edge-config': .*app\.example\.test\.srv\.conf does not match its sha256 in manifest\.json/,
    );
  });

  it('refuses a distribution without the launcher or with a link in it', async () => {
    const dir = await edgeConfig();
    await expect(collectPayloadFiles({ edgeConfigDir: dir, distributionDir: await distribution([{ path: 'other/x', content: 'x' }]) }, new MemoryLogger())).rejects.toThrow(
      "Input 'distribution': quick-launcher.1.0.0.tgz has no quick-launcher/www/index.html",
    );
    await rm(join(root, 'distribution'), { recursive: true });
    await expect(
      collectPayloadFiles(
        { edgeConfigDir: dir, distributionDir: await distribution([{ path: 'quick-launcher/www/index.html', content: 'x' }, { path: 'quick-launcher/www/link', target: '/etc/passwd' }]) },
        new MemoryLogger(),
      ),
    ).rejects.toThrow("Input 'distribution': quick-launcher.1.0.0.tgz: quick-launcher/www/link is a SymbolicLink, not a regular file");
  });
});
