export { API_BASE, startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions, type LoggedRequest } from './server.js';
export type { FaultOptions } from './faults.js';
export { CloudPipelineState } from './state.js';
