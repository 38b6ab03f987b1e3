import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/lib/errors.js';
import { StageFailure, runStageAsStep, type Stage, type StageOutcome } from '../../src/lib/stage.js';

const TITLE = 'Cloud Pipeline Quick Launcher: test';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

// @actions/core keeps the summary file's path after its first write: one file, emptied for each step.
const summaryFile = join(mkdtempSync(join(tmpdir(), 'qla-stage-summary-')), 'summary');

/** The runner's view of a step: INPUT_SUMMARY and the command files. */
function step(summary: string | undefined): { output: string; summaryFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qla-stage-'));
  const output = join(dir, 'output');
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
    await expect(runStageAsStep(stage, TITLE)).rejects.toThrow(/summary/);
    expect(ran).toBe(false);
  });

  test('summary: false keeps the outputs and skips the summary', async () => {
    const files = step('false');
    await runStageAsStep(stageOf({ outputs: { done: 'yes' }, summary: '### done' }), TITLE);
    expect(readFileSync(files.output, 'utf8')).toContain('done<<');
    expect(readFileSync(files.summaryFile, 'utf8')).toBe('');
  });

  test('the summary is written by default', async () => {
    const files = step(undefined);
    await runStageAsStep(stageOf({ outputs: {}, summary: '### done' }), TITLE);
    expect(readFileSync(files.summaryFile, 'utf8')).toContain('### done');
  });

  test('a bad input still writes a summary: the title and the failure', async () => {
    const files = step(undefined);
    process.env.INPUT_COLOUR = 'purple';
    const stage: Stage = {
      parse: (reader) => ({ summary: reader.boolean('summary', true), colour: reader.choice('colour', ['red', 'blue'], 'red') }),
      execute: () => Promise.reject(new Error('ran')),
    };
    await expect(runStageAsStep(stage, TITLE)).rejects.toThrow("Input 'colour'");
    expect(readFileSync(files.summaryFile, 'utf8')).toBe(`### ${TITLE}\n\nFailed: Input 'colour': 'purple' is not one of red, blue\n\n`);
  });

  test('a failure in the work writes the same line the step fails with; summary: false writes nothing', async () => {
    const failing = (summary: string | undefined) => {
      const files = step(summary);
      const stage: Stage = { parse: (reader) => ({ summary: reader.boolean('summary', true) }), execute: () => Promise.reject(new Error('the API at <https://cp.test> did not answer\nafter 6 attempts')) };
      return { files, run: runStageAsStep(stage, TITLE) };
    };
    const on = failing(undefined);
    await expect(on.run).rejects.toThrow('did not answer');
    // The summary renders HTML: the message reads as text, its lines as lines.
    expect(readFileSync(on.files.summaryFile, 'utf8')).toBe(`### ${TITLE}\n\nFailed: the API at &lt;https://cp.test&gt; did not answer  \nafter 6 attempts\n\n`);
    const off = failing('false');
    await expect(off.run).rejects.toThrow('did not answer');
    expect(readFileSync(off.files.summaryFile, 'utf8')).toBe('');
  });

  test('a StageFailure writes the stage\'s own summary and outputs, then fails with its cause', async () => {
    const files = step(undefined);
    const cause = new InputError('app-launcher-host', 'bad');
    const stage: Stage = { parse: () => ({ summary: true }), execute: () => Promise.reject(new StageFailure(cause, { outputs: { 'rolled-back': 'true' }, summary: '### rolled back\n' })) };
    await expect(runStageAsStep(stage, TITLE)).rejects.toBe(cause);
    expect(readFileSync(files.summaryFile, 'utf8')).toBe('### rolled back\n\n');
    expect(readFileSync(files.output, 'utf8')).toContain('rolled-back<<');
  });
});
