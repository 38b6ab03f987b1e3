export { API_BASE, startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions, type LoggedRequest } from './server.js';
export type { FaultOptions } from './faults.js';
export { CloudPipelineState, type StorageRecord, type UserRecord } from './state.js';
export { DEFAULT_ANONYMOUS_URLS } from './security.js';
export type { RegistryRecord, ToolGroupRecord } from './tool-model.js';
export { watchRegistry, type RegistryWatch, type WatchedRegistry } from './registry-watch.js';
export { DEMO_FOLDER_APPS, FOLDER_APPS_STORAGE } from './folder-apps.js';
