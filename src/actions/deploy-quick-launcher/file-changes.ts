import type { PayloadIndex } from './payload.js';

/** One file of the payload that a deploy adds, changes or removes on the Edge. */
export interface FileChange {
  path: string;
  change: 'added' | 'changed' | 'removed';
  /** The new size (the old one for a removed file). */
  size: number;
}

/**
 * The files that differ between the payload the Edge serves and the new one, by path and sha256,
 * sorted by path. Without a live index (a first deploy, or its objects gone) every file is added.
 * Only paths and sizes: the content of a secret file (the settings) never reaches the summary.
 */
export function fileChanges(live: PayloadIndex | undefined, next: PayloadIndex): FileChange[] {
  const before = new Map((live?.files ?? []).map((file) => [file.path, file]));
  const changes: FileChange[] = [];
  for (const file of next.files) {
    const old = before.get(file.path);
    if (!old) changes.push({ path: file.path, change: 'added', size: file.size });
    else if (old.sha256 !== file.sha256) changes.push({ path: file.path, change: 'changed', size: file.size });
    before.delete(file.path);
  }
  for (const file of before.values()) changes.push({ path: file.path, change: 'removed', size: file.size });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
