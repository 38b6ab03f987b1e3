import { CloudPipelineError } from '../../../cloud-pipeline/errors.js';
import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import type { DataStorage, DataStorageVO } from '../../../cloud-pipeline/types.js';
import type { HomeTemplateExtras } from './home-storage.js';
import { missingFolders } from './observe.js';
import type { Step } from './plan.js';

/** What provisioning changed. */
export interface ProvisionCounts {
  preferencesSet: number;
  usersCreated: number;
  usersUpdated: number;
  storagesCreated: number;
  foldersCreated: number;
  toolsRegistered: number;
  toolsUpdated: number;
  /** Mutating API calls made (or, in a dry run, that would be made). */
  mutatingCalls: number;
}

export const emptyCounts = (): ProvisionCounts => ({
  preferencesSet: 0,
  usersCreated: 0,
  usersUpdated: 0,
  storagesCreated: 0,
  foldersCreated: 0,
  toolsRegistered: 0,
  toolsUpdated: 0,
  mutatingCalls: 0,
});

/** Ids produced by earlier steps of one group (a user, a storage, a tool created just before). */
export interface GroupContext {
  userId?: number;
  storageId?: number;
  toolId?: number;
}

const exists = (error: unknown) => error instanceof CloudPipelineError && /already exists/i.test(error.apiMessage);

/**
 * A folder creation that may have met existing folders: S3 says "already exists"
 * (`S3Helper.java:1202-1206`), NFS only "Could not create a folder in nfs" (`mkdirs` returned
 * false, `NFSStorageProvider.java:364-370`), so both are checked against a fresh listing.
 */
const folderMayExist = (error: unknown) => exists(error) || (error instanceof CloudPipelineError && /Could not create a folder in nfs/i.test(error.apiMessage));

/** The object found after "already exists", or the original error when there is none. */
function adopt<T>(error: unknown, found: T | undefined): T {
  if (found === undefined) throw error;
  return found;
}

function need(id: number | undefined, what: string): number {
  if (id === undefined) throw new Error(`internal: ${what} is unknown at this step`);
  return id;
}

/**
 * Performs one step. A create that meets "already exists" (a retried POST the API had already
 * applied) adopts the existing object, so faults never produce duplicates or a failed run.
 */
export async function executeStep(client: CloudPipelineClient, step: Step, context: GroupContext, counts: ProvisionCounts): Promise<void> {
  counts.mutatingCalls++;
  switch (step.kind) {
    case 'set-preferences':
      await client.preferences.update(step.preferences);
      counts.preferencesSet += step.preferences.length;
      return;
    case 'create-user': {
      const user = await client.users.create({ userName: step.user, roleIds: step.roleIds }).catch(async (error: unknown) => {
        if (!exists(error)) throw error;
        return adopt(error, await client.users.find(step.user));
      });
      counts.usersCreated++;
      context.userId = user.id;
      context.storageId = user.defaultStorageId ?? undefined;
      // With storage.user.home.auto the API made the home storage; otherwise make it the same way.
      if (context.storageId === undefined) {
        const storage = await createStorage(client, step.home, counts);
        await applyHomeTemplate(client, storage.id, step.extras, counts);
        await client.users.update(user.id, { userName: user.userName, defaultStorageId: storage.id });
        await client.storages.setOwner(storage.id, user.userName);
        counts.mutatingCalls += 2;
        context.storageId = storage.id;
      }
      return;
    }
    case 'apply-home-template':
      counts.mutatingCalls--; // counted per call inside
      await applyHomeTemplate(client, step.storageId ?? need(context.storageId, 'the home storage'), step.extras, counts);
      return;
    case 'set-user-roles':
      await client.users.setRoles(step.userId, step.roleIds);
      counts.usersUpdated++;
      return;
    case 'create-home-storage':
      context.storageId = (await createStorage(client, step.storage, counts)).id;
      counts.mutatingCalls--; // counted inside createStorage
      return;
    case 'set-default-storage': {
      const storageId = step.storageId ?? need(context.storageId, 'the home storage');
      await client.users.update(step.userId ?? need(context.userId, 'the user'), { userName: step.user, defaultStorageId: storageId });
      context.storageId = storageId;
      counts.usersUpdated++;
      return;
    }
    case 'set-storage-owner':
      await client.storages.setOwner(step.storageId ?? need(context.storageId, 'the home storage'), step.user);
      return;
    case 'create-folders': {
      const storageId = step.storageId ?? need(context.storageId, 'the home storage');
      try {
        await client.storages.createFolders(storageId, step.folders);
        counts.foldersCreated += step.folders.length;
      } catch (error) {
        if (!folderMayExist(error)) throw error;
        // A retried batch was partly applied: create only what is still missing.
        const rest = await missingFolders(client, storageId, step.folders);
        if (rest.length > 0) await client.storages.createFolders(storageId, rest);
        counts.foldersCreated += rest.length;
      }
      return;
    }
    case 'register-tool': {
      const tool = await client.tools.register(step.tool).catch(async (error: unknown) => {
        if (!exists(error)) throw error;
        return adopt(error, await client.tools.load(step.tool.registry, step.tool.image));
      });
      context.toolId = tool.id;
      counts.toolsRegistered++;
      return;
    }
    case 'update-tool':
      context.toolId = (await client.tools.update(step.tool)).id;
      counts.toolsUpdated++;
      return;
    case 'set-tool-icon':
      await client.tools.setIcon(step.toolId ?? need(context.toolId, 'the tool'), step.icon.filename, step.icon.content);
      return;
    case 'update-tool-metadata':
      await client.metadata.updateKeys(step.toolId ?? need(context.toolId, 'the tool'), 'TOOL', step.keys);
      return;
  }
}

/** The template's metadata and permissions on a home storage we created, as upstream applies them (`DataStorageManager.java:515-519`). */
async function applyHomeTemplate(client: CloudPipelineClient, storageId: number, extras: HomeTemplateExtras, counts: ProvisionCounts): Promise<void> {
  if (Object.keys(extras.metadata).length > 0) {
    counts.mutatingCalls++;
    await client.metadata.updateKeys(storageId, 'DATA_STORAGE', extras.metadata);
  }
  for (const permission of extras.permissions) {
    counts.mutatingCalls++;
    await client.storages.grant(storageId, permission);
  }
}

async function createStorage(client: CloudPipelineClient, vo: DataStorageVO, counts: ProvisionCounts): Promise<DataStorage> {
  counts.mutatingCalls++;
  const storage = await client.storages.create(vo).catch(async (error: unknown) => {
    if (!exists(error)) throw error;
    return adopt(error, await client.storages.find(vo.name));
  });
  counts.storagesCreated++;
  return storage;
}

/** Counts what a dry run would change, from its plan. */
export function countPlanned(steps: Step[], counts: ProvisionCounts): void {
  for (const step of steps) {
    counts.mutatingCalls++;
    if (step.kind === 'set-preferences') counts.preferencesSet += step.preferences.length;
    if (step.kind === 'create-user') counts.usersCreated++;
    if (step.kind === 'set-user-roles' || step.kind === 'set-default-storage') counts.usersUpdated++;
    if (step.kind === 'create-home-storage') counts.storagesCreated++;
    if (step.kind === 'create-folders') counts.foldersCreated += step.folders.length;
    if (step.kind === 'register-tool') counts.toolsRegistered++;
    if (step.kind === 'update-tool') counts.toolsUpdated++;
  }
}
