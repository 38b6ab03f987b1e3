import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { errorCode } from '../../lib/errors.js';
import { sha256, sha256File } from '../../lib/digest.js';
import { IMAGES_FILE } from './discover.js';
import { Dockerignore } from './dockerignore.js';

/** The rules of the context's `.dockerignore`; undefined when there is none. */
async function readDockerignore(dir: string): Promise<Dockerignore | undefined> {
  try {
    return new Dockerignore(await readFile(join(dir, '.dockerignore'), 'utf8'));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The ignore rules the content tag honours. buildah and podman read `.containerignore` before
 * `.dockerignore`, BuildKit reads `<Dockerfile>.dockerignore` first: when either is there, the
 * builder may send files `.dockerignore` leaves out, so no file is left out of the tag (a tag
 * that counts too much rebuilds once too often; one that counts too little reuses a stale image).
 */
async function contextRules(dir: string, dockerfile: string): Promise<Dockerignore | undefined> {
  if ((await isFile(join(dir, '.containerignore'))) || (await isFile(`${dockerfile}.dockerignore`))) return undefined;
  return readDockerignore(dir);
}

/**
 * sha256 over what a build of `dockerfile` sends from its context: every entry the context's
 * `.dockerignore` keeps (path, kind, executable bit, content or a link's target, in sorted
 * order), plus the Dockerfile itself, which counts even when `.dockerignore` names it (the
 * builder always reads it; it is just not COPYable). The tool's images.yml is left out: it is the
 * action's own metadata, and each variant's tags and args are hashed on their own, so editing one
 * variant's entry does not rebuild its siblings.
 */
export async function contextDigest(dir: string, dockerfile: string): Promise<string> {
  const rules = await contextRules(dir, dockerfile);
  const walkExcluded = rules?.hasExceptions ?? false;
  const lines: string[] = [];
  async function walk(folder: string): Promise<void> {
    const entries = (await readdir(join(dir, folder), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const full = join(dir, path);
      if (path === IMAGES_FILE) continue;
      if (entry.isDirectory()) {
        const excluded = rules?.excludes(`${path}/`) ?? false;
        if (!excluded) lines.push(`d ${path}`);
        // Docker walks into an excluded folder only when a `!` rule might re-include something in it.
        if (!excluded || walkExcluded) await walk(path);
        continue;
      }
      if (rules?.excludes(path)) continue;
      if (entry.isSymbolicLink()) {
        lines.push(`l ${path} ${await readlink(full)}`);
      } else if (entry.isFile()) {
        const executable = ((await lstat(full)).mode & 0o111) !== 0;
        lines.push(`f ${path} ${executable ? 'x' : '-'} ${await sha256File(full)}`);
      }
    }
  }
  await walk('');
  // Added only when excluded, so a context without .dockerignore keeps the tag it always had.
  const named = relative(dir, dockerfile);
  if (rules?.excludes(named)) lines.push(`dockerfile ${named} ${await sha256File(dockerfile)}`);
  return sha256(lines.join('\n'));
}
