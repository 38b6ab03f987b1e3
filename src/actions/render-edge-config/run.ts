import { resolve } from 'node:path';
import { InputReader } from '../../lib/inputs.js';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { getInputs } from './inputs.js';

/** render-edge-config as a stage: inputs -> render -> nginx -t -> output folder, outputs, summary. */
export const renderEdgeConfigStage: Stage = async ({ source, env, logger }) => {
  const inputs = getInputs(new InputReader(source), env);
  inputs.outputDir = resolve(inputs.outputDir);
  // The renderer (templates, tar, nginx) loads once the inputs are known to be good: a bad input fails fast.
  const { renderAndWrite, summaryMarkdown } = await import('./execute.js');
  const { rendered, manifest } = await renderAndWrite(inputs, env, logger);
  logger.info(`Wrote ${manifest.files.length} file(s) to ${inputs.outputDir}`);
  return {
    outputs: {
      'output-dir': inputs.outputDir,
      hosts: JSON.stringify(rendered.hosts),
      files: JSON.stringify(manifest.files.map((file) => file.path)),
    },
    summary: summaryMarkdown(rendered, manifest, inputs.outputDir),
  };
};

/** The step of the render-edge-config action. */
export async function run(): Promise<void> {
  await runStageAsStep(renderEdgeConfigStage);
}
