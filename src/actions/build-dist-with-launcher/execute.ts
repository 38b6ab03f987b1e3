import type { Logger } from '../../lib/logger.js';
import { execRunner } from '../../tools/exec.js';
import { ActionsCache, LocalFolderCache } from './build-cache.js';
import { buildDistWithLauncher, type BuildResult } from './build-dist.js';
import type { Inputs } from './inputs.js';

/**
 * build-dist-with-launcher's work once its inputs parsed: the runner's tools (commands, the
 * @actions/cache service when the runner has one, else the cache folder) handed to the build.
 */
export async function execute(inputs: Inputs, { env, logger }: { env: NodeJS.ProcessEnv; logger: Logger }): Promise<BuildResult> {
  const cache = inputs.cache ? (ActionsCache.available(env) ? new ActionsCache(logger) : new LocalFolderCache(inputs.cacheDir, logger)) : undefined;
  return buildDistWithLauncher(inputs, { run: execRunner, logger, cache, env });
}
