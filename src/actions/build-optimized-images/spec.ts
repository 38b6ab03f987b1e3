import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { FileError } from '../../lib/errors.js';
import { positionOf } from '../../lib/json-position.js';
import { type Variables, expandVariables } from './expand.js';
import { parseJsonText } from './json-text.js';

/** The expanded, validated `spec.json` of a tool (upstream keys, see schemas/tool-spec.schema.json). */
export interface ToolSpec {
  short_description: string;
  instance_type?: string;
  disk_size?: string | number;
  default_command?: string;
  /** JSON-encoded endpoint strings, kept as upstream's /tool/update expects them. */
  endpoints: string[];
  metadata?: Record<string, string>;
  [key: string]: unknown;
}

/** One endpoint, parsed from its JSON string. */
export interface ToolEndpoint {
  name: string;
  nginx: { port: number | string; additional?: string };
  isDefault?: boolean;
}

let validators: { spec: ValidateFunction; endpoint: ValidateFunction } | undefined;

function compiled(): { spec: ValidateFunction; endpoint: ValidateFunction } {
  if (!validators) {
    const schema = JSON.parse(readFileSync(new URL('../../../schemas/tool-spec.schema.json', import.meta.url), 'utf8')) as {
      $id: string;
    };
    const ajv = new Ajv({ allErrors: false, strict: true });
    const spec = ajv.compile(schema);
    const endpoint = ajv.getSchema(`${schema.$id}#/definitions/endpoint`);
    if (!endpoint) throw new Error('internal: tool-spec.schema.json has no #/definitions/endpoint');
    validators = { spec, endpoint };
  }
  return validators;
}

function describe(errors: ErrorObject[] | null | undefined, prefix: string): string {
  const error = errors?.[0];
  if (!error) return 'does not match the schema';
  const path = `${prefix}${error.instancePath}`.replace(/^\//, '') || '(top level)';
  const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return `${path.replaceAll('/', '.')}: ${error.message ?? 'is invalid'}${extra}`;
}

function lineOf(text: string, needle: string): number | undefined {
  const offset = text.indexOf(needle);
  return offset < 0 ? undefined : positionOf(text, offset).line;
}

/**
 * Expands `${VAR}` in a spec.json text, parses it and checks it against the published schema,
 * then parses each endpoint string and checks that too. Every failure names the file (and the
 * line where there is one).
 */
export function parseToolSpec(raw: string, file: string, variables: Variables): ToolSpec {
  const text = expandVariables(raw, variables, file);
  const value = parseJsonText(text, file);
  const { spec: validateSpec, endpoint: validateEndpoint } = compiled();
  if (!validateSpec(value)) {
    const error = validateSpec.errors?.[0];
    const key = error?.instancePath.split('/')[1];
    throw new FileError({ file, line: key ? lineOf(text, `"${key}"`) : undefined }, `not a valid tool spec: ${describe(validateSpec.errors, '')}`);
  }
  const spec = value as ToolSpec;
  spec.endpoints.forEach((encoded, index) => {
    const line = lineOf(text, JSON.stringify(encoded));
    let endpoint: unknown;
    try {
      endpoint = JSON.parse(encoded);
    } catch {
      throw new FileError({ file, line }, `endpoints[${index}] is not a JSON-encoded endpoint: ${encoded.slice(0, 60)}`);
    }
    if (!validateEndpoint(endpoint)) {
      throw new FileError({ file, line }, `endpoints[${index}]: ${describe(validateEndpoint.errors, 'endpoint')}`);
    }
  });
  return spec;
}

/** The endpoints of a valid spec, parsed. */
export function endpointsOf(spec: ToolSpec): ToolEndpoint[] {
  return spec.endpoints.map((encoded) => JSON.parse(encoded) as ToolEndpoint);
}
