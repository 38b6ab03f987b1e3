import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { regenerate } from '../scripts/readme-tables.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  test('its inputs and outputs tables match the action.yml files (npm run docs)', () => {
    expect(readme).toBe(regenerate(readme));
  });

  test('documents every action that exists', () => {
    for (const file of ['actions/render-edge-config/action.yml', 'actions/build-dist-with-launcher/action.yml', 'actions/build-optimized-images/action.yml', 'actions/deploy-quick-launcher/action.yml']) {
      if (existsSync(file)) expect(readme).toContain(`<!-- action:${file} -->`);
    }
  });

  test('names the two commands: the demo and the tests', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });
});
