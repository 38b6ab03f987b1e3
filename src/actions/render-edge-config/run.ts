import { resolve } from 'node:path';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { getInputs, type ParsedInputs } from './inputs.js';
import { readInstallConfig } from './install-config.js';
import { resolveRequest, type RenderRequest } from './request.js';

/** The inputs as given, and the request they resolve to (hosts, URLs, install-config: all checked). */
type Parsed = ParsedInputs & { request: RenderRequest };

/**
 * render-edge-config as a stage: inputs -> request -> render -> nginx -t -> output folder,
 * outputs, summary. `parse` resolves the request (request.ts), so a bad host fails before any
 * stage runs; `plan.ts` turns it and the templates into the files; `execute.ts` loads the
 * templates, runs nginx -t and writes the folder. The renderer (templates, tar, nginx) loads
 * only in `execute`: a bad input fails fast.
 */
export const renderEdgeConfigStage: Stage<Parsed> = {
  parse(reader, env) {
    const inputs = getInputs(reader, env);
    return { ...inputs, outputDir: resolve(inputs.outputDir), request: resolveRequest(inputs, env, readInstallConfig(inputs.installConfig)) };
  },
  async execute(inputs, { logger }) {
    const { writeRendered, summaryMarkdown } = await import('./execute.js');
    const { rendered, manifest, nginxTest } = await writeRendered(inputs, inputs.request, logger);
    logger.info(`Wrote ${manifest.files.length} file(s) to ${inputs.outputDir}`);
    return {
      outputs: {
        'output-dir': inputs.outputDir,
        hosts: JSON.stringify(rendered.hosts),
        files: JSON.stringify(manifest.files.map((file) => file.path)),
      },
      summary: summaryMarkdown(rendered, manifest, inputs.outputDir, nginxTest),
    };
  },
};

/** The step of the render-edge-config action. */
export async function run(): Promise<void> {
  await runStageAsStep(renderEdgeConfigStage, 'Cloud Pipeline Quick Launcher: render Edge config');
}
