import { DATA_STORAGE_VO, PERMISSION_GRANT_VO, UPDATE_DATA_STORAGE_ITEM_VO } from './dtos.js';
import { ApiFailure } from './failure.js';
import { type Route, idParam, requireQuery } from './router.js';
import { NFS_PAGE_SIZE, type StorageRecord, createFolder, isFileShare, listFolder } from './storage-model.js';

/** The storage as the API shows it: without the stand-in's folder set. */
function visible(storage: StorageRecord): Omit<StorageRecord, 'folders'> {
  const copy: Partial<StorageRecord> = { ...storage };
  delete copy.folders;
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
      const items = listFolder(storage, c.query.get('path') ?? '');
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
      const items = listFolder(storage, c.query.get('path') ?? '');
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
