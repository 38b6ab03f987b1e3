export {
  DEFAULT_CONCURRENCY,
  HIERARCHY_PREFERENCE,
  desiredPreferences,
  homeStorageFor,
  provision,
  type DesiredState,
  type ProvisionOptions,
  type ProvisionResult,
} from './provision.js';
export type { ProvisionCounts } from './execute.js';
export type { PlannedCall, Step } from './plan.js';
export { foldersFor, parseHomeHierarchy, validateHomeHierarchy, type HomeHierarchy } from './hierarchy.js';
export {
  DEFAULT_SYSTEM_USERS,
  SYNC_HOME_FOLDERS,
  checkUserName,
  parseHomeStorageTemplate,
  parsePreferences,
  parseSyncHomeFolders,
  parseSystemUsers,
  type PreferenceSetting,
  type SyncHomeFolders,
  type SystemUser,
  type SystemUserKind,
} from './parse-inputs.js';
export { TOOLS_MANIFEST_FILE, readToolsManifest, splitImageRef, type DesiredTool } from './tools-manifest.js';
