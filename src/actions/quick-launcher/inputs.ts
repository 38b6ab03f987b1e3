import type { InputReader } from '../../lib/inputs.js';
import { parseChain, parseStages, type ParsedStage } from './chain.js';
import { STAGES } from './registry.js';
import { STAGE_NAMES } from './stages.js';

/** The root action's inputs: the stages to run, each with its own inputs parsed, and `summary`. */
export interface Inputs {
  stages: ParsedStage[];
  summary: boolean;
}

/**
 * Reads every input of the root action before any stage runs: a bad input of a later stage
 * (deploy) fails before an earlier one (build-dist) has built anything.
 */
export function getInputs(reader: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const names = parseStages(reader.optional('stages') ?? STAGE_NAMES.join(','));
  const summary = reader.boolean('summary', true);
  return { stages: parseChain(names, STAGES, reader, env), summary };
}
