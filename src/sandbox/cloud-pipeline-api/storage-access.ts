import type { CloudPipelineState, StorageRecord } from './state.js';

/** ACL permission bits (`security/acl/AclPermission.java:52-56`): READ 1, WRITE 4. */
export const READ = 1;
export const WRITE = 4;

/**
 * Whether the caller holds one of `bits` on a storage: an admin always, the owner always, else a
 * grant (`/grant`, a home template's permissions) to the user or to one of the roles in its token
 * (a sid with `principal: false`). This is how the stand-in reads `@StorageAclReadOrWrite`
 * (`acl/datastorage/DataStorageApiService.java:109-112`) and `AclExpressions.STORAGE_ID_READ` /
 * `STORAGE_ID_WRITE` (:344-347, :175-178).
 */
export function canAccess(state: CloudPipelineState, storage: StorageRecord, caller: { userName: string; groups?: string[] }, roles: readonly string[], bits: number): boolean {
  if (roles.includes('ROLE_ADMIN')) return true;
  if (storage.owner.toUpperCase() === caller.userName.toUpperCase()) return true;
  const grants = state.permissions.get(`DATA_STORAGE:${storage.id}`);
  if (!grants) return false;
  const sids = [caller.userName, ...roles, ...(caller.groups ?? [])].map((sid) => sid.toUpperCase());
  return sids.some((sid) => ((grants.get(sid) ?? 0) & bits) !== 0);
}
