import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntryChecker, checkFolder, extractArchiveSafely, readTreeFile } from '../../src/lib/safe-extract.js';
import { writeTarball } from '../../src/lib/tarball.js';

describe('EntryChecker', () => {
  const limits = { maxEntrySize: 100, maxTotalSize: 150, maxEntries: 3 };

  it('normalizes ./ prefixes and accepts links that stay inside the tree', () => {
    const checker = new EntryChecker('d.tgz', limits);
    expect(checker.check({ path: './bin/a.jar', type: 'File', size: 10 })).toBe('bin/a.jar');
    expect(checker.check({ path: 'bin/latest.jar', type: 'SymbolicLink', size: 0, linkpath: '../bin/a.jar' })).toBe('bin/latest.jar');
    expect(checker.check({ path: './', type: 'Directory', size: 0 })).toBe('');
  });

  it.each([
    [{ path: 'big', type: 'File', size: 101 }, "d.tgz: entry 'big' is oversize (101 bytes; the limit is 100)"],
    [{ path: 'x', type: 'GNUDumpDir', size: 0 }, "d.tgz: entry 'x' has an unsupported type (GNUDumpDir)"],
    [{ path: 'l', type: 'SymbolicLink', size: 0, linkpath: '' }, "d.tgz: entry 'l' is a link to '' outside the tree"],
    [{ path: 'b', type: 'SymbolicLink', size: 0, linkpath: '..' }, "d.tgz: entry 'b' is a link to '..' outside the tree"],
    [{ path: 'a/b/l', type: 'SymbolicLink', size: 0, linkpath: '../../../x' }, "d.tgz: entry 'a/b/l' is a link to '../../../x' outside the tree"],
  ])('refuses %j', (facts, message) => {
    const checker = new EntryChecker('d.tgz', limits);
    expect(() => checker.check(facts)).toThrow(message);
  });

  it("accepts a link to the tree's root from a sub-folder", () => {
    expect(new EntryChecker('d.tgz', limits).check({ path: 'a/l', type: 'SymbolicLink', size: 0, linkpath: '..' })).toBe('a/l');
  });

  it('refuses the entry that takes the total size or the count past the limit', () => {
    const checker = new EntryChecker('d.tgz', limits);
    checker.check({ path: 'a', type: 'File', size: 100 });
    expect(() => checker.check({ path: 'b', type: 'File', size: 60 })).toThrow("entry 'b' takes the total size past 150 bytes");
    const counting = new EntryChecker('d.tgz', limits);
    for (const path of ['a', 'b', 'c']) counting.check({ path, type: 'File', size: 1 });
    expect(() => counting.check({ path: 'd', type: 'File', size: 1 })).toThrow("entry 'd' takes the entry count past 3");
  });
});

describe('extractArchiveSafely and checkFolder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qla-safe-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('extracts a safe archive with a link inside the tree', async () => {
    const file = join(dir, 'ok.tgz');
    await writeTarball(
      file,
      [
        { type: 'file', path: 'bin/a.jar', content: Buffer.from('jar') },
        { type: 'symlink', path: 'bin/current.jar', target: 'a.jar' },
      ],
      { mtime: 1 },
    );
    const dest = join(dir, 'ok');
    expect(await extractArchiveSafely(file, dest)).toEqual(['bin', 'bin/a.jar', 'bin/current.jar']);
    expect(await readFile(join(dest, 'bin/a.jar'), 'utf8')).toBe('jar');
    expect(await readlink(join(dest, 'bin/current.jar'))).toBe('a.jar');
  });

  it('refuses a folder holding a FIFO or a link out of it, naming the entry', async () => {
    const folder = join(dir, 'folder');
    await mkdir(join(folder, 'bin'), { recursive: true });
    await writeFile(join(folder, 'bin/a.jar'), 'jar');
    await symlink('../../..', join(folder, 'bin/up'));
    await expect(checkFolder(folder)).rejects.toThrow(`${folder}: entry 'bin/up' is a link to '../../..' outside the tree`);
    await rm(join(folder, 'bin/up'));
    execFileSync('mkfifo', [join(folder, 'bin/pipe')]);
    await expect(checkFolder(folder)).rejects.toThrow(`${folder}: entry 'bin/pipe' is a device or FIFO (FIFO)`);
  });
});

describe('readTreeFile', () => {
  let tree: string;
  beforeAll(async () => {
    tree = await mkdtemp(join(tmpdir(), 'qla-tree-file-'));
    await mkdir(join(tree, 'a', 'b'), { recursive: true });
    await writeFile(join(tree, 'a', 'b', 'file.txt'), 'content');
    await writeFile(join(tree, 'a', 'plain'), 'not a folder');
  });
  afterAll(async () => rm(tree, { recursive: true, force: true }));

  it('reads a regular file through real folders', async () => {
    expect((await readTreeFile(tree, 'a/b/file.txt'))?.toString()).toBe('content');
    expect((await readTreeFile(tree, './a//b/file.txt'))?.toString()).toBe('content');
  });

  it.each(['a/b/absent.txt', 'absent/file.txt', 'a/plain/file.txt'])('is undefined when %s does not exist', async (path) => {
    expect(await readTreeFile(tree, path)).toBeUndefined();
  });

  it.each([
    ['../outside', "entry '../outside' has a '..' segment in its path"],
    ['/etc/passwd', "entry '/etc/passwd' has an absolute path"],
    ['a/b', "entry 'a/b' is not a regular file"],
  ])('refuses %s, naming the entry', async (path, message) => {
    await expect(readTreeFile(tree, path)).rejects.toThrow(`${tree}: ${message}`);
  });

  it('refuses an oversize file', async () => {
    await expect(readTreeFile(tree, 'a/b/file.txt', { maxEntrySize: 3, maxTotalSize: 10, maxEntries: 10 })).rejects.toThrow("entry 'a/b/file.txt' is oversize (7 bytes; the limit is 3)");
  });
});
