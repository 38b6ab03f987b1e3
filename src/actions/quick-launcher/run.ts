import * as core from '@actions/core';
import { InputReader, runnerInputs } from '../../lib/inputs.js';
import { actionsLogger } from '../../lib/logger.js';
import { StageFailure, report, runnerContext } from '../../lib/stage.js';
import { STATE_IS_POST } from '../deploy-quick-launcher/state.js';
import { executeChain, type ChainOutcome } from './chain.js';
import { getInputs } from './inputs.js';

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
  const inputs = getInputs(new InputReader(runnerInputs), process.env);
  let outcome: ChainOutcome;
  try {
    outcome = await executeChain(inputs.stages, { env: process.env, logger: actionsLogger, runner: runnerContext });
  } catch (error) {
    if (error instanceof StageFailure) await report(error.outcome, inputs.summary);
    throw error instanceof StageFailure ? error.cause : error;
  }
  await report({ outputs: outcome.outputs, summary: outcome.summary }, inputs.summary);
}
