import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { InputError, errorMessage } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/digest.js';
import { JsonSyntaxError, loadSchema, parseJson } from '../../../lib/json.js';
import { verifyManifest } from '../../../lib/manifest.js';
import type { ToolVO } from '../../../cloud-pipeline/types.js';

/** The file build-optimized-images writes into its `tools` output folder. */
const TOOLS_MANIFEST_FILE = 'tools-manifest.json';

/** One tool as Cloud Pipeline should hold it after provisioning. */
export interface DesiredTool {
  /** `<registry>/<image>`, for logs and the plan. */
  label: string;
  /** The tool's fields for /tool/register and /tool/update (registry host and image without tag). */
  fields: ToolVO;
  icon?: { filename: string; content: Buffer; sha256: string };
  /** Metadata keys attached with /metadata/updateKeys (spec metadata, then the entry's own). */
  metadata: Record<string, string>;
}

interface ManifestTool {
  tool: string;
  image: string;
  ref: string;
  state: string;
  spec: { short_description: string; instance_type?: string; disk_size?: string | number; default_command?: string; endpoints: string[]; metadata?: Record<string, string> };
  metadata: Record<string, string>;
  icon?: string;
  readme?: string;
}

interface ToolsManifest {
  registry: string;
  tools: ManifestTool[];
}

const SCHEMA = new URL('../../../../schemas/tools-manifest.schema.json', import.meta.url);

/** Splits an image reference into registry host and repository path, dropping tag and digest. */
export function splitImageRef(ref: string, defaultRegistry: string): { registry: string; image: string } {
  const withoutDigest = ref.split('@')[0] ?? ref;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const untagged = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const [first = '', ...rest] = untagged.split('/');
  if (rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) return { registry: first, image: rest.join('/') };
  const [host = '', ...namespace] = defaultRegistry.split('/');
  return { registry: host, image: [...namespace, untagged].join('/') };
}

/**
 * Reads and checks a `tools` hand-off folder (manifest.json verified, tools-manifest.json against
 * schemas/tools-manifest.schema.json, endpoint strings parsed, icon/readme inside the folder) and
 * returns the tools to register. Variants sharing one image become one tool (the first wins).
 */
export async function readToolsManifest(dir: string, input = 'tools-manifest'): Promise<DesiredTool[]> {
  await verifyManifest(dir, 'tools', input);
  const file = join(dir, TOOLS_MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new InputError(input, `${TOOLS_MANIFEST_FILE} cannot be read: ${errorMessage(error)}`, { file });
  });
  let manifest: ToolsManifest;
  try {
    manifest = parseJson(text, file) as ToolsManifest;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError(input, `not valid JSON: ${error.detail}`, error.location);
  }
  const schema = await loadSchema(SCHEMA);
  const problem = schema.check(manifest);
  if (problem) throw new InputError(input, `${problem.path}: ${problem.message} (${schema.name})`, { file });
  const tools = new Map<string, DesiredTool>();
  for (const [index, entry] of manifest.tools.entries()) {
    const where = `tools.${index} (${entry.tool})`;
    entry.spec.endpoints.forEach((endpoint, n) => {
      try {
        JSON.parse(endpoint);
      } catch {
        throw new InputError(input, `${where}: spec.endpoints.${n} is not a JSON string: ${endpoint}`, { file });
      }
    });
    const { registry, image } = splitImageRef(entry.ref, manifest.registry);
    if (registry === '') throw new InputError(input, `${where}: no registry in ref '${entry.ref}' and the manifest's registry is empty`, { file });
    const label = `${registry}/${image}`;
    if (tools.has(label)) continue;
    const disk = entry.spec.disk_size === undefined ? undefined : Number(entry.spec.disk_size);
    const fields: ToolVO = {
      image,
      registry,
      shortDescription: entry.spec.short_description,
      endpoints: entry.spec.endpoints,
      ...(disk !== undefined && Number.isFinite(disk) ? { disk } : {}),
      ...(entry.spec.default_command !== undefined ? { defaultCommand: entry.spec.default_command } : {}),
      ...(entry.spec.instance_type !== undefined ? { instanceType: entry.spec.instance_type } : {}),
    };
    if (entry.readme) fields.description = await readInside(dir, entry.readme, input, where).then((b) => b.toString('utf8'));
    const icon = entry.icon ? await readInside(dir, entry.icon, input, where) : undefined;
    tools.set(label, {
      label,
      fields,
      ...(icon && entry.icon ? { icon: { filename: entry.icon.split('/').pop() ?? 'icon.png', content: icon, sha256: sha256(icon) } } : {}),
      metadata: { ...entry.spec.metadata, ...entry.metadata },
    });
  }
  return [...tools.values()];
}

async function readInside(dir: string, relative: string, input: string, where: string): Promise<Buffer> {
  const path = normalize(join(dir, relative));
  if (!path.startsWith(normalize(dir) + sep)) throw new InputError(input, `${where}: '${relative}' points outside the folder`);
  return readFile(path).catch((error: unknown) => {
    throw new InputError(input, `${where}: '${relative}' cannot be read: ${errorMessage(error)}`);
  });
}
