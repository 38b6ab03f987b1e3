import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from './digest.js';
import { ConfigurationError, InputError, errorCode } from './errors.js';
import { JsonSyntaxError, parseJson } from './json.js';
import { PRODUCER_NAME, PRODUCER_VERSION } from './version.js';

/**
 * The hand-off between jobs (SPEC §2): every action writes its output folder with a
 * `manifest.json` listing each file with its size and sha256, and a consumer verifies the
 * folder against it before using anything in it.
 */
export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_SCHEMA = 1;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  kind: string;
  producer: { name: string; action: string; version: string };
  inputsDigest: string;
  files: ManifestFile[];
}

/** What the producer says about a folder; the file list is measured. */
export interface ManifestHeader {
  kind: string;
  action: string;
  inputsDigest: string;
}

/** A folder entry that a hand-off folder may not hold. */
class FolderEntryError extends ConfigurationError {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** Every regular file under `dir` as a sorted POSIX relative path, the root manifest excluded. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(path);
      else throw new FolderEntryError(path, 'is not a regular file or folder (links and devices are refused)');
    }
  }
  await walk('');
  return found.filter((path) => path !== MANIFEST_FILE).sort();
}

/** Measures `dir` and returns its manifest (not written). */
async function createManifest(dir: string, header: ManifestHeader): Promise<Manifest> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(dir)) {
    const full = join(dir, path);
    files.push({ path, size: (await lstat(full)).size, sha256: await sha256File(full) });
  }
  return {
    schema: MANIFEST_SCHEMA,
    kind: header.kind,
    producer: { name: PRODUCER_NAME, action: header.action, version: PRODUCER_VERSION },
    inputsDigest: header.inputsDigest,
    files,
  };
}

/** Measures `dir` and writes its `manifest.json`. */
export async function writeManifest(dir: string, header: ManifestHeader): Promise<Manifest> {
  const manifest = await createManifest(dir, header);
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function isManifest(value: unknown): value is Manifest {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<Manifest>;
  return (
    typeof candidate.kind === 'string' &&
    typeof candidate.inputsDigest === 'string' &&
    Array.isArray(candidate.files) &&
    candidate.files.every(
      (file: Partial<ManifestFile>) =>
        typeof file?.path === 'string' && typeof file.size === 'number' && typeof file.sha256 === 'string',
    )
  );
}

/** Reads `dir/manifest.json`, or undefined when the folder has none. */
export async function readManifest(dir: string, input: string): Promise<Manifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new InputError(input, `cannot read ${path}: ${errorCode(error) ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = parseJson(text, path);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.location;
    throw new InputError(input, `${path} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
  }
  if (!isManifest(value)) throw new InputError(input, `${path} is not a quick-launcher-actions manifest`);
  const schema: unknown = (value as { schema?: unknown }).schema;
  if (schema !== MANIFEST_SCHEMA) {
    throw new InputError(input, `${path} has schema ${JSON.stringify(schema)}; this version reads schema ${MANIFEST_SCHEMA}`);
  }
  const seen = new Set<string>();
  for (const file of value.files) {
    const problem = entryPathProblem(file.path);
    if (problem) throw new InputError(input, `${path} lists ${JSON.stringify(file.path)}, which ${problem}`);
    if (seen.has(file.path)) throw new InputError(input, `${path} lists ${JSON.stringify(file.path)} twice`);
    seen.add(file.path);
  }
  return value;
}

/**
 * Why a manifest entry is not the relative POSIX path of a file inside its folder (as listFiles
 * writes them: no leading `/`, no `.`, `..` or empty segment, no backslash), or undefined.
 */
function entryPathProblem(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is an absolute path, not a path inside the folder';
  const segments = path.split('/');
  if (segments.includes('..')) return "has a '..' segment: it would name a file outside the folder";
  if (path.includes('\\') || path.includes('\0')) return 'has a backslash or NUL byte, which a file listed here never has';
  if (segments.some((segment) => segment === '' || segment === '.')) return "has an empty or '.' segment, which a file listed here never has";
  if (path === MANIFEST_FILE) return 'is the manifest itself';
  return undefined;
}

/**
 * Verifies a hand-off folder against its manifest before it is used: the kind must match and a
 * missing, extra or altered file is an error naming that file and the input that gave the folder.
 */
export async function verifyManifest(dir: string, kind: string, input: string): Promise<Manifest> {
  const manifest = await readManifest(dir, input);
  if (!manifest) throw new InputError(input, `${dir} has no ${MANIFEST_FILE}; pass the output folder of the producing action`);
  if (manifest.kind !== kind) {
    throw new InputError(input, `${dir} holds '${manifest.kind}', expected '${kind}'`);
  }
  let actual: string[];
  try {
    actual = await listFiles(dir);
  } catch (error) {
    if (error instanceof FolderEntryError) throw new InputError(input, `${join(dir, error.path)}: ${error.message}`);
    throw error;
  }
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  for (const path of actual) {
    if (!listed.has(path)) throw new InputError(input, `${join(dir, path)} is not listed in ${MANIFEST_FILE}`);
  }
  const present = new Set(actual);
  for (const file of manifest.files) {
    const full = join(dir, file.path);
    if (!present.has(file.path)) throw new InputError(input, `${full} is listed in ${MANIFEST_FILE} but missing`);
    const size = (await lstat(full)).size;
    if (size !== file.size || (await sha256File(full)) !== file.sha256) {
      throw new InputError(input, `${full} does not match its sha256 in ${MANIFEST_FILE} (altered after it was produced)`);
    }
  }
  return manifest;
}
