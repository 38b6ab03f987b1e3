// Marketplace metadata of the six action.yml files: one naming style, the root description under
// the Marketplace's 125-character limit, branding and author everywhere, node24.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const FILES = [
  'action.yml',
  'deploy/action.yml',
  'actions/build-dist-with-launcher/action.yml',
  'actions/build-optimized-images/action.yml',
  'actions/render-edge-config/action.yml',
  'actions/deploy-quick-launcher/action.yml',
];

interface Metadata {
  name?: string;
  description?: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  runs?: { using?: string };
}

const read = (file: string): Metadata => parse(readFileSync(file, 'utf8')) as Metadata;

describe('action metadata', () => {
  test.each(FILES)('%s is named "Cloud Pipeline Quick Launcher[: what it does]", with author, branding and node24', (file) => {
    const action = read(file);
    expect(action.name).toMatch(/^Cloud Pipeline Quick Launcher(: [a-z][\w ()-]+)?$/);
    expect(action.author).toBe('Cloud Pipeline');
    expect(action.branding?.icon).toEqual(expect.any(String));
    expect(action.branding?.color).toEqual(expect.any(String));
    expect(action.runs?.using).toBe('node24');
  });

  test('the names are all different', () => {
    const names = FILES.map((file) => read(file).name);
    expect(new Set(names).size).toBe(FILES.length);
  });

  test('the root description fits the Marketplace (under 125 characters)', () => {
    const description = read('action.yml').description ?? '';
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThan(125);
  });
});
