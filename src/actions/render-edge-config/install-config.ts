import { readFile } from 'node:fs/promises';
import { InputError, errorCode } from '../../lib/errors.js';
import { KeyValueSyntaxError, parseKeyValues } from '../../lib/key-values.js';

/** The pipectl-style install-config file (KEY=VALUE lines), read for the host and path fallbacks. */
export async function readInstallConfig(path: string | undefined): Promise<Map<string, string>> {
  if (path === undefined) return new Map();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
