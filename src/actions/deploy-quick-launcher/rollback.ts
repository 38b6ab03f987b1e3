import type { Logger } from '../../lib/logger.js';
import type { Kubectl } from '../../tools/kubectl.js';
import { switchEdge } from './apply.js';
import { runInstallerJob, type JobOutcome } from './installer-job.js';
import type { KubeObject } from './objects.js';
import type { RolloutPlan } from './plan.js';

export function logTail(outcome: JobOutcome): string {
  return outcome.log ? `\nInstaller log:\n${outcome.log}` : '';
}

/**
 * Puts the previous content back: the restore Job (the installer's latest backup) on the same
 * node with the same volumes, then the same switch as the rollout (reload, or restart). Resolves
 * with what happened, for the error and the summary; never throws for a failed step.
 */
export async function rollBack(
  kubectl: Kubectl,
  restoreJob: KubeObject,
  plan: RolloutPlan,
  edge: { deployment: string; container: string; rolloutTimeout: string; jobTimeoutSeconds: number; pollMs?: number },
  previousDigest: string | undefined,
  logger: Logger,
): Promise<string> {
  const outcome = await runInstallerJob(kubectl, restoreJob, { timeoutSeconds: edge.jobTimeoutSeconds, pollMs: edge.pollMs });
  if (!outcome.succeeded) return `restoring FAILED (${outcome.reason}); the Edge node may hold the new content${logTail(outcome)}`;
  const what = `restored the previous files (content ${previousDigest ?? 'none: the quick-launcher files were removed'})`;
  try {
    const switched = await switchEdge(kubectl, plan, edge, previousDigest ?? '', logger);
    if (switched.ok) return `${what} and ${plan.switch === 'reload' ? 'reloaded nginx (no restart)' : 'restarted the Edge'}`;
    if (plan.switch === 'restart') return `${what}; the Edge did not take them back either: ${switched.result}`;
    // The reload itself is what failed (exec refused or broken): a restart reads the restored folder.
    logger.warning(`reloading the restored files failed (${switched.result}); restarting the Edge instead`);
    const restarted = await switchEdge(kubectl, { ...plan, switch: 'restart' }, edge, previousDigest ?? '', logger);
    return restarted.ok ? `${what} and restarted the Edge (the reload failed: ${switched.result})` : `${what}; neither a reload nor a restart brought the Edge back: ${restarted.result}`;
  } catch (error) {
    return `${what}; switching the Edge back failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
