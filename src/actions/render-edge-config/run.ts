import { resolve } from 'node:path';
import { InputReader } from '../../lib/inputs.js';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { getInputs } from './inputs.js';
import { readInstallConfig } from './install-config.js';
import { resolveRequest } from './request.js';

/** render-edge-config as a stage: inputs -> render -> nginx -t -> output folder, outputs, summary. */
export const renderEdgeConfigStage: Stage = async ({ source, env, logger }) => {
  const inputs = getInputs(new InputReader(source), env);
  inputs.outputDir = resolve(inputs.outputDir);
  // Every input is checked first; the renderer (templates, tar, nginx) loads only then, so a bad
  // input fails fast.
  const request = resolveRequest(inputs, env, await readInstallConfig(inputs.installConfig));
  const { writeRendered, summaryMarkdown } = await import('./execute.js');
  const { rendered, manifest } = await writeRendered(inputs, request, logger);
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
