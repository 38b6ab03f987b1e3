import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import * as tar from 'tar';
import { ConfigurationError, errorCode, errorMessage } from './errors.js';

/**
 * Safe reading of archives and folders given by a user (an input distribution): every entry is
 * checked before anything is extracted, and an absolute path, a `..` segment, a link that leaves
 * the tree, a path through a link, a hard link, a device or FIFO, an oversize entry or a corrupt
 * gzip stream is refused with the entry named.
 */

/** One entry as an archive or a folder walk describes it. */
export interface EntryFacts {
  path: string;
  /** npm tar's type names: File, Directory, SymbolicLink, Link, CharacterDevice, … */
  type: string;
  size: number;
  linkpath?: string;
}

export interface SafetyLimits {
  /** Largest single entry, bytes. */
  maxEntrySize: number;
  /** Largest sum of entry sizes, bytes. */
  maxTotalSize: number;
  maxEntries: number;
}

/** Defaults sized for a Cloud Pipeline distribution (hundreds of MB of jars and tarballs). */
export const DEFAULT_LIMITS: SafetyLimits = {
  maxEntrySize: 2 * 1024 ** 3,
  maxTotalSize: 8 * 1024 ** 3,
  maxEntries: 200_000,
};

/** An entry that may not be read; `entry` is its path as written in the archive or folder. */
export class UnsafeEntryError extends ConfigurationError {
  override name = 'UnsafeEntryError';
  constructor(
    readonly source: string,
    readonly entry: string,
    readonly reason: string,
  ) {
    super(`${source}: entry '${entry}' ${reason}`);
  }
}

const REGULAR = new Set(['File', 'OldFile', 'ContiguousFile']);
const DEVICES = new Set(['CharacterDevice', 'BlockDevice', 'FIFO']);

/** Checks entries one by one, remembering links and sizes seen so far. */
export class EntryChecker {
  private readonly links: string[] = [];
  private total = 0;
  private count = 0;

  constructor(
    private readonly source: string,
    private readonly limits: SafetyLimits = DEFAULT_LIMITS,
  ) {}

  /** The normalized relative path of a safe entry ('' for the root folder); throws otherwise. */
  check(facts: EntryFacts): string {
    const refuse = (reason: string): never => {
      throw new UnsafeEntryError(this.source, facts.path, reason);
    };
    const raw = facts.path;
    if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) refuse('has an absolute path');
    if (raw.includes('\\')) refuse('has a backslash in its path (a Windows path separator)');
    if (raw.includes('\0')) refuse('has a NUL byte in its path');
    const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..')) refuse("has a '..' segment in its path");
    const path = parts.join('/');
    if (this.links.some((link) => path.startsWith(`${link}/`))) refuse('is inside a symbolic link');
    if (facts.type === 'Link') refuse('is a hard link');
    if (DEVICES.has(facts.type)) refuse(`is a device or FIFO (${facts.type})`);
    if (!REGULAR.has(facts.type) && facts.type !== 'Directory' && facts.type !== 'SymbolicLink') {
      refuse(`has an unsupported type (${facts.type})`);
    }
    if (facts.type === 'SymbolicLink') {
      const target = facts.linkpath ?? '';
      if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target)) {
        refuse(`is a link to '${target}' outside the tree`);
      }
      const resolved = posix.normalize(posix.join(posix.dirname(path), target));
      if (resolved === '..' || resolved.startsWith('../')) refuse(`is a link to '${target}' outside the tree`);
      this.links.push(path);
    }
    if (facts.size > this.limits.maxEntrySize) {
      refuse(`is oversize (${facts.size} bytes; the limit is ${this.limits.maxEntrySize})`);
    }
    this.total += facts.size;
    this.count += 1;
    if (this.total > this.limits.maxTotalSize) refuse(`takes the total size past ${this.limits.maxTotalSize} bytes`);
    if (this.count > this.limits.maxEntries) refuse(`takes the entry count past ${this.limits.maxEntries}`);
    return path;
  }
}

