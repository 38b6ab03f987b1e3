import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

let probe: Promise<boolean> | undefined;

/**
 * Whether commands can run in a private mount namespace here (root and util-linux `unshare`), so
 * that the Deployment's `readOnly: true` mounts are read-only for them as in the real container.
 * Elsewhere read-only mounts are not enforced.
 */
export function canEnforceReadOnly(): Promise<boolean> {
  if (process.getuid?.() !== 0) return Promise.resolve(false);
  probe ??= new Promise((resolve) => {
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  return probe;
}

// Bind each folder onto itself read-only inside the new namespace, then run the command; the
// host's mounts are untouched (private propagation) and vanish with the command.
const REMOUNT = 'while [ "$1" != -- ]; do mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" || exit 125; shift; done; shift; exec "$@"';

/** argv that runs `argv` with `folders` read-only. */
export function withReadOnly(argv: readonly string[], folders: readonly string[]): string[] {
  if (folders.length === 0) return [...argv];
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', REMOUNT, 'remount', ...folders, '--', ...argv];
}

/** The executable a PATH lookup finds for a command name (or the path itself), if any. */
export function findExecutable(command: string, path: string): string | undefined {
  const candidates = command.includes('/') ? [command] : path.split(':').filter(Boolean).map((folder) => join(folder, command));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
