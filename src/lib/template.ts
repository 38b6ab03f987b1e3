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
  return JSON.stringify(value);
});

/** A template and who to blame for it: the input that named it and the file it came from. */
export interface TemplateSource {
  text: string;
  input: string;
  file: string;
}

const MISSING = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/;
const PARSE = /Parse error on line (\d+):/;
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

/** Renders `source` with `context`; any template problem is an InputError with file and line. */
export function renderTemplate(source: TemplateSource, context: object): string {
  try {
    return engine.compile(source.text, { strict: true, noEscape: true })(context);
  } catch (error) {
    throw templateError(source, error);
  }
}
