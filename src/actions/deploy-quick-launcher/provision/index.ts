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
export { SITE_WIDE, type PlannedCall, type Step } from './plan.js';
export { ANONYMOUS_TOKEN_ROLES, RENEW_BEFORE_SECONDS, liveTokenProblem } from './anonymous-token.js';
export { homeStorageOf, type HomeStorage, type HomeTemplateExtras } from './home-storage.js';
export { DEFAULT_TOOL_POLL_MS, DEFAULT_TOOL_WAIT_MS, type ToolLookup } from './observe-tools.js';
export { foldersFor, parseHomeHierarchy, validateHomeHierarchy, type HomeHierarchy } from './hierarchy.js';
export {
  DEFAULT_SYSTEM_USERS,
  SYNC_HOME_FOLDERS,
  checkUserName,
  parseHomeAuto,
  parseHomeStorageTemplate,
  parseToolRegistration,
  parsePreferences,
  parseSyncHomeFolders,
  parseSystemUsers,
  type PreferenceSetting,
  type SyncHomeFolders,
  type SystemUser,
  type SystemUserKind,
} from './parse-inputs.js';
export { TOOLS_MANIFEST_FILE, readToolsManifest, splitImageRef, type DesiredTool } from './tools-manifest.js';
