import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, errorCode, errorMessage } from './errors.js';
import { MANIFEST_FILE, type Manifest, type ManifestHeader, listFiles, readManifest, writeManifest } from './manifest.js';

/** A file an action puts in its output folder. */
export interface OutputFile {
  /** POSIX path relative to the folder. */
  path: string;
  content: string | Uint8Array;
}

function assertRelative(path: string): void {
  if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`internal: output path '${path}' is not a plain relative path`);
  }
}

/**
 * Checks that `dir` may be (re)written: it must not exist, be empty, or hold an earlier output
 * of the same kind. Anything else is the user's folder and is never deleted.
 */
async function assertReplaceable(dir: string, kind: string, input: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    if (errorCode(error) === 'ENOTDIR') throw new InputError(input, `${dir} exists and is not a folder`);
    throw new InputError(input, `cannot read ${dir}: ${errorCode(error) ?? String(error)}`);
  }
  if (entries.length === 0) return;
  const manifest = await readManifest(dir, input).catch(() => undefined);
  if (manifest?.kind !== kind) {
    throw new InputError(input, `${dir} is not empty and does not hold an earlier '${kind}' output; refusing to replace it`);
  }
  // An earlier output with a file of the user's beside it is replaced only when nothing would be
  // lost: every file there is the manifest's own.
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((file) => file.path)]);
  const files = await listFiles(dir).catch((error: unknown) => {
    throw new InputError(input, `${dir}: ${errorMessage(error)}; refusing to replace the folder`);
  });
  const foreign = files.find((path) => !listed.has(path));
  if (foreign !== undefined) {
    throw new InputError(input, `${join(dir, foreign)} is not part of the earlier '${kind}' output in ${dir}; refusing to replace the folder (move the file away, or use another folder)`);
  }
}

/**
 * A staging folder beside the output folder: the caller fills it, `commit()` writes the manifest
 * and swaps it into place, `discard()` removes it. A failure before `commit()` leaves the output
 * folder as it was.
 */
export class StagedOutput {
  private constructor(
    readonly dir: string,
    readonly staging: string,
    private readonly header: ManifestHeader,
  ) {}

  static async open(dir: string, header: ManifestHeader, input: string): Promise<StagedOutput> {
    const target = resolve(dir);
    await assertReplaceable(target, header.kind, input);
    const staging = join(dirname(target), `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(staging, { recursive: true });
    } catch (error) {
      throw new InputError(input, `cannot create ${dirname(target)}: ${errorCode(error) ?? String(error)}`);
    }
    return new StagedOutput(target, staging, header);
  }

  async write(file: OutputFile): Promise<void> {
    assertRelative(file.path);
    const full = join(this.staging, file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.content);
  }

  async commit(): Promise<Manifest> {
    const manifest = await writeManifest(this.staging, this.header);
    await rm(this.dir, { recursive: true, force: true });
    await rename(this.staging, this.dir);
    return manifest;
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** Writes `files` as the output folder `dir` with its manifest, all or nothing. */
export async function writeOutputFolder(
  dir: string,
  files: readonly OutputFile[],
  header: ManifestHeader,
  input = 'output-dir',
): Promise<Manifest> {
  const output = await StagedOutput.open(dir, header, input);
  try {
    for (const file of files) await output.write(file);
    return await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
}
