import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { FileError, InputError, errorCode } from '../../lib/errors.js';
import { type DockerfileFacts, readDockerfile } from './dockerfile.js';
import { type Variables, expandVariables } from './expand.js';
import { isRepositoryPath, isTag } from './reference.js';
import { type ToolSpec, parseToolSpec } from './spec.js';

/** One image to build: a tool folder, or one entry of its images.yml. */
export interface Variant {
  tool: string;
  /** Unique name in the manifest and the summary: images.yml `name`, else `image:firstTag`. */
  name: string;
  /** Repository path without registry, e.g. optimized/jupyter. */
  image: string;
  tags: string[];
  /** The variant's own build args (images.yml), before the action-wide ones are merged in. */
  buildArgs: Map<string, string>;
  context: string;
  dockerfile: string;
  dockerfileFacts: DockerfileFacts;
  spec: ToolSpec;
  specFile: string;
  icon?: string;
  readme?: string;
  /** Where the variant is declared (images.yml line, or the Dockerfile), for errors. */
  origin: { file: string; line?: number };
}

export const IMAGES_FILE = 'images.yml';

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new FileError({ file: path }, errorCode(error) === 'ENOENT' ? 'is missing' : `cannot be read (${errorCode(error) ?? String(error)})`);
  }
}

function inside(root: string, path: string, file: string, line: number | undefined, what: string): string {
  const full = resolve(root, path);
  if (full !== root && !full.startsWith(root + sep)) throw new FileError({ file, line }, `${what} '${path}' leaves the tool folder`);
  return full;
}

interface RawVariant {
  name?: string;
  image: string;
  tags: string[];
  buildArgs: Map<string, string>;
  dockerfile: string;
  specDir: string;
  line?: number;
}

/** Parses a tool's images.yml (already `${VAR}`-expanded) into raw variants. */
function parseImagesYml(text: string, file: string): RawVariant[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const position = lineCounter.linePos(error.pos[0]);
    throw new FileError({ file, line: position.line, column: position.col }, `malformed YAML: ${error.message.split('\n')[0]}`);
  }
  const root: unknown = document.toJS();
  const images = (root as { images?: unknown } | null)?.images;
  if (!Array.isArray(images) || images.length === 0) throw new FileError({ file }, "expected 'images:' with a list of variants");
  return images.map((entry: unknown, index): RawVariant => {
    const node = document.getIn(['images', index], true) as { range?: [number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    const fail = (detail: string): never => {
      throw new FileError({ file, line }, `images[${index}]: ${detail}`);
    };
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail('expected a mapping with image, tags, build-args');
    const known = new Set(['name', 'image', 'tags', 'build-args', 'dockerfile', 'spec-dir']);
    const item = entry as Record<string, unknown>;
    for (const key of Object.keys(item)) if (!known.has(key)) fail(`unknown key '${key}' (known: ${[...known].join(', ')})`);
    if (typeof item.image !== 'string' || !isRepositoryPath(item.image)) fail(`image '${String(item.image)}' is not a repository path such as optimized/jupyter`);
    const tags = item.tags === undefined ? undefined : item.tags;
    if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0)) fail('tags must be a non-empty list');
    const tagList = ((tags as unknown[] | undefined) ?? []).map(String);
    for (const tag of tagList) if (!isTag(tag)) fail(`'${tag}' is not a valid tag`);
    const args = new Map<string, string>();
    const rawArgs = item['build-args'];
    if (rawArgs !== undefined && rawArgs !== null) {
      if (typeof rawArgs !== 'object' || Array.isArray(rawArgs)) fail('build-args must be a mapping of NAME: value');
      for (const [key, value] of Object.entries(rawArgs as Record<string, unknown>)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) fail(`build arg '${key}' is not a valid name`);
        if (value === null || typeof value === 'object') fail(`build arg ${key} must be a string`);
        args.set(key, `${value as string | number | boolean}`);
      }
    }
    for (const key of ['name', 'dockerfile', 'spec-dir']) {
      if (item[key] !== undefined && typeof item[key] !== 'string') fail(`${key} must be a string`);
    }
    return {
      name: item.name as string | undefined,
      image: item.image as string,
      tags: tagList,
      buildArgs: args,
      dockerfile: (item.dockerfile as string | undefined) ?? 'Dockerfile',
      specDir: (item['spec-dir'] as string | undefined) ?? '.',
      line,
    };
  });
}

/** The tool folders under `toolsDir` (hidden ones skipped), sorted. */
export async function listTools(toolsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(toolsDir, { withFileTypes: true });
  } catch (error) {
    throw new InputError('tools-dir', `cannot read ${toolsDir} (${errorCode(error) ?? String(error)})`);
  }
  const tools = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
  if (tools.length === 0) throw new InputError('tools-dir', `${toolsDir} holds no tool folders`);
  return tools.sort();
}

/** What discovery needs besides the folder. */
export interface DiscoverOptions {
  version: string;
  variables: Variables;
}

/**
 * Reads one tool folder into its variants: images.yml (expanded with the spec variables and
 * VERSION) or the single default `optimized/<tool>:{version,latest}`; the Dockerfile of each
 * and the expanded, validated spec.json.
 */
export async function discoverTool(toolsDir: string, tool: string, options: DiscoverOptions): Promise<Variant[]> {
  const dir = resolve(toolsDir, tool);
  const imagesFile = join(dir, IMAGES_FILE);
  const hasImagesFile = await exists(imagesFile);
  let raws: RawVariant[];
  if (hasImagesFile) {
    const withVersion: Variables = (name) => (name === 'VERSION' ? options.version : options.variables(name));
    raws = parseImagesYml(expandVariables(await readText(imagesFile), withVersion, imagesFile), imagesFile);
  } else {
    const image = `optimized/${tool}`;
    if (!isRepositoryPath(image)) throw new FileError({ file: dir }, `folder name '${tool}' cannot be an image name (lowercase letters, digits, '.', '_', '-')`);
    raws = [{ image, tags: [], buildArgs: new Map(), dockerfile: 'Dockerfile', specDir: '.' }];
  }
  const variants: Variant[] = [];
  for (const raw of raws) {
    const origin = { file: hasImagesFile ? imagesFile : join(dir, raw.dockerfile), line: raw.line };
    const dockerfile = inside(dir, raw.dockerfile, origin.file, raw.line, 'dockerfile');
    if (!(await exists(dockerfile))) throw new FileError({ file: dockerfile }, `is missing (tool '${tool}' needs a Dockerfile)`);
    const specDir = inside(dir, raw.specDir, origin.file, raw.line, 'spec-dir');
    const specFile = join(specDir, 'spec.json');
    const spec = await parseToolSpec(await readText(specFile), specFile, options.variables);
    const tags = raw.tags.length > 0 ? raw.tags : [options.version, 'latest'];
    variants.push({
      tool,
      name: raw.name ?? `${raw.image}:${tags[0]}`,
      image: raw.image,
      tags: [...new Set(tags)],
      buildArgs: raw.buildArgs,
      context: dir,
      dockerfile,
      dockerfileFacts: readDockerfile(await readText(dockerfile)),
      spec,
      specFile,
      icon: (await exists(join(specDir, 'icon.png'))) ? join(specDir, 'icon.png') : undefined,
      readme: (await exists(join(specDir, 'README.md'))) ? join(specDir, 'README.md') : undefined,
      origin,
    });
  }
  return variants;
}
