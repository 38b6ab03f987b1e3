import { FileError } from '../../lib/errors.js';
import { jsonErrorOffset, positionOf } from '../../lib/json-position.js';

/** JSON.parse with an error that names the file, line and column (1-based). */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = Math.max(0, jsonErrorOffset(text));
    const { line, column } = positionOf(text, offset);
    const found = offset >= text.length ? 'end of file' : `'${text[offset]}'`;
    throw new FileError({ file, line, column }, `malformed JSON: unexpected ${found} (${(error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '')})`);
  }
}
