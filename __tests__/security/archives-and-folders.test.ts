// Attacks on what the actions write (red-team findings 4 and 10):
// - a symbolic link in the tree being archived that points outside it (absolute or through '..')
//   was archived, and the distribution was then refused by its own reader;
// - an output folder holding a valid manifest and a file of the user's beside it lost that file
//   when the action replaced the folder.
import { beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/lib/errors.js';
import { writeOutputFolder } from '../../src/lib/output-folder.js';
import { entriesOfFolder, writeTarball } from '../../src/lib/tarball.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'qla-security-'));
});

describe('a symbolic link that leaves the archived tree', () => {
  test.each([
    ['absolute', '/etc/passwd'],
    ['through ..', '../../outside.txt'],
    ['to the folder above the tree', '../..'],
  ])('is refused at build time, naming the entry (%s)', async (_name, target) => {
    const tree = join(root, 'tree');
    await mkdir(join(tree, 'www'), { recursive: true });
    await writeFile(join(tree, 'www', 'index.html'), '<html></html>');
    await symlink(target, join(tree, 'www', 'escape'));
    await expect(entriesOfFolder(tree, 'quick-launcher')).rejects.toThrow(`${join(tree, 'www', 'escape')}: is a symbolic link to '${target}', outside the folder being archived`);
  });

  test('a link that stays inside is archived as a link', async () => {
    const tree = join(root, 'tree');
    await mkdir(join(tree, 'css'), { recursive: true });
    await writeFile(join(tree, 'css', 'bundle.css'), 'body {}');
    await symlink('css/bundle.css', join(tree, 'style.css'));
    const entries = await entriesOfFolder(tree, 'quick-launcher');
    expect(entries).toContainEqual({ type: 'symlink', path: 'quick-launcher/style.css', target: 'css/bundle.css' });
    await writeTarball(join(root, 'out.tgz'), entries, { mtime: 0 });
    expect(existsSync(join(root, 'out.tgz'))).toBe(true);
  });
});

describe("an earlier output folder with a file of the user's beside it", () => {
  const header = { kind: 'edge-config', action: 'render-edge-config', inputsDigest: 'sha256:1' };

  test('is not replaced, and the file survives', async () => {
    const dir = join(root, 'out');
    await writeOutputFolder(dir, [{ path: 'external-apps/a.srv.conf', content: 'server {}' }], header);
    await writeFile(join(dir, 'external-apps', 'my-notes.txt'), 'mine');
    const attempt = writeOutputFolder(dir, [{ path: 'external-apps/b.srv.conf', content: 'server {}' }], header);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(writeOutputFolder(dir, [], header)).rejects.toThrow(`${join(dir, 'external-apps', 'my-notes.txt')} is not part of the earlier 'edge-config' output`);
    expect(await readFile(join(dir, 'external-apps', 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(dir, 'external-apps', 'a.srv.conf'), 'utf8')).toBe('server {}');
  });

  test('a link planted in it is refused too, naming the input', async () => {
    const dir = join(root, 'out');
    await writeOutputFolder(dir, [{ path: 'settings.json', content: '{}' }], header);
    await symlink('/etc/passwd', join(dir, 'planted'));
    await expect(writeOutputFolder(dir, [], header, 'output-dir')).rejects.toThrow(/^Input 'output-dir': .*planted.*refusing to replace the folder/);
  });
});
