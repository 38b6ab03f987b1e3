import type { DataStorageTemplate, DataStorageVO } from '../../../cloud-pipeline/types.js';

/** What a home template adds to the storage besides the storage itself. */
export interface HomeTemplateExtras {
  /** Metadata keys to set on the storage (key -> value). */
  metadata: Record<string, string>;
  permissions: { userName: string; mask: number; principal?: boolean }[];
}

/** The home storage upstream would create for `userName`, with what its template adds. */
export interface HomeStorage {
  storage: DataStorageVO;
  extras: HomeTemplateExtras;
}

/**
 * The home storage as `DataStorageManager.createDefaultStorageForUser` builds it
 * (`DataStorageManager.java:483-514`): the template `storage.user.home.template` with `@@`
 * replaced by the user name as the API holds it (:1365-1367; upper-cased on create,
 * `UserManager.java:684`, so callers pass a name not created yet upper-cased),
 * or `@@-home` described `Home folder for user @@`; a missing path is the name with the
 * `storage.object.prefix` (:497-499, :876-882); `serviceType` OBJECT_STORAGE when neither it nor
 * `type` is given (:512-514, `/datastorage/save` needs one of them, :421-426). A parentFolderId
 * is kept here; the caller drops it when the folder does not exist (:509-511).
 */
export function homeStorageOf(userName: string, template: string | undefined, objectPrefix?: string): HomeStorage {
  const name = userName;
  let parsed: Partial<DataStorageTemplate> | undefined;
  if (template) parsed = JSON.parse(template.split('@@').join(name)) as Partial<DataStorageTemplate>;
  const storage: DataStorageVO = parsed?.datastorage?.name
    ? { ...parsed.datastorage }
    : { name: `${name}-home`, description: `Home folder for user ${name}` };
  if (storage.path === undefined || storage.path === null || storage.path === '') storage.path = `${objectPrefix ?? ''}${storage.name}`;
  if (storage.serviceType === undefined && storage.type === undefined) storage.serviceType = 'OBJECT_STORAGE';
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed?.metadata ?? {})) metadata[key] = value?.value ?? '';
  const permissions = (parsed?.permissions ?? [])
    .filter((permission) => typeof permission.userName === 'string' && permission.userName !== '')
    .map((permission) => ({ userName: String(permission.userName), mask: permission.mask ?? 0, ...(permission.principal === false ? { principal: false } : {}) }));
  return { storage, extras: { metadata, permissions } };
}
