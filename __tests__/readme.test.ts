import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { documentFiles, regenerate } from '../scripts/readme-tables.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  test.each(documentFiles())('the generated sections of %s match their sources (npm run docs)', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(regenerate(text));
  });

  test('the benchmark table is the latest run of npm run bench', () => {
    expect(readme).toContain(`<!-- bench -->\n${readFileSync('bench/results.md', 'utf8').trimEnd()}\n<!-- /bench -->`);
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
