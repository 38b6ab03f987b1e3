import { resolve } from 'node:path';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { getInputs, type Inputs } from './inputs.js';

/**
 * build-dist-with-launcher as a stage: inputs -> build (or cache) -> archives -> outputs, summary.
 * The build (tar, the caches) loads only in `execute`: a bad input fails fast.
 */
export const buildDistStage: Stage<Inputs> = {
  parse: getInputs,
  async execute(inputs, { env, logger }) {
    // The launcher folder is checked before the build's modules (tar, the caches) load, so a wrong
    // path fails as fast as any other input (execute checks it again for its other callers).
    await (await import('./launcher-build.js')).checkLauncherSource(resolve(inputs.launcherSource));
    const [{ execute }, { outputsOf, resultLines, summaryMarkdown }] = await Promise.all([import('./execute.js'), import('./summary.js')]);
    const result = await execute(inputs, { env, logger });
    for (const line of resultLines(result)) logger.info(line);
    return { outputs: outputsOf(result), summary: summaryMarkdown(result) };
  },
};

/** The step of the build-dist-with-launcher action. */
export async function run(): Promise<void> {
  await runStageAsStep(buildDistStage, 'Cloud Pipeline Quick Launcher: build the distribution');
}
