import { InputError } from '../../lib/errors.js';
import { failedLine } from '../../lib/failure-summary.js';
import { resolveHandoffs } from '../../lib/handoff.js';
import { InputReader, type InputSource } from '../../lib/inputs.js';
import type { Logger } from '../../lib/logger.js';
import { StageFailure, type Stage, type StageContext, type StageInputs, type StageOutcome } from '../../lib/stage.js';
import { STAGE_NAMES, WIRED_INPUTS, rootInputName, rootOutputName, type StageName } from './stages.js';

/** One selected stage with its inputs, parsed before any stage runs. */
export interface ParsedStage {
  name: StageName;
  stage: Stage;
  inputs: StageInputs;
}

/** What one run of the chain gave: each stage's outcome, the root outputs, the summary. */
export interface ChainOutcome {
  stages: Array<{ name: StageName; outcome: StageOutcome }>;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * A stage of the chain failed: `outcome` holds what the stages before it gave (and what the failed
 * one reported, a rollback's outputs and summary), its summary naming the failed stage and the
 * ones not run; `cause` is the stage's own error.
 */
export class ChainFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly stage: StageName,
    readonly outcome: ChainOutcome,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The root action's summary title: the stages it runs, in order. */
function chainTitle(stages: readonly StageName[]): string {
  return `## Quick Launcher: ${stages.join(' → ')}`;
}

/** What the chain's stages are given besides their inputs. */
export interface ChainContext {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  runner: Pick<StageContext, 'mask' | 'saveState'>;
}

/** Parses the `stages` input: known names, no repeats; they always run in the chain's order. */
export function parseStages(text: string): StageName[] {
  const names = text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new InputError('stages', `names no stage; use some of ${STAGE_NAMES.join(', ')}`);
  for (const name of names) {
    if (!(STAGE_NAMES as readonly string[]).includes(name)) throw new InputError('stages', `'${name}' is not one of ${STAGE_NAMES.join(', ')}`);
  }
  if (new Set(names).size !== names.length) throw new InputError('stages', 'names a stage twice');
  return STAGE_NAMES.filter((name) => names.includes(name));
}

/**
 * The reader one stage's inputs are parsed with: its (renamed) root inputs, and each hand-off
 * pending on the earlier stage that writes it when that stage is selected too.
 */
export function stageReader(stage: StageName, root: InputReader, selected: readonly StageName[]): InputReader {
  const source: InputSource = (input) => {
    const name = rootInputName(stage, input);
    return name === null ? '' : (root.optional(name) ?? '');
  };
  return new InputReader(source, (input) => {
    const wired = WIRED_INPUTS[stage]?.[input];
    return wired && selected.includes(wired.from) ? { pending: true, from: wired.from, output: wired.output } : undefined;
  });
}

/** Parses every selected stage's inputs, in the chain's order; the first bad one throws. */
export function parseChain(stages: readonly StageName[], registry: Record<StageName, Stage>, root: InputReader, env: NodeJS.ProcessEnv): ParsedStage[] {
  return stages.map((name) => ({ name, stage: registry[name], inputs: registry[name].parse(stageReader(name, root, stages), env) }));
}

/**
 * Runs the parsed stages in order in this process (a composite action could not: nested
 * `uses: ./x` resolve in the caller's workspace, actions/runner#1348), each in a log group (the
 * stage's own groups become lines in it: logger.ts), feeding each hand-off folder to the next
 * stage, and gathers one summary.
 */
export async function executeChain(parsed: readonly ParsedStage[], context: ChainContext): Promise<ChainOutcome> {
  const done = new Map<StageName, StageOutcome>();
  const outcome: ChainOutcome = { stages: [], outputs: {}, summary: '' };
  const title = chainTitle(parsed.map((stage) => stage.name));
  const keep = (name: StageName, result: StageOutcome) => {
    outcome.stages.push({ name, outcome: result });
    for (const [output, value] of Object.entries(result.outputs)) outcome.outputs[rootOutputName(name, output)] = value;
  };
  for (const [index, { name, stage, inputs }] of parsed.entries()) {
    const resolved = resolveHandoffs(inputs, (pending) => done.get(pending.from as StageName)?.outputs[pending.output] ?? '');
    let result: StageOutcome;
    try {
      result = await context.logger.group(`stage ${name}`, () => stage.execute(resolved, { env: context.env, logger: context.logger, ...context.runner }));
    } catch (error) {
      const completed = outcome.stages.map((entry) => entry.outcome.summary);
      const cause = error instanceof StageFailure ? error.cause : error;
      if (error instanceof StageFailure) keep(name, error.outcome);
      const notRun = parsed.slice(index + 1).map((entry) => entry.name);
      outcome.summary = [
        title,
        '',
        ...completed,
        `### Stage ${name} failed`,
        '',
        failedLine(cause),
        '',
        ...(error instanceof StageFailure && error.outcome.summary !== '' ? [error.outcome.summary] : []),
        ...(notRun.length > 0 ? [`Not run: ${notRun.join(', ')}`, ''] : []),
      ].join('\n');
      throw new ChainFailure(cause, name, outcome);
    }
    done.set(name, result);
    keep(name, result);
  }
  outcome.summary = [title, '', ...outcome.stages.map((stage) => stage.outcome.summary)].join('\n');
  return outcome;
}

/** Parses every selected stage's inputs, then runs them (the demo and the end-to-end tests). */
export async function runChain(options: ChainContext & { stages: readonly StageName[]; registry: Record<StageName, Stage>; root: InputSource }): Promise<ChainOutcome> {
  return executeChain(parseChain(options.stages, options.registry, new InputReader(options.root), options.env), options);
}
