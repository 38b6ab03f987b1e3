import { ConfigurationError } from '../lib/errors.js';

/**
 * A failed Cloud Pipeline API call: HTTP status or envelope `status: ERROR`. The message names the
 * method, the path (without the query, which may carry user names but never the token) and the
 * API's own message; the bearer token is never part of it.
 */
export class CloudPipelineError extends Error {
  override name = 'CloudPipelineError';
  constructor(
    readonly method: string,
    readonly path: string,
    /** HTTP status, or 0 when no response arrived (connection refused, reset, timeout). */
    readonly status: number,
    readonly apiMessage: string,
  ) {
    super(`Cloud Pipeline API ${method} ${path} failed${status ? ` (HTTP ${status})` : ''}: ${apiMessage}`);
  }

  /** True when the API said the object does not exist (HTTP 404 or an ERROR envelope saying so). */
  get notFound(): boolean {
    return this.status === 404 || /not (be )?found|does not exist|doesn't exist/i.test(this.apiMessage);
  }
}

/** The token was refused (HTTP 401/403): a configuration mistake, reported without a stack. */
export class CloudPipelineAuthError extends ConfigurationError {
  override name = 'CloudPipelineAuthError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
  ) {
    super(
      `Cloud Pipeline API ${method} ${path} was refused (HTTP ${status}): check that 'api-token' is a valid ` +
        `admin token for this API and has not expired`,
    );
  }
}
