import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../../lib/errors.js';
import { FALLBACK_EPOCH } from '../../lib/tarball.js';
import type { CommandRunner } from '../../tools/exec.js';

/**
 * Facts about the launcher source that make a build reproducible: the time every archive entry
 * carries and the commit baked into the bundle. Both come from the last commit that touched the
 * launcher folder, so an unrelated commit neither changes the archive nor misses the cache.
 */

/** argv of `git log` printing one field (`%ct`, `%H`) of the last commit touching the folder. */
export function lastCommitArgs(format: string): string[] {
  return ['log', '-1', `--format=${format}`, '--', '.'];
}

async function lastCommit(dir: string, format: string, run: CommandRunner): Promise<string | undefined> {
  try {
    const result = await run('git', lastCommitArgs(format), { cwd: dir });
    const value = result.stdout.trim();
    return result.exitCode === 0 && value !== '' ? value : undefined;
  } catch {
    // git is not installed: the same as a folder outside a checkout.
    return undefined;
  }
}

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
  const committed = await lastCommit(dir, '%ct', run);
  if (committed && /^\d+$/.test(committed)) return { epoch: Number(committed), from: 'commit' };
  return { epoch: FALLBACK_EPOCH, from: 'fixed' };
}

/** BUILD_DESCRIPTION's default: the launcher's last commit SHA, else a fixed text. */
export async function sourceDescription(dir: string, version: string, run: CommandRunner): Promise<string> {
  return (await lastCommit(dir, '%H', run)) ?? `quick-launcher ${version}`;
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
