import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { rootActionYaml } from '../../../scripts/root-action.js';
import { STAGE_ACTIONS, STAGE_NAMES, WIRED_INPUTS, rootInputName } from '../../../src/actions/quick-launcher/stages.js';

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post?: string };
}

describe('the root action.yml', () => {
  test('is the one scripts/root-action.ts writes from the four actions (npm run root-action)', () => {
    expect(readFileSync('action.yml', 'utf8')).toBe(rootActionYaml());
  });

  test("offers every stage input, renamed where names clash, with the stage's default", () => {
    const root = parse(readFileSync('action.yml', 'utf8')) as ActionYaml;
    for (const stage of STAGE_NAMES) {
      const own = parse(readFileSync(`actions/${STAGE_ACTIONS[stage]}/action.yml`, 'utf8')) as ActionYaml;
      for (const [name, input] of Object.entries(own.inputs)) {
        const rootName = rootInputName(stage, name);
        if (rootName === null) continue;
        expect(root.inputs).toHaveProperty([rootName]);
        if (!WIRED_INPUTS[stage]?.[name] && root.inputs[rootName].description.startsWith(`[${stage}]`)) {
          expect(root.inputs[rootName].default ?? '').toBe(input.default ?? '');
        }
      }
    }
    expect(root.runs).toEqual({ using: 'node24', main: 'dist/quick-launcher/index.js', post: 'dist/quick-launcher/index.js', 'post-if': 'always()' });
  });

  test('deploy/action.yml is the deploy action under its short path: same inputs, outputs and bundle', () => {
    const short = parse(readFileSync('deploy/action.yml', 'utf8')) as ActionYaml & { name: string };
    const full = parse(readFileSync('actions/deploy-quick-launcher/action.yml', 'utf8')) as ActionYaml & { name: string };
    expect(short.inputs).toEqual(full.inputs);
    expect(short.outputs).toEqual(full.outputs);
    expect(short.runs).toEqual({ ...full.runs, main: '../dist/deploy-quick-launcher/index.js', post: '../dist/deploy-quick-launcher/index.js' });
  });
});
