import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/lib/errors.js';
import { InputReader, inputsFrom } from '../../src/lib/inputs.js';
import { PRODUCER_VERSION } from '../../src/lib/version.js';

const reader = (values: Record<string, string>) => new InputReader(inputsFrom(values));

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('InputReader', () => {
  test('reads typed values with fallbacks', () => {
    const inputs = reader({ flag: 'True', mode: 'docker', count: '8', list: 'a, b\nc\n\n', env: 'A=1\nB=two' });
    expect(inputs.boolean('flag', false)).toBe(true);
    expect(inputs.boolean('absent', true)).toBe(true);
    expect(inputs.choice('mode', ['docker', 'buildah'] as const, 'buildah')).toBe('docker');
    expect(inputs.integer('count', 4, { min: 1, max: 16 })).toBe(8);
    expect(inputs.list('list')).toEqual(['a', 'b', 'c']);
    expect([...inputs.keyValues('env')]).toEqual([['A', '1'], ['B', 'two']]);
    expect(inputs.optional('absent')).toBeUndefined();
    expect(inputs.string('absent', 'default')).toBe('default');
  });

  test.each([
    ['required', () => reader({}).required('api-url'), 'api-url', 'is required'],
    ['boolean', () => reader({ 'dry-run': 'yes' }).boolean('dry-run', false), 'dry-run', "'yes' is not a boolean"],
    ['choice', () => reader({ builder: 'kaniko' }).choice('builder', ['docker', 'buildah'] as const, 'docker'), 'builder', 'not one of docker, buildah'],
    ['integer', () => reader({ 'max-parallel': '2.5' }).integer('max-parallel', 2), 'max-parallel', 'not a whole number'],
    ['range', () => reader({ 'max-parallel': '0' }).integer('max-parallel', 2, { min: 1 }), 'max-parallel', 'outside 1..'],
    ['key-values', () => reader({ 'build-env': 'A=1\nnot a pair' }).keyValues('build-env'), 'build-env', 'line 2'],
  ])('%s errors name the input', (_kind, fn, input, text) => {
    const error = errorOf(fn);
    expect(error.input).toBe(input);
    expect(error.message.startsWith(`Input '${input}': `)).toBe(true);
    expect(error.message).toContain(text);
  });

  test('the producer version in manifests is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PRODUCER_VERSION).toBe(pkg.version);
  });
});
