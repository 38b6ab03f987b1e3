import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/lib/errors.js';
import { isPending } from '../../../src/lib/handoff.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { StageFailure, type Stage, type StageInputs } from '../../../src/lib/stage.js';
import { ChainFailure, parseChain, parseStages, runChain } from '../../../src/actions/quick-launcher/chain.js';
import type { StageName } from '../../../src/actions/quick-launcher/stages.js';

type Recorded = StageInputs & Record<string, unknown>;

/**
 * A stage that parses the inputs it names (each as a hand-off, so a wired one stays pending),
 * records what it was given when it runs, and answers fixed outputs.
 */
function recording(name: string, reads: string[], outputs: Record<string, string>, seen: Record<string, Record<string, unknown>>): Stage<Recorded> {
  return {
    parse: (reader) => ({ summary: reader.boolean('summary', true), ...Object.fromEntries(reads.map((input) => [input, reader.handoff(input) ?? ''])) }),
    execute: (inputs) => {
      seen[name] = Object.fromEntries(reads.map((input) => [input, inputs[input]]));
      return Promise.resolve({ outputs, summary: `### ${name}\n` });
    },
  };
}

describe('parseStages', () => {
  test('keeps the chain order whatever order they are given in', () => {
    expect(parseStages('deploy, render\nbuild-dist')).toEqual(['build-dist', 'render', 'deploy']);
  });

  test.each([
    ['', 'names no stage'],
    ['render,publish', "'publish' is not one of"],
    ['render,render', 'names a stage twice'],
  ])('%j is refused', (text, message) => {
    expect(() => parseStages(text)).toThrow(InputError);
    expect(() => parseStages(text)).toThrow(message);
  });
});

const runner = { mask: () => undefined, saveState: () => undefined };

