import { InputError } from '../../lib/errors.js';
import { jsonErrorPosition } from '../../lib/json-position.js';
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

/** Renders a settings template and parses it; a result that is not a JSON object is an InputError. */
export function renderSettings(source: TemplateSource, context: SettingsContext): Settings {
  const text = renderTemplate(source, context);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
    throw new InputError(source.input, `is not valid JSON after rendering: ${message}`, { file: source.file, ...jsonErrorPosition(text) });
  }
  if (!isObject(value)) throw new InputError(source.input, 'must render to a JSON object of launcher settings', { file: source.file });
  return value;
}
