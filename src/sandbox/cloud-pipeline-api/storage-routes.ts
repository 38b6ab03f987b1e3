import { DATA_STORAGE_VO, PERMISSION_GRANT_VO, UPDATE_DATA_STORAGE_ITEM_VO } from './dtos.js';
import { ApiFailure } from './failure.js';
import { type Route, type RouteContext, idParam, requireQuery } from './router.js';
import { READ, WRITE, canAccess } from './storage-access.js';
import { MAX_DOWNLOAD_SIZE_DEFAULT, listFiles, readContent, writeFile } from './storage-files.js';
import { NFS_PAGE_SIZE, type StorageRecord, createFolder, isFileShare, listFolder } from './storage-model.js';

/** A storage's folders, then its files, directly under `path`. */
const listing = (storage: StorageRecord, path: string) => [...listFolder(storage, path), ...listFiles(storage, path)];

/** The storage of `{id}` when the caller holds `bits` on it; else AccessDeniedException, which the advice answers as HTTP 200 + ERROR. */
function accessible(c: RouteContext, bits: number): StorageRecord {
  const storage = c.state.requireStorage(idParam(c.params));
  if (!canAccess(c.state, storage, c.caller, c.callerRoles, bits)) throw new ApiFailure(200, 'Access is denied');
  return storage;
}

/** The storage as the API shows it: without the stand-in's folders and files. */
export function visible(storage: StorageRecord): Omit<StorageRecord, 'folders' | 'files'> {
  const copy: Partial<StorageRecord> = { ...storage };
  delete copy.folders;
  delete copy.files;
  return copy;
}

interface ItemBody {
  path?: string;
  type?: string;
  action?: string;
}

