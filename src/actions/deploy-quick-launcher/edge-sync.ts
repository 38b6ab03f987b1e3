import { readFileSync } from 'node:fs';
import type { Logger } from '../../lib/logger.js';
import { lastLines } from '../../tools/exec.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';

/** The script run in each Edge container (one literal URL, so ncc ships it next to the bundle). */
const SCRIPT = new URL('../../../templates/installer/edge-sync.sh', import.meta.url);

/** sync-routes' lock: crontab.sh runs every sync under `flock -w 1 /var/run/sync-routes.lock`. */
export const SYNC_ROUTES_LOCK = '/var/run/sync-routes.lock';
/** How long the sync waits for a running sync-routes to finish (it holds the lock while it edits). */
const LOCK_WAIT_SECONDS = 60;

/**
 * The argv `kubectl exec` runs in an Edge container: the sync script under sync-routes' lock.
 * `copy` copies the placed files into the live folder (copy layout), `test` only tests and
 * reloads (direct layout). The script travels as an argument, not on stdin: no shell parses it.
 */
export function edgeSyncCommand(mode: 'copy' | 'test', digest = ''): string[] {
  return ['flock', '-w', String(LOCK_WAIT_SECONDS), SYNC_ROUTES_LOCK, 'sh', '-c', readFileSync(SCRIPT, 'utf8'), 'quick-launcher-edge', mode, ...(mode === 'copy' ? [digest] : [])];
}

export interface PodSync {
  pod: string;
  exitCode: number;
  /** The script's last lines (stdout and stderr). */
  output: string;
}

/**
 * Runs the sync in each pod's Edge container, one after the other; resolves with every outcome
 * (the caller rolls back on any failure; a session kubectl could not run has exit code -1).
 */
export async function syncEdgePods(kubectl: Kubectl, pods: readonly string[], container: string, command: readonly string[], logger: Logger): Promise<PodSync[]> {
  const outcomes: PodSync[] = [];
  for (const pod of pods) {
    let result: { exitCode: number; stdout: string; stderr: string };
    try {
      result = await kubectl.exec({ pod, container, command });
    } catch (error) {
      // A refused or broken session after the files were placed: a failed switch, rolled back.
      if (!(error instanceof KubectlError)) throw error;
      outcomes.push({ pod, exitCode: -1, output: error.message });
      logger.warning(`${pod}: kubectl exec failed: ${error.message}`);
      continue;
    }
    const output = lastLines(`${result.stdout}\n${result.stderr}`.replace(/^command terminated with exit code \d+$/m, '').trim(), 15);
    outcomes.push({ pod, exitCode: result.exitCode, output });
    if (result.exitCode === 0) logger.info(`${pod}: ${lastLines(result.stdout, 1)}`);
    else logger.warning(`${pod}: the Edge sync exited ${result.exitCode}: ${output}`);
  }
  return outcomes;
}
