import { FileError } from '../../lib/errors.js';
import { loadSchema, parseJson, positionOf } from '../../lib/json.js';
import { type Variables, expandVariables } from './expand.js';

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

const SCHEMA = new URL('../../../schemas/tool-spec.schema.json', import.meta.url);

function lineOf(text: string, needle: string): number | undefined {
  const offset = text.indexOf(needle);
  return offset < 0 ? undefined : positionOf(text, offset).line;
}

/**
 * Expands `${VAR}` in a spec.json text, parses it and checks it against the published schema,
 * then parses each endpoint string and checks that too. Every failure names the file (and the
 * line where there is one).
 */
export async function parseToolSpec(raw: string, file: string, variables: Variables): Promise<ToolSpec> {
  const text = expandVariables(raw, variables, file);
  const value = parseJson(text, file);
  const schema = await loadSchema(SCHEMA);
  const problem = schema.check(value);
  if (problem) {
    const key = problem.pointer.split('/')[1];
    throw new FileError({ file, line: key ? lineOf(text, `"${key}"`) : undefined }, `not a valid tool spec: ${problem.path}: ${problem.message}`);
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
    const invalid = schema.check(endpoint, '#/definitions/endpoint');
    if (invalid) throw new FileError({ file, line }, `endpoints[${index}]: endpoint${invalid.pointer.replaceAll('/', '.')}: ${invalid.message}`);
  });
  return spec;
}

/** The endpoints of a valid spec, parsed. */
export function endpointsOf(spec: ToolSpec): ToolEndpoint[] {
  return spec.endpoints.map((encoded) => JSON.parse(encoded) as ToolEndpoint);
}