/** `/datastorage/*` (`controller/datastorage/DataStorageController.java`), `/grant`, `/grant/owner`, `/folder/{id}/load`. */
export const storageRoutes: Route[] = [
  {
    // DataStorageController.java:115-126: every storage the caller may READ or WRITE
    // (@StorageAclReadOrWrite, DataStorageApiService.java:109-112), what the launcher loads first
    // (quick-launcher/src/models/cloud-pipeline-api/data-storage-available.js).
    method: 'GET',
    path: '/datastorage/available',
    mutating: false,
    handle: (c) => [...c.state.storages.values()].filter((storage) => canAccess(c.state, storage, c.caller, c.callerRoles, READ | WRITE)).map(visible),
  },
  {
    // DataStorageController.java:476-494 (STORAGE_ID_READ, DataStorageApiService.java:344-347):
    // DataStorageItemContent, the content base64; what the launcher reads gateway.spec with
    // (quick-launcher/src/models/cloud-pipeline-api/data-storage-item-content.js).
    method: 'GET',
    path: '/datastorage/{id}/content',
    mutating: false,
    handle: (c) => {
      const path = requireQuery(c.query, 'path');
      const storage = accessible(c, READ);
      const limit = Number(c.state.preferenceValue('storage.max.download.size') ?? MAX_DOWNLOAD_SIZE_DEFAULT) || MAX_DOWNLOAD_SIZE_DEFAULT;
      return readContent(storage, path, limit);
    },
  },
  {
    // DataStorageController.java:362-377 (STORAGE_ID_WRITE, DataStorageApiService.java:175-178):
    // the body's text becomes the file; answers the DataStorageFile.
    method: 'POST',
    path: '/datastorage/{id}/content',
    mutating: true,
    handle: (c) => {
      const path = requireQuery(c.query, 'path');
      if (c.raw.length === 0) throw new ApiFailure(200, 'Required request body is missing');
      return writeFile(accessible(c, WRITE), path, c.raw);
    },
  },
  {
    method: 'GET',
    path: '/datastorage/find',
    mutating: false,
    handle: (c) => {
      const id = requireQuery(c.query, 'id');
      const storage = c.state.findStorage(id);
      if (!storage) throw new ApiFailure(200, `Error: data storage with id: '${id}' was not found.`);
      return visible(storage);
    },
  },
  {
    // DataStorageController.java:545-559: answers SecuredEntityWithAction {entity, actionStatus}.
    method: 'POST',
    path: '/datastorage/save',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = c.body<Record<string, unknown>>(DATA_STORAGE_VO);
      const cloud = c.query.get('cloud') === 'true';
      return { entity: visible(c.state.createStorage(body, c.caller.userName, { cloud, replacePath: true })), actionStatus: { status: 'OK' } };
    },
  },
  {
    // An NFS listing without a page size stops at 1000 entries (NFSStorageProvider.java:94, 243-247).
    method: 'GET',
    path: '/datastorage/{id}/list',
    mutating: false,
    handle: (c) => {
      const storage = c.state.requireStorage(idParam(c.params));
      const items = listing(storage, c.query.get('path') ?? '');
      return isFileShare(storage) ? items.slice(0, NFS_PAGE_SIZE) : items;
    },
  },
  {
    // DataStorageController.java:258-273: {results, nextPageMarker}; the marker is the offset.
    method: 'GET',
    path: '/datastorage/{id}/list/page',
    mutating: false,
    handle: (c) => {
      const storage = c.state.requireStorage(idParam(c.params));
      const items = listing(storage, c.query.get('path') ?? '');
      const pageSize = Number(c.query.get('pageSize') ?? (isFileShare(storage) ? NFS_PAGE_SIZE : 1000));
      const offset = Number(c.query.get('marker') ?? 0) || 0;
      const page = items.slice(offset, offset + pageSize);
      return { results: page, nextPageMarker: offset + pageSize < items.length ? String(offset + pageSize) : undefined };
    },
  },
  {
    // DataStorageController.java:293-296: List<UpdateDataStorageItemVO>, applied one by one.
    method: 'POST',
    path: '/datastorage/{id}/list',
    mutating: true,
    handle: (c) => {
      const storage = c.state.requireStorage(idParam(c.params));
      const items = c.bodyList<ItemBody>(UPDATE_DATA_STORAGE_ITEM_VO);
      return items.map((item) => {
        if (item.action !== 'Create' || item.type !== 'Folder' || typeof item.path !== 'string') {
          throw new ApiFailure(200, 'The stand-in supports {type: Folder, action: Create} only');
        }
        const path = createFolder(storage, item.path);
        return { name: path.split('/').pop(), path: isFileShare(storage) ? path : `${path}/`, type: 'Folder' };
      });
    },
  },
  {
    method: 'POST',
    path: '/grant/owner',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const aclClass = requireQuery(c.query, 'aclClass');
      if (aclClass !== 'DATA_STORAGE') throw new ApiFailure(200, 'The stand-in supports aclClass DATA_STORAGE only');
      const storage = c.state.requireStorage(idParam({ id: requireQuery(c.query, 'id', 'Long') }));
      const user = c.state.userByName(requireQuery(c.query, 'userName'));
      if (!user) throw new ApiFailure(200, `Failed to find user by name '${c.query.get('userName')}'.`);
      storage.owner = user.userName;
      return { entity: { id: storage.id, aclClass }, owner: storage.owner };
    },
  },
  {
    method: 'POST',
    path: '/grant',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = c.body<{ aclClass?: string; id?: number; userName?: string; mask?: number; principal?: boolean }>(PERMISSION_GRANT_VO);
      if (body.aclClass !== 'DATA_STORAGE') throw new ApiFailure(200, 'The stand-in supports aclClass DATA_STORAGE only');
      const storage = c.state.requireStorage(Number(body.id));
      c.state.grant(body.aclClass, storage.id, String(body.userName ?? ''), Number(body.mask ?? 0));
      return { entity: { id: storage.id, aclClass: body.aclClass }, permissions: [{ sid: { name: String(body.userName ?? '').toUpperCase(), principal: body.principal !== false }, mask: Number(body.mask ?? 0) }] };
    },
  },
  {
    method: 'GET',
    path: '/folder/{id}/load',
    mutating: false,
    handle: (c) => {
      const id = idParam(c.params);
      if (!c.state.folders.has(id)) throw new ApiFailure(200, `Folder with id ${id} was not found.`);
      return { id, name: `folder-${id}` };
    },
  },
];
