import { join } from 'node:path';
import { markdownTable } from '../../lib/markdown.js';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { getInputs, type Inputs } from './inputs.js';

/** Where the images went, for the summary (a registry has no web page of its own to link to). */
function pushedTo(inputs: Inputs): string {
  return inputs.push && inputs.registry ? `pushed to \`${inputs.registry}\`` : 'not pushed (push: false)';
}

/**
 * build-optimized-images as a stage: inputs -> tools -> core -> outputs and summary. The build
 * (YAML, JSON Schema, the image builders) loads only in `execute`: a bad input fails fast.
 */
export const buildImagesStage: Stage<Inputs> = {
  parse: getInputs,
  async execute(inputs, { env, logger }) {
    const [{ execute }, { TOOLS_MANIFEST_FILE, summaryRows }] = await Promise.all([import('./execute.js'), import('./tools-manifest.js')]);
    const result = await execute(inputs, { env, logger });
    const { builder } = result;
    const [header, ...rows] = summaryRows(result.manifest);
    const counts = `${result.counts.built} built, ${result.counts.reused} reused, ${result.counts.fallback} fallback`;
    return {
      outputs: {
        'tools-manifest': result.outputDir,
        'tools-manifest-file': join(result.outputDir, TOOLS_MANIFEST_FILE),
        images: JSON.stringify(result.manifest.tools.map((tool) => tool.ref)),
        built: String(result.counts.built),
        reused: String(result.counts.reused),
        fallback: String(result.counts.fallback),
      },
      summary: ['### Optimized tool images', '', `${counts}${builder ? ` (builder: ${builder.name})` : ''}; ${pushedTo(inputs)}`, '', markdownTable(header, rows), ''].join('\n'),
    };
  },
};

/** The step of the build-optimized-images action. */
export async function run(): Promise<void> {
  await runStageAsStep(buildImagesStage, 'Cloud Pipeline Quick Launcher: build optimized tool images');
}
