import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header, type HeaderData, Pax } from 'tar';
import { buildDistWithLauncher } from '../../../src/actions/build-dist-with-launcher/execute.js';
import { type Workspace, calls, depsFor, inputsFor, workspace } from './helpers.js';

/** One raw tar entry: a header as written, optional PAX record before it, and its data. */
interface RawEntry {
  header: HeaderData;
  pax?: HeaderData;
  data?: Buffer;
}

/** Builds tar bytes by hand so that the test can write what no well-behaved packer would. */
function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    if (entry.pax) blocks.push(new Pax(entry.pax).encode());
    const data = entry.data ?? Buffer.alloc(0);
    const header = new Header({ mode: 0o644, mtime: new Date(0), size: data.length, type: 'File', ...entry.header });
    header.encode();
    blocks.push(header.block as Buffer);
    if (data.length > 0) blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Longer than a ustar name, so it travels in a GNU long-name record. */
const GNU_EVIL = `${'x/'.repeat(60)}${'../'.repeat(61)}gnu-evil.txt`;

const benign: RawEntry = { header: { path: 'bin/pipeline.jar' }, data: Buffer.from('jar') };

/** Each case: the archive bytes and the entry name the error must carry. */
const cases: { name: string; bytes: () => Buffer; entry: string; reason: RegExp }[] = [
  { name: 'absolute path', bytes: () => gzipSync(rawTar([benign, { header: { path: '/etc/cron.d/evil' }, data: Buffer.from('x') }])), entry: '/etc/cron.d/evil', reason: /absolute path/ },
  { name: 'leading ..', bytes: () => gzipSync(rawTar([{ header: { path: '../evil.txt' }, data: Buffer.from('x') }])), entry: '../evil.txt', reason: /'\.\.'/ },
  { name: '.. inside the path', bytes: () => gzipSync(rawTar([benign, { header: { path: 'bin/../../evil.txt' }, data: Buffer.from('x') }])), entry: 'bin/../../evil.txt', reason: /'\.\.'/ },
  { name: 'Windows drive path', bytes: () => gzipSync(rawTar([{ header: { path: 'C:/evil.txt' }, data: Buffer.from('x') }])), entry: 'C:/evil.txt', reason: /absolute path/ },
  { name: 'backslash traversal', bytes: () => gzipSync(rawTar([{ header: { path: '..\\evil.txt' }, data: Buffer.from('x') }])), entry: '..\\evil.txt', reason: /backslash/ },
  { name: 'PAX path override with ..', bytes: () => gzipSync(rawTar([{ pax: { path: '../pax-evil.txt' }, header: { path: 'harmless.txt' }, data: Buffer.from('x') }])), entry: '../pax-evil.txt', reason: /'\.\.'/ },
  {
    name: 'GNU long name with ..',
    bytes: () => {
      const long = Buffer.from(`${GNU_EVIL}\0`);
      return gzipSync(rawTar([{ header: { path: '././@LongLink', type: 'NextFileHasLongPath' }, data: long }, { header: { path: 'short.txt' }, data: Buffer.from('x') }]));
    },
    entry: GNU_EVIL,
    reason: /'\.\.'/,
  },
  { name: 'absolute symlink', bytes: () => gzipSync(rawTar([benign, { header: { path: 'bin/passwd', type: 'SymbolicLink', linkpath: '/etc/passwd' } }])), entry: 'bin/passwd', reason: /outside the tree/ },
  { name: 'symlink leaving the tree', bytes: () => gzipSync(rawTar([{ header: { path: 'bin/up', type: 'SymbolicLink', linkpath: '../../outside' } }])), entry: 'bin/up', reason: /outside the tree/ },
  {
    name: 'file written through a symlink',
    bytes: () => gzipSync(rawTar([{ header: { path: 'bin/dir', type: 'SymbolicLink', linkpath: 'sub' } }, { header: { path: 'bin/dir/x.txt' }, data: Buffer.from('x') }])),
    entry: 'bin/dir/x.txt',
    reason: /inside a symbolic link/,
  },
  { name: 'hard link', bytes: () => gzipSync(rawTar([benign, { header: { path: 'bin/hard.jar', type: 'Link', linkpath: 'bin/pipeline.jar' } }])), entry: 'bin/hard.jar', reason: /hard link/ },
  { name: 'character device', bytes: () => gzipSync(rawTar([{ header: { path: 'dev/null', type: 'CharacterDevice', devmaj: 1, devmin: 3 } }])), entry: 'dev/null', reason: /device/ },
  { name: 'block device', bytes: () => gzipSync(rawTar([{ header: { path: 'dev/sda', type: 'BlockDevice', devmaj: 8, devmin: 0 } }])), entry: 'dev/sda', reason: /device/ },
  { name: 'FIFO', bytes: () => gzipSync(rawTar([{ header: { path: 'bin/pipe', type: 'FIFO' } }])), entry: 'bin/pipe', reason: /FIFO/ },
  {
    // The header claims 3 GiB; the data is never there, the header alone is refused.
    name: 'oversize entry',
    bytes: () => {
      const header = new Header({ path: 'bin/huge.bin', mode: 0o644, size: 3 * 1024 ** 3, mtime: new Date(0), type: 'File' });
      header.encode();
      return gzipSync(Buffer.concat([rawTar([benign]).subarray(0, 1024), header.block as Buffer, Buffer.alloc(4096)]));
    },
    entry: 'bin/huge.bin',
    reason: /oversize/,
  },
  { name: 'corrupt gzip', bytes: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('this is not deflate data at all')]), entry: '(first entry)', reason: /corrupt/ },
  {
    name: 'truncated gzip after an entry',
    bytes: () => {
      const whole = gzipSync(rawTar([benign, { header: { path: 'bin/big.bin' }, data: Buffer.alloc(200_000, 7) }]));
      return whole.subarray(0, whole.length - 40);
    },
    entry: 'bin/big.bin',
    reason: /truncated or followed by corrupt data/,
  },
];

