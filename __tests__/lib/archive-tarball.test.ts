import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { readArchiveFile } from '../../src/lib/archive.js';
import { sha256File } from '../../src/lib/digest.js';
import { FALLBACK_EPOCH, type TarEntry, entriesOfFolder, normalizeEntries, writeTarball } from '../../src/lib/tarball.js';

interface Listed {
  path: string;
  type: string;
  mode?: number;
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
  mtime?: Date;
  linkpath?: string;
}

async function listEntries(file: string): Promise<Listed[]> {
  const found: Listed[] = [];
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const { path, type, mode, uid, gid, uname, gname, mtime, linkpath } = entry;
      found.push({ path, type, mode, uid, gid, uname, gname, mtime, linkpath });
      entry.resume();
    },
  });
  return found;
}

describe('writeTarball', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qla-tarball-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const entries: TarEntry[] = [
    { type: 'file', path: 'b/script.sh', content: Buffer.from('#!/bin/sh\n'), executable: true },
    { type: 'file', path: 'a.txt', content: Buffer.from('a') },
    { type: 'symlink', path: 'b/link', target: 'script.sh' },
  ];

  it('writes sorted entries with parents, owner 0 and no names, normalized modes and one mtime', async () => {
    const file = join(dir, 'one.tgz');
    await writeTarball(file, entries, { mtime: 1_234_567_890 });
    const listed = await listEntries(file);
    expect(listed.map((entry) => entry.path)).toEqual(['a.txt', 'b/', 'b/link', 'b/script.sh']);
    for (const entry of listed) {
      expect(entry).toMatchObject({ uid: 0, gid: 0, uname: '', gname: '' });
      expect(entry.mtime?.getTime()).toBe(1_234_567_890_000);
    }
    expect(listed.map((entry) => entry.mode)).toEqual([0o644, 0o755, 0o777, 0o755]);
    expect(listed[2]).toMatchObject({ type: 'SymbolicLink', linkpath: 'script.sh' });
  });

  it('writes a fixed gzip header: no name, mtime 0, OS byte 3', async () => {
    const file = join(dir, 'header.tgz');
    await writeTarball(file, entries, { mtime: FALLBACK_EPOCH });
    const head = (await readFile(file)).subarray(0, 10);
    expect([...head]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
  });

  it('gives the same bytes whatever the order of the entries, and other bytes for another mtime', async () => {
    await writeTarball(join(dir, 'x.tgz'), entries, { mtime: 1 });
    await writeTarball(join(dir, 'y.tgz'), [...entries].reverse(), { mtime: 1 });
    await writeTarball(join(dir, 'z.tgz'), entries, { mtime: 2 });
    expect(await sha256File(join(dir, 'x.tgz'))).toBe(await sha256File(join(dir, 'y.tgz')));
    expect(await sha256File(join(dir, 'z.tgz'))).not.toBe(await sha256File(join(dir, 'x.tgz')));
  });

  it('keeps paths longer than ustar allows through a PAX record', async () => {
    const long = `${'deep/'.repeat(40)}file.txt`;
    const file = join(dir, 'long.tgz');
    await writeTarball(file, [{ type: 'file', path: long, content: Buffer.from('long') }], { mtime: 1 });
    expect(await readArchiveFile(file, long)).toEqual(Buffer.from('long'));
    expect((await listEntries(file)).filter((entry) => entry.type === 'File').map((entry) => entry.path)).toEqual([long]);
  });

  it('normalizes modes of files read from disk, keeping the executable bit', async () => {
    const tree = join(dir, 'tree');
    await mkdir(join(tree, 'bin'), { recursive: true });
    await writeFile(join(tree, 'bin/run'), 'run');
    await chmod(join(tree, 'bin/run'), 0o700);
    await writeFile(join(tree, 'private.txt'), 'p');
    await chmod(join(tree, 'private.txt'), 0o600);
    await symlink('bin/run', join(tree, 'run'));
    const found = await entriesOfFolder(tree, 'root');
    expect(found.map((entry) => entry.path)).toEqual(['root/bin', 'root/bin/run', 'root/private.txt', 'root/run']);
    const file = join(dir, 'tree.tgz');
    await writeTarball(file, found, { mtime: 1 });
    const modes = Object.fromEntries((await listEntries(file)).map((entry) => [entry.path, entry.mode]));
    expect(modes).toEqual({ 'root/': 0o755, 'root/bin/': 0o755, 'root/bin/run': 0o755, 'root/private.txt': 0o644, 'root/run': 0o777 });
  });

  it('lets a later entry replace an earlier one with the same path', () => {
    const sorted = normalizeEntries([
      { type: 'file', path: 'x/a', content: Buffer.from('1') },
      { type: 'file', path: 'x/a', content: Buffer.from('2') },
    ]);
    expect(sorted).toEqual([
      { type: 'directory', path: 'x' },
      { type: 'file', path: 'x/a', content: Buffer.from('2') },
    ]);
  });
});
