/** One bad line of a KEY=VALUE text. */
export class KeyValueSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0];
    if ((first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  }
  return value;
}

/**
 * Parses `KEY=VALUE` lines: the format of multiline inputs such as `build-env` and of
 * pipectl's `install-config`. Blank lines and `#` comments are skipped, an `export ` prefix and
 * one pair of surrounding quotes are dropped; a later key wins. Throws KeyValueSyntaxError with
 * the 1-based line of the first bad line.
 */
export function parseKeyValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice('export '.length).trimStart() : line;
    const equals = body.indexOf('=');
    if (equals <= 0) throw new KeyValueSyntaxError(index + 1, `expected KEY=VALUE, got '${line}'`);
    const key = body.slice(0, equals).trim();
    if (!KEY.test(key)) {
      throw new KeyValueSyntaxError(index + 1, `'${key}' is not a valid variable name`);
    }
    // As a property name it would set an object's prototype and silently vanish.
    if (key === '__proto__') throw new KeyValueSyntaxError(index + 1, "'__proto__' cannot be used as a variable name");
    values.set(key, unquote(body.slice(equals + 1).trim()));
  });
  return values;
}
