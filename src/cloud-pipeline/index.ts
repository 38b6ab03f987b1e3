export { CloudPipelineClient, createCloudPipelineClient, type CloudPipelineClientOptions } from './client.js';
export { checkApiUrl } from './api-url.js';
export { CloudPipelineAuthError, CloudPipelineError } from './errors.js';
export { DEFAULT_RETRY, parseRetryAfter, retryDelay, type RetryPolicy } from './retry.js';
export type { TransportStats } from './transport.js';
export type * from './types.js';