describe('runChain', () => {
  const values = {
    version: '2.0.0',
    distribution: '/given/cloud-pipeline.2.0.0.tgz',
    'dist-output-dir': '/out/dist',
    'edge-output-dir': '/out/edge',
    'edge-config': '/downloaded/edge-config',
    'tools-manifest': '/downloaded/tools',
    summary: 'false',
  };
  const root = inputsFrom(values);

  function registry(seen: Record<string, Record<string, unknown>>): Record<StageName, Stage> {
    return {
      'build-dist': recording('build-dist', ['version', 'distribution', 'output-dir'], { 'output-dir': '/out/dist', version: '2.0.0' }, seen),
      'build-images': recording('build-images', ['version', 'output-dir'], { 'tools-manifest': '/out/tools', built: '3' }, seen),
      render: recording('render', ['distribution', 'output-dir'], { 'output-dir': '/out/edge', hosts: '["a.test"]' }, seen),
      deploy: recording('deploy', ['distribution', 'edge-config', 'tools-manifest'], { changed: 'true' }, seen),
    };
  }

  test('feeds each hand-off folder to the next stage and renames outputs', async () => {
    const seen: Record<string, Record<string, unknown>> = {};
    const outcome = await runChain({ stages: ['build-dist', 'build-images', 'render', 'deploy'], registry: registry(seen), root, env: {}, logger: new MemoryLogger(), runner });
    expect(seen['build-dist']).toEqual({ version: '2.0.0', distribution: '/given/cloud-pipeline.2.0.0.tgz', 'output-dir': '/out/dist' });
    expect(seen.render).toEqual({ distribution: '/out/dist', 'output-dir': '/out/edge' });
    expect(seen.deploy).toEqual({ distribution: '/out/dist', 'edge-config': '/out/edge', 'tools-manifest': '/out/tools' });
    expect(outcome.outputs).toEqual({ 'dist-output-dir': '/out/dist', version: '2.0.0', 'tools-manifest': '/out/tools', 'images-built': '3', 'edge-config': '/out/edge', hosts: '["a.test"]', changed: 'true' });
    expect(outcome.summary).toMatch(/^## Quick Launcher: build-dist → build-images → render → deploy\n\n### build-dist\n\n### build-images/);
  });

  test("a stage's summary input is not the root's (the root writes one summary)", () => {
    const [buildDist] = parseChain(['build-dist'], registry({}), new InputReader(root), {});
    expect(buildDist.inputs.summary).toBe(true);
  });

  test('a hand-off from a selected earlier stage is pending while the inputs are parsed', () => {
    const parsed = parseChain(['build-dist', 'render', 'deploy'], registry({}), new InputReader(root), {});
    const deploy = parsed[2].inputs as Recorded;
    expect(deploy.distribution).toEqual({ pending: true, from: 'build-dist', output: 'output-dir' });
    expect(deploy['edge-config']).toEqual({ pending: true, from: 'render', output: 'output-dir' });
    // build-images is not selected: its hand-off is the root input of the same name.
    expect(deploy['tools-manifest']).toBe('/downloaded/tools');
    expect(isPending((parsed[1].inputs as Recorded).distribution)).toBe(true);
  });

  test('a stage left out leaves its hand-off to the root input of the same name', async () => {
    const seen: Record<string, Record<string, unknown>> = {};
    await runChain({ stages: ['deploy'], registry: registry(seen), root, env: {}, logger: new MemoryLogger(), runner });
    expect(Object.keys(seen)).toEqual(['deploy']);
    expect(seen.deploy).toEqual({ distribution: '/given/cloud-pipeline.2.0.0.tgz', 'edge-config': '/downloaded/edge-config', 'tools-manifest': '/downloaded/tools' });
  });

  test('a bad input of a later stage fails before any stage runs', async () => {
    const seen: Record<string, Record<string, unknown>> = {};
    const stages: Record<StageName, Stage> = {
      ...registry(seen),
      deploy: {
        parse: (reader) => ({ summary: true, namespace: reader.choice('namespace', ['default'], 'default') }),
        execute: () => Promise.reject(new Error('deploy ran')),
      },
    };
    const bad = inputsFrom({ ...values, namespace: 'Not_A_Namespace' });
    await expect(runChain({ stages: ['build-dist', 'render', 'deploy'], registry: stages, root: bad, env: {}, logger: new MemoryLogger(), runner })).rejects.toThrow("Input 'namespace'");
    expect(seen).toEqual({});
  });

  test('a failing stage stops the chain', async () => {
    const seen: Record<string, Record<string, unknown>> = {};
    const failing: Stage = { parse: () => ({ summary: true }), execute: () => Promise.reject(new InputError('app-launcher-host', 'bad')) };
    const stages = { ...registry(seen), render: failing };
    await expect(runChain({ stages: ['build-dist', 'render', 'deploy'], registry: stages, root, env: {}, logger: new MemoryLogger(), runner })).rejects.toThrow("Input 'app-launcher-host'");
    expect(Object.keys(seen)).toEqual(['build-dist']);
  });

  test('a failing stage leaves a summary: the stages that completed with theirs, the failed one, the ones not run', async () => {
    const cause = new InputError('app-launcher-host', 'bad');
    const stages = { ...registry({}), render: { parse: () => ({ summary: true }), execute: () => Promise.reject(cause) } satisfies Stage };
    const failure = await runChain({ stages: ['build-dist', 'render', 'deploy'], registry: stages, root, env: {}, logger: new MemoryLogger(), runner }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChainFailure);
    const { outcome, stage } = failure as ChainFailure;
    expect([stage, (failure as ChainFailure).cause]).toEqual(['render', cause]);
    expect(outcome.stages.map((entry) => entry.name)).toEqual(['build-dist']);
    expect(outcome.outputs).toEqual({ 'dist-output-dir': '/out/dist', version: '2.0.0' });
    expect(outcome.summary).toBe(
      ['## Quick Launcher: build-dist → render → deploy', '', '### build-dist\n', '### Stage render failed', '', "Failed: Input 'app-launcher-host': bad", '', 'Not run: deploy', ''].join('\n'),
    );
  });

  test("a stage that fails after it had something to report (a rollback) keeps its outputs and summary in the chain's", async () => {
    const stages = {
      ...registry({}),
      deploy: { parse: () => ({ summary: true }), execute: () => Promise.reject(new StageFailure(new Error('rollout timed out'), { outputs: { 'rolled-back': 'true' }, summary: '### Rolled back\n' })) } satisfies Stage,
    };
    const failure = (await runChain({ stages: ['render', 'deploy'], registry: stages, root, env: {}, logger: new MemoryLogger(), runner }).catch((error: unknown) => error)) as ChainFailure;
    expect((failure.cause as Error).message).toBe('rollout timed out');
    expect(failure.outcome.outputs).toEqual({ 'edge-config': '/out/edge', hosts: '["a.test"]', 'rolled-back': 'true' });
    expect(failure.outcome.summary).toBe(['## Quick Launcher: render → deploy', '', '### render\n', '### Stage deploy failed', '', 'Failed: rollout timed out', '', '### Rolled back\n'].join('\n'));
  });

  test("a stage's own log group becomes a line inside the root's stage group", async () => {
    const logger = new MemoryLogger();
    const grouping: Stage = {
      parse: () => ({ summary: true }),
      execute: async (_inputs, context) => {
        await context.logger.group('nginx -t on the rendered configuration', () => Promise.resolve(context.logger.info('ok')));
        return { outputs: {}, summary: '' };
      },
    };
    await runChain({ stages: ['render'], registry: { ...registry({}), render: grouping }, root, env: {}, logger, runner });
    expect(logger.lines).toEqual(['group: stage render', '▸ nginx -t on the rendered configuration', 'ok']);
  });
});
