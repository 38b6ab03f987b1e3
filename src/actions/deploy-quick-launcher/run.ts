import * as core from '@actions/core';
import { hostname } from 'node:os';
import { StageFailure, runStageAsStep, type Stage, type StageOutcome } from '../../lib/stage.js';
import { getInputs, type ParsedInputs } from './inputs.js';
import { STATE_IS_POST } from './state.js';

/** Who holds the deploy Lease: the workflow run, else this machine and process. */
function leaseHolder(env: NodeJS.ProcessEnv): string {
  return [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || `${hostname()}/${process.pid}`;
}

/**
 * deploy-quick-launcher as a stage: provisioning, then the Edge rollout. A failed rollout still
 * reports its outputs (rolled-back) and summary. Its pure core is `plan.ts`; `execute.ts` does the
 * work (kubectl, the API client, YAML), loaded only in `execute`: a bad input fails fast.
 */
export const deployStage: Stage<ParsedInputs> = {
  parse: getInputs,
  async execute(inputs, { env, logger, mask, saveState }) {
    // A base64 kubeconfig is one secret line; a plain one is masked credential by credential
    // (masking each of its lines would turn every 'apiVersion: v1' in the log into ***).
    if (inputs.kubeconfig && !inputs.kubeconfig.trim().includes('\n')) mask(inputs.kubeconfig.trim());
    const [{ DeployRolloutError, RolloutError, deploy }, { deployOutputs, summaryMarkdown, summaryTables }, { execRunner }] = await Promise.all([
      import('./execute.js'),
      import('./summary.js'),
      import('../../tools/exec.js'),
    ]);
    try {
      const result = await deploy(inputs, { logger, runner: execRunner, env, setSecret: mask, saveState, holder: leaseHolder(env) });
      return {
        outputs: { ...deployOutputs(result.rollout, result.provision, result) },
        summary: summaryMarkdown(summaryTables(result.rollout, result.provision, result.hosts, result), result.rollout.diff),
      };
    } catch (error) {
      if (!(error instanceof RolloutError)) throw error;
      // Provisioning that ran before a failed rollout stays counted (it is not rolled back).
      const kept = error instanceof DeployRolloutError ? error.deploy : undefined;
      const outcome: StageOutcome = {
        outputs: { ...deployOutputs(error.result, kept?.provision, kept) },
        summary: summaryMarkdown(summaryTables(error.result, kept?.provision, kept?.hosts ?? [], kept)),
      };
      throw new StageFailure(error, outcome);
    }
  },
};

/** The main and post step of deploy-quick-launcher (one bundle; the post step removes the kubeconfig). */
export async function run(): Promise<void> {
  if (core.getState(STATE_IS_POST) === 'true') {
    const { post } = await import('./post.js');
    await post(core.getState);
    return;
  }
  core.saveState(STATE_IS_POST, 'true');
  await runStageAsStep(deployStage, 'Cloud Pipeline Quick Launcher: deploy');
}
