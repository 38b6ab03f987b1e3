import * as core from '@actions/core';
import { InputReader, runnerInputs } from '../../lib/inputs.js';
import { actionsLogger } from '../../lib/logger.js';
import { StageFailure, report, runnerContext, type Stage } from '../../lib/stage.js';
import { STATE_IS_POST } from '../deploy-quick-launcher/state.js';
import { parseStages, runChain, type ChainOutcome } from './chain.js';
import { STAGE_NAMES, type StageName } from './stages.js';

/** A stage whose module loads when it runs: a chain loads only the stages it runs. */
const lazy =
  (load: () => Promise<Stage>): Stage =>
  async (context) =>
    (await load())(context);

/** Each stage's work, the same functions its own action runs. */
export const STAGES: Record<StageName, Stage> = {
  'build-dist': lazy(async () => (await import('../build-dist-with-launcher/run.js')).buildDistStage),
  'build-images': lazy(async () => (await import('../build-optimized-images/run.js')).buildImagesStage),
  render: lazy(async () => (await import('../render-edge-config/run.js')).renderEdgeConfigStage),
  deploy: lazy(async () => (await import('../deploy-quick-launcher/run.js')).deployStage),
};

/**
 * The root action: the chosen stages in one job and one process, one summary. Its post step is
 * the deploy's (the kubeconfig is removed even when the main step was cancelled).
 */
export async function run(): Promise<void> {
  if (core.getState(STATE_IS_POST) === 'true') {
    const { post } = await import('../deploy-quick-launcher/post.js');
    await post(core.getState);
    return;
  }
  core.saveState(STATE_IS_POST, 'true');
  const stages = parseStages(runnerInputs('stages') || STAGE_NAMES.join(','));
  // Parsed before any work: a bad `summary` value must change nothing.
  const writeSummary = new InputReader(runnerInputs).boolean('summary', true);
  let outcome: ChainOutcome;
  try {
    outcome = await runChain({ stages, registry: STAGES, root: runnerInputs, env: process.env, logger: actionsLogger, runner: runnerContext });
  } catch (error) {
    if (error instanceof StageFailure) await report({ outputs: error.outcome.outputs, summary: error.outcome.summary }, writeSummary);
    throw error instanceof StageFailure ? error.cause : error;
  }
  await report({ outputs: outcome.outputs, summary: outcome.summary }, writeSummary);
}
