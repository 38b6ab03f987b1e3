import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Header, Pax } from 'tar';
import { FileError } from './errors.js';

/**
 * Byte-identical tarballs: the same entries give the same .tgz on any machine. Entries are
 * sorted, every mtime is one given time, uid/gid are 0 with empty owner names, modes are 0644 for
 * files and 0755 for folders and executables (0777 for links), and the gzip header carries no
 * name, mtime 0 and a fixed OS byte. Written with npm `tar`'s header encoder.
 */

/** The mtime used when neither SOURCE_DATE_EPOCH nor a commit time is known: 1980-01-01T00:00:00Z. */
export const FALLBACK_EPOCH = 315532800;

/** The gzip OS byte written into every archive (3 = Unix, what GNU gzip writes on Linux). */
const GZIP_OS_UNIX = 3;

/** One entry to archive: a file from disk or bytes, a folder, or a symbolic link. */
export type TarEntry =
  | { type: 'file'; path: string; source: string; executable?: boolean; size: number }
  | { type: 'file'; path: string; content: Buffer; executable?: boolean }
  | { type: 'directory'; path: string }
  | { type: 'symlink'; path: string; target: string };

export interface TarballOptions {
  /** Seconds since the epoch set on every entry. */
  mtime: number;
}

const BLOCK = 512;

function entrySize(entry: TarEntry): number {
  if (entry.type !== 'file') return 0;
  return 'content' in entry ? entry.content.length : entry.size;
}

function entryMode(entry: TarEntry): number {
  if (entry.type === 'directory') return 0o755;
  if (entry.type === 'symlink') return 0o777;
  return entry.executable ? 0o755 : 0o644;
}

const TYPES = { file: 'File', directory: 'Directory', symlink: 'SymbolicLink' } as const;

/** The header block(s) of one entry: a PAX record first when a path or link is too long for ustar. */
function encodeHeader(entry: TarEntry, mtime: number): Buffer {
  const name = entry.type === 'directory' ? `${entry.path}/` : entry.path;
  const linkpath = entry.type === 'symlink' ? entry.target : undefined;
  const date = new Date(mtime * 1000);
  const header = new Header({
    path: name,
    mode: entryMode(entry),
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    size: entrySize(entry),
    mtime: date,
    type: TYPES[entry.type],
    linkpath,
  });
  const needPax = header.encode();
  const block = header.block;
  if (!block) throw new Error(`internal: no tar header for ${entry.path}`);
  if (!needPax) return block;
  const pax = new Pax({ path: name, linkpath, mtime: date, uid: 0, gid: 0, uname: '', gname: '' }).encode();
  return Buffer.concat([pax, block]);
}

/**
 * Adds the parent folders of every entry, drops duplicates (a later entry wins) and sorts by
 * path, so the archive does not depend on the order the entries were found in.
 */
export function normalizeEntries(entries: readonly TarEntry[]): TarEntry[] {
  const byPath = new Map<string, TarEntry>();
  for (const entry of entries) {
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!byPath.has(parent)) byPath.set(parent, { type: 'directory', path: parent });
    }
    byPath.set(entry.path, entry);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function* tarStream(entries: readonly TarEntry[], mtime: number): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield encodeHeader(entry, mtime);
    if (entry.type !== 'file') continue;
    let written = 0;
    if ('content' in entry) {
      yield entry.content;
      written = entry.content.length;
    } else {
      for await (const chunk of createReadStream(entry.source)) {
        const buffer = chunk as Buffer;
        written += buffer.length;
        yield buffer;
      }
      // A file that changed size while archived would corrupt the stream silently.
      if (written !== entry.size) throw new Error(`${entry.source} changed while it was archived`);
    }
    const padding = (BLOCK - (written % BLOCK)) % BLOCK;
    if (padding > 0) yield Buffer.alloc(padding);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Writes `entries` as a reproducible .tgz at `file`. */
export async function writeTarball(file: string, entries: readonly TarEntry[], options: TarballOptions): Promise<void> {
  const sorted = normalizeEntries(entries);
  await pipeline(Readable.from(tarStream(sorted, options.mtime)), createGzip({ level: 9 }), createWriteStream(file));
  // zlib writes no name and mtime 0; its OS byte depends on the platform it was built for.
  const handle = await open(file, 'r+');
  try {
    await handle.write(Buffer.from([GZIP_OS_UNIX]), 0, 1, 9);
  } finally {
    await handle.close();
  }
}

/**
 * The entries of a folder tree on disk, paths prefixed with `prefix` (POSIX, no trailing
 * slash; '' for none). Folders, regular files and symbolic links are kept; `skip` drops paths
 * relative to `dir`. Anything else (devices, sockets) is an error naming it.
 */
export async function entriesOfFolder(
  dir: string,
  prefix: string,
  skip: (relative: string) => boolean = () => false,
): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  async function walk(relative: string): Promise<void> {
    const names = (await readdir(join(dir, relative))).sort();
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (skip(path)) continue;
      const full = join(dir, path);
      const archived = prefix === '' ? path : `${prefix}/${path}`;
      const stat = await lstat(full);
      if (stat.isDirectory()) {
        entries.push({ type: 'directory', path: archived });
        await walk(path);
      } else if (stat.isFile()) {
        entries.push({ type: 'file', path: archived, source: full, size: stat.size, executable: (stat.mode & 0o111) !== 0 });
      } else if (stat.isSymbolicLink()) {
        const target = await readlink(full);
        // What the reader refuses is refused here too, naming the entry: an archive we write
        // must be one we (and safe-extract) accept.
        const resolved = posix.normalize(posix.join(posix.dirname(path), target));
        if (target === '' || target.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
          throw new FileError({ file: full }, `is a symbolic link to '${target}', outside the folder being archived; replace it with the file it points to`);
        }
        entries.push({ type: 'symlink', path: archived, target });
      } else {
        throw new FileError({ file: full }, 'is not a regular file, folder or link');
      }
    }
  }
  await walk('');
  return entries;
}
