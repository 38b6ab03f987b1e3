import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import type { DataStorageVO, PipelineUser } from '../../../cloud-pipeline/types.js';
import type { ObservedHome } from './plan.js';

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * The folders (given parents first) missing from a storage. Lists only parents that exist, so a
 * fresh storage costs one call and a complete one a call per folder that has children. A folder
 * whose parent is not in the list is still checked level by level, never assumed.
 */
export async function missingFolders(client: CloudPipelineClient, storageId: number, folders: string[]): Promise<string[]> {
  const known = new Map<string, boolean>();
  const listed = new Set<string>();
  const exists = async (path: string): Promise<boolean> => {
    const cached = known.get(path);
    if (cached !== undefined) return cached;
    const parent = parentOf(path);
    if (parent !== '' && !(await exists(parent))) {
      known.set(path, false);
      return false;
    }
    if (!listed.has(parent)) {
      listed.add(parent);
      for (const item of await client.storages.list(storageId, parent)) {
        if (item.type === 'Folder') known.set(parent === '' ? item.name : `${parent}/${item.name}`, true);
      }
    }
    if (!known.has(path)) known.set(path, false);
    return known.get(path) ?? false;
  };
  const missing: string[] = [];
  for (const folder of folders) if (!(await exists(folder))) missing.push(folder);
  return missing;
}

/** Reads one user's home: the default storage (or one with the home storage's name) and its folders. */
export async function observeHome(
  client: CloudPipelineClient,
  user: PipelineUser | { userName: string; id?: undefined; defaultStorageId?: undefined },
  home: DataStorageVO,
  folders: string[],
): Promise<ObservedHome> {
  const observed: ObservedHome = { user: user.userName, userId: user.id, missingFolders: folders };
  if (user.id === undefined) return observed;
  const storageId = user.defaultStorageId ?? undefined;
  if (storageId !== undefined) {
    // The default storage is the user's home: list it directly (a lookup would cost a call per user).
    observed.storage = { id: storageId, name: `the home storage of ${user.userName}` };
    observed.missingFolders = await missingFolders(client, storageId, folders);
    return observed;
  }
  const storage = await client.storages.find(home.name);
  if (!storage) return observed;
  observed.storageByName = { id: storage.id, name: storage.name, owner: storage.owner };
  observed.missingFolders = await missingFolders(client, storage.id, folders);
  return observed;
}
