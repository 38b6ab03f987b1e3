import { ApiFailure } from './failure.js';
import { DATA_STORAGE_TEMPLATE, readDto } from './dtos.js';

/** A storage as the stand-in keeps it: the entity fields plus its folders. */
export interface StorageRecord {
  id: number;
  name: string;
  path: string;
  type: string;
  description?: string;
  parentFolderId?: number;
  regionId: number;
  fileShareMountId?: number;
  mountPoint?: string;
  shared: boolean;
  sensitive: boolean;
  owner: string;
  createdDate: string;
  mask: number;
  locked: boolean;
  /** Folder paths without leading or trailing slash. */
  folders: Set<string>;
  /** Files by path without a leading slash (storage-files.ts). */
  files: Map<string, { content: Buffer; changed: string }>;
  [key: string]: unknown;
}

/** Upstream's fallback when a step dereferences a missing field (`error.default`, messages.properties:18). */
const SERVER_PROBLEM = 'Your operation has been aborted as we encountered a server problem.';

/** The page size of NFS listings without an explicit one (`NFSStorageProvider.java:94, 243`). */
export const NFS_PAGE_SIZE = 1000;

export const isFileShare = (storage: { type: string }) => storage.type === 'NFS';

/**
 * The home storage template as `createDefaultStorageForUser` reads it (`DataStorageManager.java:483-499`):
 * `@@` replaced by the user name (:1365-1367) in `storage.user.home.template`, parsed strictly,
 * or `@@-home` / `Home folder for user @@`; a missing path becomes the name with the
 * `storage.object.prefix` (`adjustStoragePath`, :876-882).
 */
export function homeStorageVO(userName: string, template: string | undefined, objectPrefix: string | undefined) {
  const parsed = template
    ? readDto<{ datastorage?: Record<string, unknown>; permissions?: { userName?: string; mask?: number }[]; metadata?: Record<string, { type?: string; value?: string }> }>(
        JSON.parse(template.split('@@').join(userName)),
        DATA_STORAGE_TEMPLATE,
      )
    : undefined;
  const datastorage = { ...(parsed?.datastorage ?? { name: `${userName}-home`, description: `Home folder for user ${userName}` }) } as Record<string, unknown> & { name: string; path?: string };
  if (datastorage.path === undefined || datastorage.path === null) datastorage.path = `${objectPrefix ?? ''}${datastorage.name}`;
  const metadata: Record<string, { type: string; value: string }> = {};
  for (const [key, value] of Object.entries(parsed?.metadata ?? {})) metadata[key] = { type: value.type ?? 'string', value: value.value ?? '' };
  return { datastorage, permissions: parsed?.permissions ?? [], metadata };
}

/**
 * Validates a DataStorageVO as `DataStorageManager.create` does (`DataStorageManager.java:399-472`)
 * and builds the record: name required (:405-407); FILE_SHARE needs fileShareMountId (:409-413);
 * the type from `type` or else `serviceType` (:421-426, a NullPointerException when both are
 * absent); name and path unique (:427-428, :1216-1222); the path required to build the bucket
 * (`ProviderUtils.parsePath`, `ProviderUtils.java:59-68`) and prefixed with
 * `storage.object.prefix` for object storages when created in the cloud (:442-447, :876-882);
 * a parentFolderId must name an existing folder (:460-463).
 */
export function createStorageRecord(
  vo: Record<string, unknown>,
  owner: string,
  context: { id: number; existing: StorageRecord[]; objectPrefix?: string; fileShareMounts: Set<number>; folders: Set<number> },
): StorageRecord {
  const name = typeof vo.name === 'string' ? vo.name.trim() : '';
  if (name === '') throw new ApiFailure(200, "Parameter 'name' is required or empty");
  if (vo.serviceType === 'FILE_SHARE' && typeof vo.fileShareMountId !== 'number') throw new ApiFailure(200, "Parameter 'fileShareMountId' is required or empty");
  if (typeof vo.fileShareMountId === 'number' && !context.fileShareMounts.has(vo.fileShareMountId)) {
    throw new ApiFailure(200, `File share mount with id ${vo.fileShareMountId} was not found.`);
  }
  const type = typeof vo.type === 'string' ? vo.type : vo.serviceType === 'FILE_SHARE' ? 'NFS' : vo.serviceType === 'OBJECT_STORAGE' ? 'S3' : undefined;
  if (type === undefined) throw new ApiFailure(200, SERVER_PROBLEM);
  const given = typeof vo.path === 'string' ? vo.path.trim() : '';
  const usePath = given === '' ? name : given;
  if (context.existing.some((storage) => storage.name === name || storage.path === usePath)) {
    throw new ApiFailure(200, `Error: data storage with name: '${name}' or path: '${given === '' ? 'null' : given}' already exists.`);
  }
  if (given === '') throw new ApiFailure(200, SERVER_PROBLEM);
  if (typeof vo.parentFolderId === 'number' && !context.folders.has(vo.parentFolderId)) {
    throw new ApiFailure(200, `Folder with id ${vo.parentFolderId} was not found.`);
  }
  const path = type === 'NFS' ? given : `${context.objectPrefix ?? ''}${given}`;
  const record: StorageRecord = {
    ...vo,
    id: context.id,
    name,
    path,
    type,
    regionId: typeof vo.regionId === 'number' ? vo.regionId : 1,
    shared: vo.shared === true,
    sensitive: vo.sensitive === true,
    owner,
    createdDate: new Date().toISOString(),
    mask: 15,
    locked: false,
    folders: new Set(),
    files: new Map(),
  };
  delete record.serviceType;
  return record;
}

const clean = (path: string) => path.trim().replace(/^\/+|\/+$/g, '');

/**
 * Creates one folder. S3 (`S3Helper.createFolder`, `S3Helper.java:520-545`): refused when the
 * folder exists (:527, :1202-1206), parents need not exist (a key prefix). NFS
 * (`NFSStorageProvider.createFolder`, `NFSStorageProvider.java:364-370`): `mkdirs`, whose false
 * for an existing folder becomes "Could not create a folder in nfs".
 */
export function createFolder(storage: StorageRecord, rawPath: string): string {
  const path = clean(rawPath);
  if (path === '') throw new ApiFailure(200, 'Path should not be empty');
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) throw new ApiFailure(200, `Invalid path '${rawPath}'`);
  if (storage.folders.has(path)) {
    if (isFileShare(storage)) throw new ApiFailure(200, `Could not create a folder in nfs: ${storage.path}`);
    throw new ApiFailure(200, `Storage path '${path}/' for bucket '${storage.path}' already exists.`);
  }
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) storage.folders.add(parts.slice(0, i).join('/'));
  return path;
}

/** The folders directly under `parent`, sorted (a file share lists the way Files.walk sorts). */
export function listFolder(storage: StorageRecord, rawParent: string): { name: string; path: string; type: 'Folder' }[] {
  const parent = clean(rawParent);
  if (parent !== '' && !storage.folders.has(parent) && isFileShare(storage)) {
    throw new ApiFailure(200, `${storage.path}/${parent}: No such file or directory`);
  }
  const prefix = parent === '' ? '' : `${parent}/`;
  return [...storage.folders]
    .filter((folder) => folder.startsWith(prefix) && folder !== parent && !folder.slice(prefix.length).includes('/'))
    .sort()
    .map((folder) => ({ name: folder.slice(prefix.length), path: isFileShare(storage) ? folder : `${folder}/`, type: 'Folder' as const }));
}
