import * as core from '@actions/core';
import { hostname } from 'node:os';
import { InputReader } from '../../lib/inputs.js';
import { actionsLogger } from '../../lib/logger.js';
import { execRunner } from '../../tools/exec.js';
import { RolloutError, deploy } from './deploy.js';
import { getInputs } from './inputs.js';
import { post } from './post.js';
import { STATE_IS_POST } from './state.js';
import { deployOutputs, summaryTables, type DeployOutputs, type SummaryTables } from './summary.js';


async function writeSummary(content: SummaryTables, diff?: string): Promise<void> {
  core.summary.addHeading(content.title, 2);
  for (const table of content.tables) {
    core.summary.addHeading(table.heading, 3);
    const [header, ...rows] = table.rows;
    core.summary.addTable([header.map((cell) => ({ data: cell, header: true })), ...rows]);
  }
  if (diff) core.summary.addDetails('kubectl diff', `<pre>${diff.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`);
  await core.summary.write();
}

function setOutputs(outputs: DeployOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** The shell of deploy-quick-launcher (main and post step of one bundle). */
export async function run(): Promise<void> {
  if (core.getState(STATE_IS_POST) === 'true') {
    await post(core.getState);
    return;
  }
  core.saveState(STATE_IS_POST, 'true');
  const inputs = getInputs(new InputReader());
  // A base64 kubeconfig is one secret line; a plain one is masked credential by credential
  // (masking each of its lines would turn every 'apiVersion: v1' in the log into ***).
  if (!inputs.kubeconfig.trim().includes('\n')) core.setSecret(inputs.kubeconfig.trim());
  const holder = [process.env.GITHUB_REPOSITORY, process.env.GITHUB_RUN_ID, process.env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || `${hostname()}/${process.pid}`;
  try {
    const result = await deploy(inputs, {
      logger: actionsLogger,
      runner: execRunner,
      env: process.env,
      setSecret: (value) => core.setSecret(value),
      saveState: (name, value) => core.saveState(name, value),
      holder,
    });
    setOutputs(deployOutputs(result.rollout, result.provision));
    if (inputs.summary) await writeSummary(summaryTables(result.rollout, result.provision, result.hosts), result.rollout.diff);
  } catch (error) {
    if (error instanceof RolloutError) {
      setOutputs(deployOutputs(error.result));
      if (inputs.summary) await writeSummary(summaryTables(error.result, undefined, []));
    }
    throw error;
  }
}
