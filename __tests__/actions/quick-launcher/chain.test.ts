import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/lib/errors.js';
import { inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import type { Stage } from '../../../src/lib/stage.js';
import { parseStages, runChain } from '../../../src/actions/quick-launcher/chain.js';
import type { StageName } from '../../../src/actions/quick-launcher/stages.js';

/** A stage that records the inputs it reads and answers fixed outputs. */
function recording(name: string, reads: string[], outputs: Record<string, string>, seen: Record<string, Record<string, string>>): Stage {
  return ({ source }) => {
    seen[name] = Object.fromEntries(reads.map((input) => [input, source(input)]));
    return Promise.resolve({ outputs, summary: `### ${name}\n` });
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
  const root = inputsFrom({
    version: '2.0.0',
    distribution: '/given/cloud-pipeline.2.0.0.tgz',
    'dist-output-dir': '/out/dist',
    'edge-output-dir': '/out/edge',
    'edge-config': '/downloaded/edge-config',
    'tools-manifest': '/downloaded/tools',
    summary: 'false',
  });

  function registry(seen: Record<string, Record<string, string>>): Record<StageName, Stage> {
    return {
      'build-dist': recording('build-dist', ['version', 'distribution', 'output-dir', 'summary'], { 'output-dir': '/out/dist', version: '2.0.0' }, seen),
      'build-images': recording('build-images', ['version', 'output-dir'], { 'tools-manifest': '/out/tools', built: '3' }, seen),
      render: recording('render', ['distribution', 'output-dir'], { 'output-dir': '/out/edge', hosts: '["a.test"]' }, seen),
      deploy: recording('deploy', ['distribution', 'edge-config', 'tools-manifest'], { changed: 'true' }, seen),
    };
  }

  test('feeds each hand-off folder to the next stage and renames outputs', async () => {
    const seen: Record<string, Record<string, string>> = {};
    const outcome = await runChain({ stages: ['build-dist', 'build-images', 'render', 'deploy'], registry: registry(seen), root, env: {}, logger: new MemoryLogger(), runner });
    expect(seen['build-dist']).toEqual({ version: '2.0.0', distribution: '/given/cloud-pipeline.2.0.0.tgz', 'output-dir': '/out/dist', summary: '' });
    expect(seen.render).toEqual({ distribution: '/out/dist', 'output-dir': '/out/edge' });
    expect(seen.deploy).toEqual({ distribution: '/out/dist', 'edge-config': '/out/edge', 'tools-manifest': '/out/tools' });
    expect(outcome.outputs).toEqual({ 'dist-output-dir': '/out/dist', version: '2.0.0', 'tools-manifest': '/out/tools', 'images-built': '3', 'edge-config': '/out/edge', hosts: '["a.test"]', changed: 'true' });
    expect(outcome.summary).toMatch(/^## Quick Launcher: build-dist → build-images → render → deploy\n\n### build-dist\n\n### build-images/);
  });

  test('a stage left out leaves its hand-off to the root input of the same name', async () => {
    const seen: Record<string, Record<string, string>> = {};
    await runChain({ stages: ['deploy'], registry: registry(seen), root, env: {}, logger: new MemoryLogger(), runner });
    expect(Object.keys(seen)).toEqual(['deploy']);
    expect(seen.deploy).toEqual({ distribution: '/given/cloud-pipeline.2.0.0.tgz', 'edge-config': '/downloaded/edge-config', 'tools-manifest': '/downloaded/tools' });
  });

  test('a failing stage stops the chain', async () => {
    const seen: Record<string, Record<string, string>> = {};
    const stages = { ...registry(seen), render: () => Promise.reject(new InputError('app-launcher-host', 'bad')) };
    await expect(runChain({ stages: ['build-dist', 'render', 'deploy'], registry: stages, root, env: {}, logger: new MemoryLogger(), runner })).rejects.toThrow("Input 'app-launcher-host'");
    expect(Object.keys(seen)).toEqual(['build-dist']);
  });
});
