import { readFileSync } from 'node:fs';
import { InputError, errorCode } from '../../lib/errors.js';
import { KeyValueSyntaxError, parseKeyValues } from '../../lib/key-values.js';

/**
 * The pipectl-style install-config file (KEY=VALUE lines), read for the host and path fallbacks.
 * Read while the inputs are parsed (synchronously: one small file), so its mistakes fail first.
 */
export function readInstallConfig(path: string | undefined): Map<string, string> {
  if (path === undefined) return new Map();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError('install-config', `cannot read ${path}: ${errorCode(error) ?? String(error)}`);
  }
  try {
    return parseKeyValues(text);
  } catch (error) {
    if (error instanceof KeyValueSyntaxError) {
      throw new InputError('install-config', error.message.replace(/^line \d+: /, ''), { file: path, line: error.line });
    }
    throw error;
  }
}
