import { randomBytes } from 'node:crypto';
import { cp, lstat, mkdir, readdir, readFile, readlink, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sha256, sha256File } from '../../lib/digest.js';
import { errorCode, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';

/**
 * The launcher build cache: the build output is stored under a key that digests everything the
 * build depends on (plan.ts `cacheKeyOf`, from the digests read here), so an unchanged launcher
 * is restored instead of rebuilt.
 */

/** Where the build output is kept between runs. */
export interface BuildCache {
  /** Shown in the log ("local folder /x", "GitHub Actions cache"). */
  readonly description: string;
  /** Fills `dir` (empty) from the entry `key`; false on a miss. */
  restore(key: string, dir: string): Promise<boolean>;
  /** Stores `dir` under `key`; failures are warnings, never errors (a cache is an optimization). */
  save(key: string, dir: string): Promise<void>;
}

const EXCLUDED = new Set(['node_modules', '.git']);
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];

/**
 * Every source file of the launcher with its sha256 (links by target), sorted by path; not the
 * build output, nor `exclude` (absolute folders: the output and cache folders, should they sit
 * inside the launcher).
 */
export async function sourceDigests(
  launcherDir: string,
  buildOutput: string,
  exclude: readonly string[] = [],
): Promise<Record<string, string>> {
  const output = buildOutput.replace(/^\.\//, '').replace(/\/+$/, '');
  const excluded = new Set(exclude.map((path) => resolve(path)));
  const digests: Record<string, string> = {};
  async function walk(relative: string): Promise<void> {
    for (const name of (await readdir(join(launcherDir, relative))).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if ((relative === '' && EXCLUDED.has(name)) || path === output) continue;
      const full = join(launcherDir, path);
      if (excluded.has(resolve(full))) continue;
      const stat = await lstat(full);
      if (stat.isDirectory()) await walk(path);
      else if (stat.isSymbolicLink()) digests[path] = `link:${await readlink(full)}`;
      else if (stat.isFile()) digests[path] = `${(stat.mode & 0o111) !== 0 ? 'x' : '-'}${await sha256File(full)}`;
    }
  }
  await walk('');
  return digests;
}

/** The sha256 of each lockfile the launcher folder has. */
export async function lockfileDigests(launcherDir: string): Promise<Record<string, string>> {
  const lockfiles: Record<string, string> = {};
  for (const name of LOCKFILES) {
    const text = await readFile(join(launcherDir, name)).catch(() => undefined);
    if (text) lockfiles[name] = sha256(text);
  }
  return lockfiles;
}

/** This machine for the cache key: native modules and bundlers may differ between platforms and Node majors. */
export function platformOf(): string {
  return `${process.platform}-${process.arch}-node${process.versions.node.split('.')[0]}`;
}

/** A cache in a local folder: one sub-folder per key, written aside and renamed into place. */
export class LocalFolderCache implements BuildCache {
  readonly description: string;
  constructor(
    private readonly root: string,
    private readonly logger: Logger,
  ) {
    this.description = `local folder ${root}`;
  }

  async restore(key: string, dir: string): Promise<boolean> {
    const entry = join(this.root, key);
    try {
      await lstat(join(entry, 'index.html'));
    } catch {
      return false;
    }
    await cp(entry, dir, { recursive: true, verbatimSymlinks: true });
    return true;
  }

  async save(key: string, dir: string): Promise<void> {
    const entry = join(this.root, key);
    const partial = join(this.root, `.${key}.partial-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(dirname(entry), { recursive: true });
      await cp(dir, partial, { recursive: true, verbatimSymlinks: true });
      await rm(entry, { recursive: true, force: true });
      await rename(partial, entry);
    } catch (error) {
      await rm(partial, { recursive: true, force: true }).catch(() => undefined);
      this.logger.warning(`could not save the launcher build to the cache ${this.root}: ${errorCode(error) ?? errorMessage(error)}`);
    }
  }
}

/** The GitHub Actions cache service (@actions/cache), loaded only when the runner offers it. */
export class ActionsCache implements BuildCache {
  readonly description = 'GitHub Actions cache';
  constructor(private readonly logger: Logger) {}

  /** True when the runner offers its cache service, by @actions/cache's own rule (v2: results URL; v1: cache URL). */
  static available(env: NodeJS.ProcessEnv): boolean {
    return Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL);
  }

  async restore(key: string, dir: string): Promise<boolean> {
    const cache = await import('@actions/cache');
    try {
      return (await cache.restoreCache([dir], key)) === key;
    } catch (error) {
      this.logger.warning(`could not restore the launcher build from the GitHub Actions cache: ${errorMessage(error)}`);
      return false;
    }
  }

  async save(key: string, dir: string): Promise<void> {
    const cache = await import('@actions/cache');
    try {
      await cache.saveCache([dir], key);
    } catch (error) {
      this.logger.warning(`could not save the launcher build to the GitHub Actions cache: ${errorMessage(error)}`);
    }
  }
}
