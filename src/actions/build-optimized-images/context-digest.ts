import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256, sha256File } from '../../lib/digest.js';
import { IMAGES_FILE } from './discover.js';

/**
 * sha256 over every entry of a build context: path, kind, executable bit and content (a link's
 * target), in sorted order. The tool's images.yml is left out: it is the action's own metadata,
 * and each variant's tags and args are hashed on their own, so editing one variant's entry does
 * not rebuild its siblings.
 */
export async function contextDigest(dir: string): Promise<string> {
  const lines: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = (await readdir(join(dir, relative), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = join(dir, path);
      if (path === IMAGES_FILE) continue;
      if (entry.isDirectory()) {
        lines.push(`d ${path}`);
        await walk(path);
      } else if (entry.isSymbolicLink()) {
        lines.push(`l ${path} ${await readlink(full)}`);
      } else if (entry.isFile()) {
        const executable = ((await lstat(full)).mode & 0o111) !== 0;
        lines.push(`f ${path} ${executable ? 'x' : '-'} ${await sha256File(full)}`);
      }
    }
  }
  await walk('');
  return sha256(lines.join('\n'));
}
