import Handlebars from 'handlebars';
import { InputError } from './errors.js';

/**
 * Handlebars with the settings every template of this project needs: strict (a variable the
 * context lacks is an error, not an empty string), no HTML escaping (values reaching nginx are
 * checked before rendering, and JSON goes through the `json` helper), and a `json` helper that
 * writes a value as JSON text.
 */
const engine = Handlebars.create();
engine.registerHelper('json', (value: unknown, options: Handlebars.HelperOptions) => {
  // Helper arguments escape strict mode, so an unknown name would silently render nothing.
  if (value === undefined) {
    const start = (options as { loc?: { start: { line: number; column: number } } }).loc?.start;
    throw new Error(`"json argument" not defined in helper - ${start?.line ?? 0}:${start?.column ?? 0}`);
  }
  return JSON.stringify(typeof value === 'object' && value !== null ? (jsonTexts.get(value) ?? value) : value);
});

/**
 * String values of a JSON template, by the object that stands for each in the context: `{{name}}`
 * (or `{{{name}}}`) writes it as the JSON escape of its text without quotes, so inside a JSON
 * string it can never close the string, whatever the text holds; `{{json name}}` writes the whole
 * JSON string. The object has no prototype and no named property, so no template name reaches
 * anything but the escaped text.
 */
const jsonTexts = new WeakMap<object, string>();

function jsonText(value: string): object {
  const escaped = JSON.stringify(value).slice(1, -1);
  const text = Object.create(null) as object;
  Object.defineProperty(text, Symbol.toPrimitive, { value: () => escaped });
  jsonTexts.set(text, value);
  return text;
}

/** A template and who to blame for it: the input that named it and the file it came from. */
export interface TemplateSource {
  text: string;
  input: string;
  file: string;
}

const MISSING = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/;
const PARSE = /Parse error on line (\d+):/;
const PROPERTY = /^Cannot use 'in' operator to search for '([^']+)' in /;
const HELPER = /used the unknown helper (\S+?)(?: - (\d+):\d+)?$/;
const LOCATED = / - (\d+):(\d+)$/;

function templateError(source: TemplateSource, error: unknown): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const missing = MISSING.exec(message);
  if (missing) {
    const what = missing[1] === 'json argument' ? 'an unknown template variable given to json' : `unknown template variable '${missing[1]}'`;
    return new InputError(source.input, what, {
      file: source.file,
      line: Number(missing[2]),
    });
  }
  const property = PROPERTY.exec(message);
  if (property) {
    // Strict lookup of a name on a text value: Handlebars' `in` check throws before it can locate.
    return new InputError(source.input, `unknown template variable '${property[1]}' (on a value, which has no names of its own)`, { file: source.file });
  }
  const helper = HELPER.exec(message);
  if (helper) {
    return new InputError(source.input, `unknown helper '${helper[1]}' (there are json and Handlebars' built-in helpers)`, {
      file: source.file,
      ...(helper[2] ? { line: Number(helper[2]) } : {}),
    });
  }
  const parse = PARSE.exec(message);
  if (parse) {
    const detail = message.split('\n').slice(-1)[0];
    return new InputError(source.input, `malformed template: ${detail}`, { file: source.file, line: Number(parse[1]) });
  }
  const located = LOCATED.exec(message);
  return new InputError(source.input, `malformed template: ${message.replace(LOCATED, '')}`, {
    file: source.file,
    ...(located ? { line: Number(located[1]) } : {}),
  });
}

/**
 * The context as a template sees it: an object without a prototype, so that `constructor`,
 * `toString`, `__proto__` and the like are unknown variables (an error in strict mode) instead
 * of inherited names that render as "".
 */
function bareContext(context: object): object {
  const bare = Object.assign(Object.create(null) as object, context);
  // Handlebars names the context in its "not defined in <context>" message.
  Object.defineProperty(bare, Symbol.toPrimitive, { value: () => 'the template context' });
  return bare;
}

/** Renders `source` with `context`; any template problem is an InputError with file and line. */
export function renderTemplate(source: TemplateSource, context: object): string {
  try {
    return engine.compile(source.text, { strict: true, noEscape: true, knownHelpers: { json: true }, knownHelpersOnly: true })(bareContext(context));
  } catch (error) {
    throw templateError(source, error);
  }
}

/**
 * Renders a template of JSON text: each string value is written JSON-escaped (see jsonText), so a
 * value cannot add keys or end a string early however the template places it. The caller still
 * parses the result.
 */
export function renderJsonTemplate(source: TemplateSource, context: Readonly<Record<string, string>>): string {
  const values = Object.fromEntries(Object.entries(context).map(([name, value]) => [name, jsonText(value)]));
  return renderTemplate(source, values);
}
