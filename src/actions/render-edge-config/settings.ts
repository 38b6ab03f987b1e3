import { InputError } from '../../lib/errors.js';
import { JsonSyntaxError, parseJson } from '../../lib/json.js';
import { renderJsonTemplate, type TemplateSource } from '../../lib/template.js';

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

/**
 * The path of the first `__proto__` key at any depth: JSON.parse keeps it as an own key, but a
 * merge or a spread would set a prototype with it and the key would vanish from the output.
 */
function protoKey(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    if (key === '__proto__') return here;
    const found = protoKey(child, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Renders a settings template and parses it; a result that is not a JSON object is an InputError.
 * Values are JSON-escaped as they are written (renderJsonTemplate), so none can add a key.
 */
export function renderSettings(source: TemplateSource, context: SettingsContext): Settings {
  const text = renderJsonTemplate(source, { ...context });
  let value: unknown;
  try {
    value = parseJson(text, source.file);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError(source.input, `is not valid JSON after rendering: ${error.detail}`, error.location);
  }
  if (!isObject(value)) throw new InputError(source.input, 'must render to a JSON object of launcher settings', { file: source.file });
  const proto = protoKey(value, '');
  if (proto !== undefined) throw new InputError(source.input, `has a '__proto__' key (${proto}), which cannot be a setting`, { file: source.file });
  return value;
}
