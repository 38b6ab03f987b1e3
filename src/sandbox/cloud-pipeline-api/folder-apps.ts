import { READ } from './storage-access.js';
import { writeFile } from './storage-files.js';
import type { CloudPipelineState, StorageRecord } from './state.js';

/**
 * The folder applications the sandbox seeds: the layout of the Quick Launcher's default
 * `appConfigPath`, `/[user]/ShinyApps/[version]/[app]/gateway.spec`
 * (quick-launcher/src/models/base/settings.js on branch quick-launcher-app), in one shared
 * object storage, as an admin keeps the published applications of a Shiny portal. `name` and
 * `description` are what the launcher shows of a gateway.spec (read-application-info.js:70-71);
 * the folder names give `[app]` and `[version]`.
 */
export const DEMO_FOLDER_APPS: readonly { app: string; version: string; spec: Record<string, string> }[] = [
  { app: 'census-explorer', version: '1.2.0', spec: { name: 'Census Explorer', description: 'Population tables by region and year' } },
  { app: 'hello-shiny', version: '1.0.0', spec: { name: 'Hello Shiny', description: 'The smallest Shiny application' } },
];

/** The name (and path) of the storage that holds them. */
export const FOLDER_APPS_STORAGE = 'sandbox-shiny-apps';

/**
 * Creates the shared storage (owned by PIPE_ADMIN, READ granted to ROLE_USER as a group sid) and
 * each owner's `<OWNER>/ShinyApps/<version>/<app>/gateway.spec`. Returns the storage: its id is
 * what an admin sets as the app launcher's `appConfigStorage`.
 */
export function seedFolderApps(state: CloudPipelineState, owners: readonly string[]): StorageRecord {
  const storage = state.createStorage({ name: FOLDER_APPS_STORAGE, path: FOLDER_APPS_STORAGE, type: 'S3', description: 'Published Shiny applications' }, 'PIPE_ADMIN', { cloud: false, replacePath: false });
  state.grant('DATA_STORAGE', storage.id, 'ROLE_USER', READ);
  for (const owner of owners) {
    for (const { app, version, spec } of DEMO_FOLDER_APPS) {
      writeFile(storage, `${owner}/ShinyApps/${version}/${app}/gateway.spec`, Buffer.from(`${JSON.stringify(spec, null, 2)}\n`));
    }
  }
  return storage;
}
