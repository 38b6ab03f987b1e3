import * as core from '@actions/core';
import { errorMessage } from './errors.js';
import { failureSummary } from './failure-summary.js';
import { given, type Resolved } from './handoff.js';
import { InputReader, runnerInputs } from './inputs.js';
import { actionsLogger, type Logger } from './logger.js';

/** What a stage's work is given besides its inputs: the environment, a logger, the runner. */
export interface StageContext {
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

/** What every stage's parsed inputs carry: whether its own step writes the job summary. */
export interface StageInputs {
  summary: boolean;
}

/**
 * One action's work, apart from the runner, in two parts so that the root action can parse the
 * inputs of every stage it runs before the first one starts (a bad deploy input fails before
 * build-dist builds anything). `parse` is the action's `getInputs`: it must not load the modules
 * the work needs (cold start); `execute` loads them. Each sub-action runs its stage once as a
 * step; the root action runs several in one process, wiring one stage's outputs into the next.
 */
export interface Stage<I extends StageInputs = StageInputs> {
  parse(reader: InputReader, env: NodeJS.ProcessEnv): I;
  /** Hand-off inputs (handoff.ts) are resolved by then. */
  execute(inputs: Resolved<I>, context: StageContext): Promise<StageOutcome>;
}

/**
 * Runs a stage as the step of its own action (`title`: its action.yml name): outputs set, summary
 * written unless `summary: false`. A failure writes a summary too: the stage's own when it had
 * something to report (StageFailure), else the title and `Failed: <message>`.
 */
export async function runStageAsStep<I extends StageInputs>(stage: Stage<I>, title: string): Promise<void> {
  const reader = new InputReader(runnerInputs);
  let summary = wantsSummary(reader);
  let outcome: StageOutcome;
  let failed = false;
  let failure: unknown;
  try {
    // Every input, `summary` included, is parsed before any work: a bad value changes nothing.
    const inputs = given(stage.parse(reader, process.env));
    summary = inputs.summary;
    outcome = await stage.execute(inputs, { env: process.env, logger: actionsLogger, ...runnerContext });
  } catch (error) {
    failed = true;
    failure = error instanceof StageFailure ? error.cause : error;
    outcome = error instanceof StageFailure ? error.outcome : { outputs: {}, summary: failureSummary(title, error) };
  }
  if (!failed) return report(outcome, summary);
  await reportFailure(outcome, summary);
  throw failure;
}

/**
 * `summary` read on its own, for a failure before the stage's inputs are parsed: a value that is
 * not a boolean (itself the failure, then) leaves the default, a summary.
 */
export function wantsSummary(reader: InputReader): boolean {
  try {
    return reader.boolean('summary', true);
  } catch {
    return true;
  }
}

/** `report` for a step that is failing anyway: a summary that cannot be written is a warning, not the step's error. */
export async function reportFailure(outcome: StageOutcome, writeSummary: boolean): Promise<void> {
  try {
    await report(outcome, writeSummary);
  } catch (error) {
    core.warning(`the summary of the failure could not be written: ${errorMessage(error)}`);
  }
}

/** Sets a step's outputs and writes its summary (unless `writeSummary` is false). */
export async function report(outcome: StageOutcome, writeSummary: boolean): Promise<void> {
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  // Outside a runner (local runs) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY && writeSummary && outcome.summary !== '') {
    await core.summary.addRaw(outcome.summary, true).write();
  }
}
