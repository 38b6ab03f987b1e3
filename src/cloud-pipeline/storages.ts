import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { DataStorage, DataStorageAction, DataStorageItem, DataStorageVO } from './types.js';

/** Data storages: `/datastorage/find`, `/datastorage/save`, `/datastorage/{id}/list`, `/grant/owner`. */
export class StoragesApi {
  constructor(private readonly api: ApiTransport) {}

  /** The storage with this id or name, or undefined (`GET /datastorage/find?id=`). */
  async find(idOrName: number | string): Promise<DataStorage | undefined> {
    try {
      return await this.api.request<DataStorage>('GET', '/datastorage/find', { query: { id: idOrName } });
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** Creates a storage (`POST /datastorage/save?cloud=true`; `cloud` also creates the bucket). */
  create(storage: DataStorageVO, options: { cloud?: boolean } = {}): Promise<DataStorage> {
    return this.api.request<DataStorage>('POST', '/datastorage/save', {
      query: { cloud: options.cloud ?? true },
      body: storage,
    });
  }

  /** The items directly under `path` ('' for the root) (`GET /datastorage/{id}/list?path=`). */
  list(id: number, path = ''): Promise<DataStorageItem[]> {
    return this.api.request<DataStorageItem[]>('GET', `/datastorage/${id}/list`, {
      query: { path: path === '' ? undefined : path, showVersion: false },
    });
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
}
