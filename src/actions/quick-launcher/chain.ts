import { InputError } from '../../lib/errors.js';
import type { InputSource } from '../../lib/inputs.js';
import type { Logger } from '../../lib/logger.js';
import type { Stage, StageContext, StageOutcome } from '../../lib/stage.js';
import { STAGE_NAMES, WIRED_INPUTS, rootInputName, rootOutputName, type StageName } from './stages.js';

/** What one run of the chain gave: each stage's outcome, the root outputs, the summary. */
export interface ChainOutcome {
  stages: Array<{ name: StageName; outcome: StageOutcome }>;
  outputs: Record<string, string>;
  summary: string;
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

/** The input source one stage sees: wired hand-offs first, then the (renamed) root inputs. */
export function stageSource(stage: StageName, root: InputSource, done: ReadonlyMap<StageName, StageOutcome>): InputSource {
  return (input) => {
    const wired = WIRED_INPUTS[stage]?.[input];
    const producer = wired ? done.get(wired.from) : undefined;
    if (wired && producer) return producer.outputs[wired.output] ?? '';
    const name = rootInputName(stage, input);
    return name === null ? '' : root(name);
  };
}

/**
 * Runs the selected stages in order in this process (a composite action could not: nested
 * `uses: ./x` resolve in the caller's workspace, actions/runner#1348), each in a log group,
 * feeding each hand-off folder to the next stage, and gathers one summary.
 */
export async function runChain(options: {
  stages: readonly StageName[];
  registry: Record<StageName, Stage>;
  root: InputSource;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  runner: Pick<StageContext, 'mask' | 'saveState'>;
}): Promise<ChainOutcome> {
  const done = new Map<StageName, StageOutcome>();
  const outcome: ChainOutcome = { stages: [], outputs: {}, summary: '' };
  for (const name of options.stages) {
    const result = await options.logger.group(`stage ${name}`, () =>
      options.registry[name]({ source: stageSource(name, options.root, done), env: options.env, logger: options.logger, ...options.runner }),
    );
    done.set(name, result);
    outcome.stages.push({ name, outcome: result });
    for (const [output, value] of Object.entries(result.outputs)) outcome.outputs[rootOutputName(name, output)] = value;
  }
  outcome.summary = [`## Quick Launcher: ${options.stages.join(' → ')}`, '', ...outcome.stages.map((stage) => stage.outcome.summary)].join('\n');
  return outcome;
}
