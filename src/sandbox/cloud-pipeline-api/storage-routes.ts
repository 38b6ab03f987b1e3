import { ApiFailure, type StorageRecord } from './state.js';
import { type Route, idParam, requireQuery } from './router.js';

const clean = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** The storage as the API shows it: without the stand-in's folder set. */
function visible(storage: StorageRecord): Omit<StorageRecord, 'folders'> {
  const copy: Partial<StorageRecord> = { ...storage };
  delete copy.folders;
  return copy;
}

/** `/datastorage/find`, `/datastorage/save`, `/datastorage/{id}/list` (GET and POST), `/grant/owner`. */
export const storageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/datastorage/find',
    mutating: false,
    handle: (c) => {
      const id = requireQuery(c.query, 'id');
      const storage = c.state.findStorage(id);
      if (!storage) throw new ApiFailure(404, `Data storage with name or id '${id}' not found`);
      return visible(storage);
    },
  },
  {
    method: 'POST',
    path: '/datastorage/save',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = c.json();
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiFailure(400, 'DataStorageVO expected');
      return visible(c.state.createStorage(body as Record<string, unknown>, c.caller.userName));
    },
  },
  {
    method: 'GET',
    path: '/datastorage/{id}/list',
    mutating: false,
    handle: (c) => {
      const storage = c.state.requireStorage(idParam(c.params));
      const parent = clean(c.query.get('path') ?? '');
      if (parent !== '' && !storage.folders.has(parent)) throw new ApiFailure(404, `Path '${parent}' not found in ${storage.name}`);
      const prefix = parent === '' ? '' : `${parent}/`;
      return [...storage.folders]
        .filter((folder) => folder.startsWith(prefix) && !folder.slice(prefix.length).includes('/'))
        .sort()
        .map((folder) => ({ name: folder.slice(prefix.length), path: `${folder}/`, type: 'Folder' }));
    },
  },
  {
    method: 'POST',
    path: '/datastorage/{id}/list',
    mutating: true,
    handle: (c) => {
      const storage = c.state.requireStorage(idParam(c.params));
      const body = c.json();
      if (!Array.isArray(body)) throw new ApiFailure(400, 'An array of UpdateDataStorageItemVO is expected');
      const created: string[] = [];
      for (const item of body as { path?: unknown; type?: unknown; action?: unknown }[]) {
        if (item.action !== 'Create' || item.type !== 'Folder' || typeof item.path !== 'string') {
          throw new ApiFailure(400, `Only {type: Folder, action: Create} is supported by the stand-in`);
        }
        const path = clean(item.path);
        if (path === '' || path.split('/').some((part) => part === '..' || part === '.' || part === '')) {
          throw new ApiFailure(400, `Invalid folder path '${item.path}'`);
        }
        if (storage.folders.has(path)) throw new ApiFailure(409, `Folder '${path}' already exists in ${storage.name}`);
        // S3 has no real folders: creating a/b makes a/ visible too.
        const parts = path.split('/');
        for (let i = 1; i <= parts.length; i++) storage.folders.add(parts.slice(0, i).join('/'));
        created.push(path);
      }
      return created.map((path) => ({ name: path.split('/').pop(), path: `${path}/`, type: 'Folder' }));
    },
  },
  {
    method: 'POST',
    path: '/grant/owner',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const aclClass = requireQuery(c.query, 'aclClass');
      if (aclClass !== 'DATA_STORAGE') throw new ApiFailure(400, `The stand-in supports aclClass DATA_STORAGE only`);
      const storage = c.state.requireStorage(Number(requireQuery(c.query, 'id')));
      const user = c.state.userByName(requireQuery(c.query, 'userName'));
      if (!user) throw new ApiFailure(404, `User with name '${c.query.get('userName')}' not found`);
      storage.owner = user.userName;
      return { entity: { id: storage.id, aclClass }, owner: storage.owner };
    },
  },
];
