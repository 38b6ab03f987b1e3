import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStageAsStep, type Stage, type StageOutcome } from '../../src/lib/stage.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** The runner's view of a step: INPUT_SUMMARY and the command files. */
function step(summary: string | undefined): { output: string; summaryFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qla-stage-'));
  const output = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summaryFile, '');
  process.env.GITHUB_OUTPUT = output;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  if (summary === undefined) delete process.env.INPUT_SUMMARY;
  else process.env.INPUT_SUMMARY = summary;
  return { output, summaryFile };
}

/** A stage whose only input is `summary`, answering `outcome`. */
function stageOf(outcome: StageOutcome, onExecute: () => void = () => undefined): Stage {
  return {
    parse: (reader) => ({ summary: reader.boolean('summary', true) }),
    execute: () => {
      onExecute();
      return Promise.resolve(outcome);
    },
  };
}

describe('runStageAsStep', () => {
  test('a bad summary value fails before the stage does any work', async () => {
    step('maybe');
    let ran = false;
    const stage = stageOf({ outputs: { done: 'yes' }, summary: '### done' }, () => {
      ran = true;
    });
    await expect(runStageAsStep(stage)).rejects.toThrow(/summary/);
    expect(ran).toBe(false);
  });

  test('summary: false keeps the outputs and skips the summary', async () => {
    const files = step('false');
    await runStageAsStep(stageOf({ outputs: { done: 'yes' }, summary: '### done' }));
    expect(readFileSync(files.output, 'utf8')).toContain('done<<');
    expect(readFileSync(files.summaryFile, 'utf8')).toBe('');
  });

  test('the summary is written by default', async () => {
    const files = step(undefined);
    await runStageAsStep(stageOf({ outputs: {}, summary: '### done' }));
    expect(readFileSync(files.summaryFile, 'utf8')).toContain('### done');
  });
});
