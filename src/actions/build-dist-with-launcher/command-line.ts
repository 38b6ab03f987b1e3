import { InputError } from '../../lib/errors.js';

/** Tokens that only mean something to a shell; commands here are never run through one. */
const SHELL_OPERATORS = new Set(['&&', '||', '|', ';', '>', '>>', '<', '&', '2>&1']);

/**
 * Splits a command input into an argv list, without a shell: words are separated by
 * whitespace; '…' keeps its content literally; "…" keeps it with `\"` and `\\` escapes; a
 * backslash outside quotes escapes the next character. An unclosed quote, an empty command or an
 * unquoted shell operator (`&&`, `|`, `;`, `>` …) is an error naming the input.
 */
export function parseCommand(text: string, input: string): string[] {
  // Several lines would be joined into one argv without a word: one command per input.
  const lines = text.trim().split(/\r?\n/);
  if (lines.length > 1) {
    throw new InputError(input, `holds ${lines.length} lines; give one command (put several steps in an npm script)`);
  }
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  let operatorCandidate = true;
  // An unquoted ; | & < > inside a word: the user expected a shell.
  let shellSyntax = false;
  const finish = (): void => {
    if (!inWord) return;
    if (operatorCandidate && SHELL_OPERATORS.has(word)) {
      throw new InputError(input, `'${word}' is a shell operator; commands run without a shell, so give one command (put several steps in an npm script)`);
    }
    if (shellSyntax) {
      throw new InputError(input, `'${word}' holds shell syntax (; | & < >); commands run without a shell: quote the word if it is meant literally`);
    }
    argv.push(word);
    word = '';
    inWord = false;
    operatorCandidate = true;
    shellSyntax = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += char;
    } else if (/\s/.test(char)) {
      finish();
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
      operatorCandidate = false;
    } else if (char === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
      operatorCandidate = false;
    } else {
      if (';|&<>'.includes(char)) shellSyntax = true;
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new InputError(input, `unclosed ${quote} quote in '${text}'`);
  finish();
  if (argv.length === 0) throw new InputError(input, 'is empty; give a command such as "npm ci"');
  return argv;
}
