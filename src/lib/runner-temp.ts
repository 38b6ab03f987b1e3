import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The runner's temp folder (emptied after each job), else the OS temp folder. */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || tmpdir();
}

/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
export function workFolder(env: NodeJS.ProcessEnv, name: string): string {
  return join(runnerTemp(env), 'quick-launcher', name);
}
