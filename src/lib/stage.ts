import * as core from '@actions/core';
import { InputReader, runnerInputs, type InputSource } from './inputs.js';
import { actionsLogger, type Logger } from './logger.js';

/** What a stage is given: where its inputs come from, the environment, a logger, the runner. */
export interface StageContext {
  source: InputSource;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Registers a secret with the runner's log masking. */
  mask: (secret: string) => void;
  /** Keeps a value for the action's post step. */
  saveState: (name: string, value: string) => void;
}

/** The runner's side of a StageContext. */
export const runnerContext = {
  mask: (secret: string) => core.setSecret(secret),
  saveState: (name: string, value: string) => core.saveState(name, value),
};

/** What a stage gives back: its outputs (named as in its action.yml) and its summary (Markdown). */
export interface StageOutcome {
  outputs: Record<string, string>;
  summary: string;
}

/**
 * A stage that failed after it had something to report (e.g. a rollback): the step still sets
 * the outputs and writes the summary, then fails with `cause`.
 */
export class StageFailure extends Error {
  constructor(
    override readonly cause: Error,
    readonly outcome: StageOutcome,
  ) {
    super(cause.message);
  }
}

/**
 * One action's work, apart from the runner: each sub-action runs its stage once as a step, and
 * the root action runs several in one process, wiring one stage's outputs into the next.
 */
export type Stage = (context: StageContext) => Promise<StageOutcome>;

/** Runs a stage as the step of its own action: outputs set, summary written unless `summary: false`. */
export async function runStageAsStep(stage: Stage): Promise<void> {
  // Parsed before any work: a bad `summary` value must change nothing.
  const writeSummary = new InputReader(runnerInputs).boolean('summary', true);
  let outcome: StageOutcome;
  let failure: Error | undefined;
  try {
    outcome = await stage({ source: runnerInputs, env: process.env, logger: actionsLogger, ...runnerContext });
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    outcome = error.outcome;
    failure = error.cause;
  }
  await report(outcome, writeSummary);
  if (failure) throw failure;
}

/** Sets a step's outputs and writes its summary (unless `writeSummary` is false). */
export async function report(outcome: StageOutcome, writeSummary: boolean): Promise<void> {
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  // Outside a runner (local runs) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY && writeSummary && outcome.summary !== '') {
    await core.summary.addRaw(outcome.summary, true).write();
  }
}
