export {
  DEFAULT_CONCURRENCY,
  provision,
  type DesiredState,
  type ProvisionOptions,
  type ProvisionResult,
} from './provision.js';
export { type Step } from './plan.js';
export { parseHomeHierarchy, type HomeHierarchy } from './hierarchy.js';
export {
  DEFAULT_SYSTEM_USERS,
  parseHomeAuto,
  parseHomeStorageTemplate,
  parseToolRegistration,
  parsePreferences,
  parseSyncHomeFolders,
  parseSystemUsers,
} from './parse-inputs.js';
export { readToolsManifest, splitImageRef, type DesiredTool } from './tools-manifest.js';
