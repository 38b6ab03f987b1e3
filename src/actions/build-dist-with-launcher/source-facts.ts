import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner } from '../../tools/exec.js';
import { Git } from '../../tools/git.js';
import type { SourceFacts } from './plan.js';

/**
 * Facts about the launcher source that make a build reproducible (plan.ts decides from them): the
 * time every archive entry carries and the commit baked into the bundle. Both come from the last
 * commit that touched the launcher folder, so an unrelated commit neither changes the archive nor
 * misses the cache.
 */
export async function readSourceFacts(dir: string, env: NodeJS.ProcessEnv, run: CommandRunner): Promise<SourceFacts> {
  const git = new Git(run);
  const sourceDateEpoch = env.SOURCE_DATE_EPOCH?.trim();
  // SOURCE_DATE_EPOCH wins over the commit time: git is not asked for it then.
  const commitTime = sourceDateEpoch ? undefined : await git.lastCommit(dir, '%ct');
  const commit = await git.lastCommit(dir, '%H');
  const packageVersion = await readPackageVersion(dir);
  return {
    ...(sourceDateEpoch ? { sourceDateEpoch } : {}),
    ...(commitTime ? { commitTime } : {}),
    ...(commit ? { commit } : {}),
    ...(packageVersion ? { packageVersion } : {}),
  };
}

/** The `version` field of the launcher's package.json, if any. */
async function readPackageVersion(dir: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof value.version === 'string' && value.version !== '' ? value.version : undefined;
  } catch {
    return undefined;
  }
}
