import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../../lib/errors.js';
import { FALLBACK_EPOCH } from '../../lib/tarball.js';
import type { CommandRunner } from '../../tools/exec.js';
import { Git } from '../../tools/git.js';

/**
 * Facts about the launcher source that make a build reproducible: the time every archive entry
 * carries and the commit baked into the bundle. Both come from the last commit that touched the
 * launcher folder, so an unrelated commit neither changes the archive nor misses the cache.
 */

export interface SourceTime {
  epoch: number;
  from: 'SOURCE_DATE_EPOCH' | 'commit' | 'fixed';
}

/** SOURCE_DATE_EPOCH, else the launcher's last commit time, else FALLBACK_EPOCH (1980-01-01). */
export async function sourceTime(dir: string, env: NodeJS.ProcessEnv, run: CommandRunner): Promise<SourceTime> {
  const given = env.SOURCE_DATE_EPOCH?.trim();
  if (given) {
    if (!/^\d{1,12}$/.test(given)) {
      throw new ConfigurationError(`SOURCE_DATE_EPOCH='${given}' is not a whole number of seconds since 1970-01-01`);
    }
    return { epoch: Number(given), from: 'SOURCE_DATE_EPOCH' };
  }
  const committed = await new Git(run).lastCommit(dir, '%ct');
  if (committed && /^\d+$/.test(committed)) return { epoch: Number(committed), from: 'commit' };
  return { epoch: FALLBACK_EPOCH, from: 'fixed' };
}

/** BUILD_DESCRIPTION's default: the launcher's last commit SHA, else a fixed text. */
export async function sourceDescription(dir: string, version: string, run: CommandRunner): Promise<string> {
  return (await new Git(run).lastCommit(dir, '%H')) ?? `quick-launcher ${version}`;
}

/** The `version` field of the launcher's package.json, if any. */
export async function packageVersion(dir: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof value.version === 'string' && value.version !== '' ? value.version : undefined;
  } catch {
    return undefined;
  }
}
