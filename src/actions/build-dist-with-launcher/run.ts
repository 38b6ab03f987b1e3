import * as core from '@actions/core';
import { actionsLogger } from '../../lib/logger.js';
import { execRunner } from '../../tools/exec.js';
import { ActionsCache, type BuildCache, LocalFolderCache } from './build-cache.js';
import { buildDistWithLauncher } from './build-dist.js';
import { getInputs } from './inputs.js';
import { outputsOf, resultLines, summaryMarkdown } from './summary.js';

/** The action: inputs -> build (or cache) -> archives -> outputs and job summary. */
export async function run(): Promise<void> {
  const inputs = getInputs();
  let cache: BuildCache | undefined;
  if (inputs.cache) {
    cache = ActionsCache.available(process.env) ? new ActionsCache(actionsLogger) : new LocalFolderCache(inputs.cacheDir, actionsLogger);
  }
  const result = await buildDistWithLauncher(inputs, { run: execRunner, logger: actionsLogger, cache });
  for (const line of resultLines(result)) core.info(line);
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(result)).write();
}