/** Lists and checks every entry of a .tgz (or .tar) without extracting anything. */
async function checkArchive(archive: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<string[]> {
  const checker = new EntryChecker(archive, limits);
  const paths: string[] = [];
  let refused: UnsafeEntryError | undefined;
  let last: string | undefined;
  try {
    await tar.t({
      file: archive,
      strict: true,
      onReadEntry: (entry) => {
        entry.resume();
        if (refused) return;
        try {
          const path = checker.check({ path: entry.path, type: entry.type, size: entry.size ?? 0, linkpath: entry.linkpath });
          last = entry.path;
          if (path !== '') paths.push(path);
        } catch (error) {
          if (error instanceof UnsafeEntryError) refused = error;
          else throw error;
        }
      },
    });
  } catch (error) {
    if (refused) throw refused;
    if (errorCode(error) === 'ENOENT') throw new ConfigurationError(`${archive} does not exist`);
    // Corrupt gzip or tar data: name the last good entry so the damage can be located.
    if (last === undefined) throw new UnsafeEntryError(archive, '(first entry)', `cannot be read: corrupt archive (${errorMessage(error)})`);
    throw new UnsafeEntryError(archive, last, `is truncated or followed by corrupt data (${errorMessage(error)})`);
  }
  if (refused) throw refused;
  return paths;
}

/** Checks a .tgz completely, then extracts it into `dest` (which must be empty or absent). */
export async function extractArchiveSafely(archive: string, dest: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<string[]> {
  const paths = await checkArchive(archive, limits);
  await mkdir(dest, { recursive: true });
  await tar.x({ file: archive, cwd: dest, strict: true, preserveOwner: false });
  return paths;
}

/** Walks a folder given as a distribution and checks each entry the same way as an archive's. */
export async function checkFolder(dir: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<string[]> {
  const checker = new EntryChecker(dir, limits);
  const paths: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const name of (await readdir(join(dir, relative))).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const stat = await lstat(join(dir, path));
      const type = stat.isDirectory()
        ? 'Directory'
        : stat.isFile()
          ? 'File'
          : stat.isSymbolicLink()
            ? 'SymbolicLink'
            : stat.isFIFO()
              ? 'FIFO'
              : stat.isCharacterDevice()
                ? 'CharacterDevice'
                : stat.isBlockDevice()
                  ? 'BlockDevice'
                  : 'Socket';
      const linkpath = type === 'SymbolicLink' ? await readlink(join(dir, path)) : undefined;
      paths.push(checker.check({ path, type, size: stat.isFile() ? stat.size : 0, linkpath }));
      if (type === 'Directory') await walk(path);
    }
  }
  await walk('');
  return paths;
}

function typeOf(stat: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }): string {
  return stat.isDirectory() ? 'Directory' : stat.isFile() ? 'File' : stat.isSymbolicLink() ? 'SymbolicLink' : 'Other';
}

/**
 * Reads one regular file of a folder given as a distribution under the rules an archive entry is
 * read by (`readArchiveFile` reads only regular file entries): every folder on the way must be a
 * real folder and the file a regular file with one name, so no link or hard link can point the
 * read at a file outside the tree. Undefined when some part of the path does not exist.
 */
export async function readTreeFile(dir: string, path: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<Buffer | undefined> {
  const checker = new EntryChecker(dir, limits);
  const parts = checker.check({ path, type: 'File', size: 0 }).split('/');
  for (let index = 0; index < parts.length; index += 1) {
    const relative = parts.slice(0, index + 1).join('/');
    const last = index === parts.length - 1;
    let stat;
    try {
      stat = await lstat(join(dir, relative));
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
      throw new UnsafeEntryError(dir, relative, `cannot be read (${errorCode(error) ?? errorMessage(error)})`);
    }
    const type = typeOf(stat);
    if (type === 'SymbolicLink') {
      const target = await readlink(join(dir, relative));
      throw new UnsafeEntryError(dir, relative, last ? `is a symbolic link (to '${target}'); only a regular file is read` : `is a symbolic link (to '${target}'), and ${path} lies through it`);
    }
    if (!last && type !== 'Directory') return undefined;
    if (last && type !== 'File') throw new UnsafeEntryError(dir, relative, 'is not a regular file');
    if (last && stat.nlink > 1) throw new UnsafeEntryError(dir, relative, `is a hard link (${stat.nlink} names for one file)`);
    if (last && stat.size > limits.maxEntrySize) {
      throw new UnsafeEntryError(dir, relative, `is oversize (${stat.size} bytes; the limit is ${limits.maxEntrySize})`);
    }
  }
  // O_NOFOLLOW: a link swapped in after the checks is refused by the kernel, not followed.
  const handle = await open(join(dir, ...parts), constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: unknown) => {
    throw new UnsafeEntryError(dir, path, `cannot be read (${errorCode(error) ?? errorMessage(error)})`);
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.nlink > 1) throw new UnsafeEntryError(dir, path, 'changed while it was checked');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
