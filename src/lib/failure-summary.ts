import { failureReport } from './errors.js';

/** Text as it reads: the job summary renders HTML, and an error message may quote `<…>`. */
function asText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '  \n');
}

/**
 * The summary line of a failure: `Failed: <message>`, the message the step's error line gives
 * (errors.ts failureReport). Errors carry no secrets (tests in __tests__/security), so it is safe
 * to write where the runner's log masking does not reach.
 */
export function failedLine(error: unknown): string {
  return `Failed: ${asText(failureReport(error).message)}`;
}

/** The summary of a step that failed before it had anything of its own to report: its title and the failure. */
export function failureSummary(title: string, error: unknown): string {
  return [`### ${title}`, '', failedLine(error), ''].join('\n');
}
