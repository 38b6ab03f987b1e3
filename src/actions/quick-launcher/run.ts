import * as core from '@actions/core';
import { InputReader, runnerInputs } from '../../lib/inputs.js';
import { actionsLogger } from '../../lib/logger.js';
import { failedLine } from '../../lib/failure-summary.js';
import { report, reportFailure, runnerContext, wantsSummary } from '../../lib/stage.js';
import { STATE_IS_POST } from '../deploy-quick-launcher/state.js';
import { ChainFailure, executeChain } from './chain.js';
import { getInputs, type Inputs } from './inputs.js';

/** The title of a failure before any stage ran (the stages themselves may be what was wrong). */
const TITLE = '## Cloud Pipeline Quick Launcher';

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
  const reader = new InputReader(runnerInputs);
  let inputs: Inputs;
  try {
    inputs = getInputs(reader, process.env);
  } catch (error) {
    await reportFailure({ outputs: {}, summary: [TITLE, '', failedLine(error), ''].join('\n') }, wantsSummary(reader));
    throw error;
  }
  try {
    const outcome = await executeChain(inputs.stages, { env: process.env, logger: actionsLogger, runner: runnerContext });
    await report({ outputs: outcome.outputs, summary: outcome.summary }, inputs.summary);
  } catch (error) {
    if (!(error instanceof ChainFailure)) throw error;
    // The outputs of the stages that ran stay set (e.g. the distribution built before a failed deploy).
    await reportFailure(error.outcome, inputs.summary);
    throw error.cause;
  }
}
