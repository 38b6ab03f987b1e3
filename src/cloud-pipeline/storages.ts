import { type Call, listOf, objectOf, optionalStringIn, stringIn, storageOf } from './answer.js';
import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { DataStorage, DataStorageAction, DataStorageItem, DataStorageVO } from './types.js';

/** Entries asked for per page of a listing. */
const PAGE_SIZE = 1000;

/** Data storages: `/datastorage/find`, `/datastorage/save`, `/datastorage/{id}/list[/page]`, `/grant`, `/grant/owner`. */
export class StoragesApi {
  constructor(private readonly api: ApiTransport) {}

  /** The storage with this id or name, or undefined (`GET /datastorage/find?id=`). */
  async find(idOrName: number | string): Promise<DataStorage | undefined> {
    const call: Call = { method: 'GET', path: '/datastorage/find' };
    try {
      return storageOf(call, await this.api.request<unknown>(call.method, call.path, { query: { id: idOrName } }));
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /**
   * Creates a storage (`POST /datastorage/save?cloud=true`; `cloud` also creates the bucket). The
   * body must name `serviceType` or `type` and a `path` (`DataStorageManager.java:421-426`,
   * `ProviderUtils.java:59-68`). The API answers `{entity, actionStatus}`.
   */
  async create(storage: DataStorageVO, options: { cloud?: boolean } = {}): Promise<DataStorage> {
    const call: Call = { method: 'POST', path: '/datastorage/save' };
    const payload = objectOf(call, await this.api.request<unknown>(call.method, call.path, { query: { cloud: options.cloud ?? true }, body: storage }), 'payload');
    return storageOf(call, payload.entity, 'payload.entity');
  }

  /**
   * Every item directly under `path` ('' for the root), page by page
   * (`GET /datastorage/{id}/list/page`): the unpaged listing of an NFS storage stops at 1000
   * entries (`NFSStorageProvider.java:94, 243`).
   */
  async list(id: number, path = ''): Promise<DataStorageItem[]> {
    const call: Call = { method: 'GET', path: `/datastorage/${id}/list/page` };
    const items: DataStorageItem[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = objectOf(
        call,
        (await this.api.request<unknown>(call.method, call.path, { query: { path: path === '' ? undefined : path, showVersion: false, pageSize: PAGE_SIZE, marker } })) ?? {},
        'listing',
      );
      items.push(
        ...listOf(call, page.results, 'listing.results', (entry, index): DataStorageItem => {
          const item = objectOf(call, entry, `listing.results[${index}]`);
          const where = `results[${index}]`;
          return { ...item, name: stringIn(call, item, 'name', where), path: optionalStringIn(call, item, 'path', where) ?? '', type: item.type === 'Folder' ? 'Folder' : 'File' };
        }),
      );
      marker = optionalStringIn(call, page, 'nextPageMarker', 'listing');
      if (marker === undefined) return items;
    }
  }

  /** Creates folders, parents listed before children (`POST /datastorage/{id}/list`). */
  createFolders(id: number, paths: string[]): Promise<unknown> {
    const body: DataStorageAction[] = paths.map((path) => ({ path, type: 'Folder', action: 'Create' }));
    return this.api.request('POST', `/datastorage/${id}/list`, { body });
  }

  /** Makes `userName` the storage's owner (`POST /grant/owner`), as upstream does for home storages. */
  setOwner(id: number, userName: string): Promise<unknown> {
    return this.api.request('POST', '/grant/owner', { query: { id, aclClass: 'DATA_STORAGE', userName } });
  }

  /** Grants `mask` on a storage (`POST /grant`, a PermissionGrantVO), as a home template's permissions are applied. */
  grant(id: number, permission: { userName: string; mask: number; principal?: boolean }): Promise<unknown> {
    return this.api.request('POST', '/grant', { body: { aclClass: 'DATA_STORAGE', id, userName: permission.userName, mask: permission.mask, principal: permission.principal ?? true } });
  }
}
