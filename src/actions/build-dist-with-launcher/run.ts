import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { execRunner } from '../../tools/exec.js';
import type { BuildCache } from './build-cache.js';
import { getInputs } from './inputs.js';

/** build-dist-with-launcher as a stage: inputs -> build (or cache) -> archives -> outputs, summary. */
export const buildDistStage: Stage = async ({ source, env, logger }) => {
  const inputs = getInputs(source, env);
  // The build (tar, the caches) loads once the inputs are known to be good: a bad input fails fast.
  const [{ ActionsCache, LocalFolderCache }, { buildDistWithLauncher }, { outputsOf, resultLines, summaryMarkdown }] = await Promise.all([
    import('./build-cache.js'),
    import('./build-dist.js'),
    import('./summary.js'),
  ]);
  let cache: BuildCache | undefined;
  if (inputs.cache) {
    cache = ActionsCache.available(env) ? new ActionsCache(logger) : new LocalFolderCache(inputs.cacheDir, logger);
  }
  const result = await buildDistWithLauncher(inputs, { run: execRunner, logger, cache, env });
  for (const line of resultLines(result)) logger.info(line);
  return { outputs: outputsOf(result), summary: summaryMarkdown(result) };
};

/** The step of the build-dist-with-launcher action. */
export async function run(): Promise<void> {
  await runStageAsStep(buildDistStage);
}
