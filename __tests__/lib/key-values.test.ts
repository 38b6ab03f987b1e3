import { describe, expect, test } from '@jest/globals';
import { KeyValueSyntaxError, parseKeyValues } from '../../src/lib/key-values.js';

describe('parseKeyValues', () => {
  test('reads KEY=VALUE lines, skipping blanks and comments', () => {
    const values = parseKeyValues('# install-config\nA=1\n\nexport B="two words"\nC=\'x=y\'\nA=3\n');
    expect([...values]).toEqual([
      ['A', '3'],
      ['B', 'two words'],
      ['C', 'x=y'],
    ]);
  });

  test.each([
    ['no equals sign', 'A=1\nBROKEN', 2],
    ['empty key', 'A=1\n\n=value', 3],
    ['key with a dash', 'MY-KEY=1', 1],
    ['key starting with a digit', '1KEY=1', 1],
  ])('names the line of a bad entry: %s', (_name, text, line) => {
    expect(() => parseKeyValues(text)).toThrow(KeyValueSyntaxError);
    expect(() => parseKeyValues(text)).toThrow(`line ${line}:`);
  });
});
