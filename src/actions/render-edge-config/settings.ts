import { InputError } from '../../lib/errors.js';
import { renderTemplate, type TemplateSource } from '../../lib/template.js';

export type Settings = Record<string, unknown>;

/** What a settings template may name. */
export interface SettingsContext {
  host: string;
  apiUrl: string;
  tag: string;
  serviceUser: string;
}

function isObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key, at every depth; arrays and scalars of `layer` replace. */
export function mergeSettings(base: Settings, layer: Settings): Settings {
  const merged: Settings = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? mergeSettings(current, value) : value;
  }
  return merged;
}

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Renders a settings template and parses it; a result that is not a JSON object is an InputError. */
export function renderSettings(source: TemplateSource, context: SettingsContext): Settings {
  const text = renderTemplate(source, context);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const where = offset === undefined ? {} : position(text, Number(offset));
    throw new InputError(source.input, `is not valid JSON after rendering: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
      file: source.file,
      ...where,
    });
  }
  if (!isObject(value)) throw new InputError(source.input, 'must render to a JSON object of launcher settings', { file: source.file });
  return value;
}
