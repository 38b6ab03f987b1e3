import { FileError } from '../../lib/errors.js';
import { positionOf } from '../../lib/json.js';

/** Where a variable's value comes from: `spec-env` first, then the environment. */
export type Variables = (name: string) => string | undefined;

/** Looks names up in `first`, then in `env`; `CP_DOLLAR` is always `$` (upstream's escape). */
export function variablesFrom(first: ReadonlyMap<string, string>, env: Record<string, string | undefined>): Variables {
  return (name) => (name === 'CP_DOLLAR' ? '$' : (first.get(name) ?? env[name]));
}

const REFERENCE = /\$\{([^}]*)\}?/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expands `${NAME}` in `text`, strictly: an unset variable or a malformed `${…}` is an error
 * naming the variable, the file and the line. A `$` not followed by `{` is left alone, and
 * `${CP_DOLLAR}` gives a literal `$` (as upstream's install-time envsubst does).
 */
export function expandVariables(text: string, variables: Variables, file: string): string {
  return text.replace(REFERENCE, (whole: string, name: string, offset: number) => {
    const { line, column } = positionOf(text, offset);
    if (!whole.endsWith('}') || !NAME.test(name)) {
      throw new FileError({ file, line, column }, `malformed variable reference '${whole.slice(0, 40)}' (expected \${NAME})`);
    }
    const value = variables(name);
    if (value === undefined) {
      throw new FileError({ file, line, column }, `variable ${name} is not set (give it in spec-env or the environment; \${CP_DOLLAR} gives a literal $)`);
    }
    return value;
  });
}
