import * as core from '@actions/core';
import { failureReport } from './errors.js';

/**
 * The top of every entry point: runs `main` once and turns any error into one `::error::` line
 * and exit code 1. A ConfigurationError is the user's mistake and is reported as it is; an
 * environment or build error says so; the stack (and causes) of anything but the user's mistake
 * goes to the debug log (errors.ts failureReport).
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const report = failureReport(error);
    if (report.debug) core.debug(report.debug);
    core.setFailed(report.message);
  }
}
