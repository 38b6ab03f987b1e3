// Low-severity findings (13): inputs that were silently changed instead of refused.
import { describe, expect, test } from '@jest/globals';
import { parseCommand } from '../../src/actions/build-dist-with-launcher/command-line.js';
import { parseKeyValues } from '../../src/lib/key-values.js';

describe('a command input on several lines', () => {
  test('is refused, naming the input, instead of being joined into one argv', () => {
    expect(() => parseCommand('npm ci\nnpm run postinstall-hook', 'install-command')).toThrow("Input 'install-command': holds 2 lines; give one command");
  });

  test('a trailing newline (YAML block scalars end with one) is still one command', () => {
    expect(parseCommand('npm ci --ignore-scripts\n', 'install-command')).toEqual(['npm', 'ci', '--ignore-scripts']);
  });
});

describe('a __proto__ key in a KEY=VALUE input', () => {
  test('is refused with its line instead of vanishing into an object prototype', () => {
    expect(() => parseKeyValues('PUBLIC_URL=/\n__proto__=polluted')).toThrow("line 2: '__proto__' cannot be used as a variable name");
  });
});
