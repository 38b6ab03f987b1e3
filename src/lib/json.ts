import { readFile } from 'node:fs/promises';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FileError } from './errors.js';

/** 1-based line and column of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('json syntax error');
  }
}

/**
 * The offset of the first syntax error in `text` (-1 when there is none), found by a small
 * recursive-descent scan. Node's JSON.parse names a position only for some errors ("Unexpected
 * token 'x', … is not valid JSON" has none), and a user wants a line and column for every one.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = (): void => {
    if (text[at] !== '"') fail();
    at++;
    while (at < text.length && text[at] !== '"') {
      const char = text.charCodeAt(at);
      if (char < 0x20) fail();
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail();
      }
      at++;
    }
    if (at >= text.length) fail();
    at++;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match ? match[0].length : 0;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') return void at++;
      for (;;) {
        space();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') return void at++;
        else fail();
      }
    }
    if (char === '[') {
      at++;
      space();
      if (text[at] === ']') return void at++;
      for (;;) {
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') return void at++;
        else fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
  return -1;
}

/** Text that is not JSON: where (file, line, column) and what was found there. */
export class JsonSyntaxError extends FileError {
  override name = 'JsonSyntaxError';
  constructor(
    override readonly location: { file: string; line: number; column: number },
    /** What is wrong, e.g. `unexpected '}' (Expected double-quoted property name)`. */
    readonly detail: string,
  ) {
    super(location, `malformed JSON: ${detail}`);
  }
}

/**
 * JSON.parse with an error that names the file, line and column (1-based). Callers that report
 * an input rather than a file turn the JsonSyntaxError's location and detail into an InputError.
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const found = jsonErrorOffset(text);
    const offset = found < 0 ? text.length : found;
    const what = offset >= text.length ? 'end of file' : `'${text[offset]}'`;
    // Node's own wording, without the offset (the line and column replace it) or the quoted text.
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
    throw new JsonSyntaxError({ file, ...positionOf(text, offset) }, `unexpected ${what} (${reason})`);
  }
}

/** The first problem a schema finds in a value. */
export interface SchemaProblem {
  /** JSON pointer of the value at fault ('' for the whole document), e.g. `/tools/0`. */
  pointer: string;
  /** The same place as a dotted path, `(top level)` for the whole document, e.g. `tools.0`. */
  path: string;
  /** What is wrong, e.g. `must have required property 'state'`, `must NOT have additional properties 'x'`. */
  message: string;
  /** For a `propertyNames` failure: the key that is not allowed. */
  propertyName?: string;
}

/** A schema of `schemas/`, compiled. */
export interface Schema {
  /** `schemas/<file>`, for messages. */
  name: string;
  /** The first problem `value` has against the schema (or one of its `#/definitions/…`), or undefined. */
  check(value: unknown, definition?: string): SchemaProblem | undefined;
}

function problemOf(errors: ErrorObject[] | null | undefined): SchemaProblem {
  // allErrors is off: ajv stops at the first failure, except that a propertyNames failure comes
  // with the error of the key that broke it first.
  const error = errors?.find((each) => each.propertyName !== undefined) ?? errors?.[0];
  const pointer = error?.instancePath ?? '';
  const extra = error?.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return {
    pointer,
    path: pointer.replace(/^\//, '').replaceAll('/', '.') || '(top level)',
    message: `${error?.message ?? 'is invalid'}${extra}`,
    ...(error?.propertyName !== undefined ? { propertyName: error.propertyName } : {}),
  };
}

const loaded = new Map<string, Promise<Schema>>();

/**
 * Compiles a JSON schema file (draft-07, ajv strict mode), once per process. `url` must be written
 * as `new URL('<relative path>/schemas/<file>', import.meta.url)` at the caller, so that ncc
 * copies the file into the bundle. ajv is imported here, on first use, and never by the modules
 * that parse inputs: loading it is a good part of a bundle's start-up time (issue 13).
 */
export function loadSchema(url: URL): Promise<Schema> {
  let schema = loaded.get(url.href);
  if (!schema) {
    schema = compile(url);
    loaded.set(url.href, schema);
  }
  return schema;
}

async function compile(url: URL): Promise<Schema> {
  const [ajvModule, text] = await Promise.all([import('ajv'), readFile(url, 'utf8')]);
  // ajv is CommonJS: its module.exports (`default` under Node and under ncc's webpack alike) is the
  // constructor and carries `Ajv`; ncc's namespace for a dynamic import has no named exports.
  const { Ajv } = ajvModule.default;
  const document = JSON.parse(text) as { $id: string };
  // ncc renames the file; the $id keeps the published name.
  const name = `schemas/${document.$id.split('/').pop() ?? ''}`;
  const ajv = new Ajv({ strict: true, allErrors: false });
  const whole = ajv.compile(document);
  const definitions = new Map<string, ValidateFunction>();
  return {
    name,
    check(value, definition) {
      let validate = whole;
      if (definition !== undefined) {
        const found = definitions.get(definition) ?? ajv.getSchema(`${document.$id}${definition}`);
        if (!found) throw new Error(`internal: ${name} has no ${definition}`);
        definitions.set(definition, found);
        validate = found;
      }
      return validate(value) ? undefined : problemOf(validate.errors);
    },
  };
}