describe('build-dist-with-launcher refuses hostile distributions', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });
  afterAll(async () => {
    await ws.cleanup();
  });

  it.each(cases)('refuses $name, naming the entry, and writes nothing', async ({ name, bytes, entry, reason }) => {
    const file = join(ws.root, `cloud-pipeline.${name.replace(/\W+/g, '-')}.tgz`);
    await writeFile(file, bytes());
    const output = join(ws.root, `out-${name.replace(/\W+/g, '-')}`);
    const error = await buildDistWithLauncher(inputsFor(ws, { distribution: file, 'output-dir': output }), depsFor(ws)).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toContain(`Input 'distribution': ${file}: entry '${entry}'`);
    expect(error?.message).toMatch(reason);
    expect(await readdir(ws.root)).not.toContain(`out-${name.replace(/\W+/g, '-')}`);
    expect((await readdir(ws.root)).filter((found) => found.includes('.partial-'))).toEqual([]);
    expect(await calls(ws)).toEqual([]);
  });

  it('refuses a distribution folder with a link leaving it', async () => {
    const folder = join(ws.root, 'dist-folder');
    await mkdir(join(folder, 'bin'), { recursive: true });
    await writeFile(join(folder, 'bin/pipeline.jar'), 'jar');
    await symlink('/etc/passwd', join(folder, 'bin/passwd'));
    await expect(buildDistWithLauncher(inputsFor(ws, { distribution: folder, 'output-dir': join(ws.root, 'out-folder') }), depsFor(ws))).rejects.toThrow(
      `Input 'distribution': ${folder}: entry 'bin/passwd' is a link to '/etc/passwd' outside the tree`,
    );
    expect(await readdir(ws.root)).not.toContain('out-folder');
  });
});
