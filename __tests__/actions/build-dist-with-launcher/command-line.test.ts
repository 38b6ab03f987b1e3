import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../../src/actions/build-dist-with-launcher/command-line.js';

describe('parseCommand', () => {
  it.each([
    ['npm ci', ['npm', 'ci']],
    ['  npm   run\tbuild  ', ['npm', 'run', 'build']],
    ["npm run build -- --env 'TITLE=My Apps'", ['npm', 'run', 'build', '--', '--env', 'TITLE=My Apps']],
    ['node -e "console.log(\\"hi\\")"', ['node', '-e', 'console.log("hi")']],
    ["echo 'a \"b\" c'", ['echo', 'a "b" c']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo "" x', ['echo', '', 'x']],
    ["echo '&&'", ['echo', '&&']],
    ['echo "a;b" c\\|d', ['echo', 'a;b', 'c|d']],
    ['echo $HOME `id`', ['echo', '$HOME', '`id`']],
    ['yarn install --frozen-lockfile', ['yarn', 'install', '--frozen-lockfile']],
  ])('splits %j without a shell', (text, argv) => {
    expect(parseCommand(text, 'build-command')).toEqual(argv);
  });

  it.each([
    ['', "Input 'build-command': is empty"],
    ['   ', "Input 'build-command': is empty"],
    ["npm run 'build", "Input 'build-command': unclosed ' quote"],
    ['npm ci; npm run build', "Input 'build-command': 'ci;' holds shell syntax"],
    ['npm ci>log', "Input 'build-command': 'ci>log' holds shell syntax"],
    ['npm ci | tee log', "Input 'build-command': '|' is a shell operator"],
    ['npm run build > out.log', "Input 'build-command': '>' is a shell operator"],
    ['npm ci || true', "Input 'build-command': '||' is a shell operator"],
  ])('refuses %j', (text, message) => {
    expect(() => parseCommand(text, 'build-command')).toThrow(message);
  });
});
