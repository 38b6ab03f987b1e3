import * as core from '@actions/core';
import { ConfigurationError, errorMessage } from './errors.js';

/**
 * The top of every entry point: runs `main` once and turns any error into one `::error::` line
 * and exit code 1. A ConfigurationError is the user's mistake and is reported as it is; anything
 * else is a bug and its stack goes to the debug log.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack) {
      core.debug(error.stack);
    }
    core.setFailed(errorMessage(error));
  }
}
