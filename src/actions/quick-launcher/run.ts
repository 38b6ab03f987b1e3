import * as core from '@actions/core';
import { InputReader, runnerInputs } from '../../lib/inputs.js';
import { actionsLogger } from '../../lib/logger.js';
import { StageFailure, report, runnerContext, type Stage } from '../../lib/stage.js';
import { buildDistStage } from '../build-dist-with-launcher/run.js';
import { buildImagesStage } from '../build-optimized-images/run.js';
import { post } from '../deploy-quick-launcher/post.js';
import { deployStage } from '../deploy-quick-launcher/run.js';
import { STATE_IS_POST } from '../deploy-quick-launcher/state.js';
import { renderEdgeConfigStage } from '../render-edge-config/run.js';
import { parseStages, runChain, type ChainOutcome } from './chain.js';
import { STAGE_NAMES, type StageName } from './stages.js';

/** Each stage's work, the same functions its own action runs. */
export const STAGES: Record<StageName, Stage> = {
  'build-dist': buildDistStage,
  'build-images': buildImagesStage,
  render: renderEdgeConfigStage,
  deploy: deployStage,
};

/**
 * The root action: the chosen stages in one job and one process, one summary. Its post step is
 * the deploy's (the kubeconfig is removed even when the main step was cancelled).
 */
export async function run(): Promise<void> {
  if (core.getState(STATE_IS_POST) === 'true') {
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
