/**
 * The app launcher's `appConfigStorage` (where its folder applications live). The settings
 * template's default, `user_default_storage`, is resolved by the launcher for the apps' owner;
 * the list page passes no user, so the owner is `{userName: serviceUser}` with no
 * `defaultStorageId` and the placeholder stays unresolved: nothing is listed
 * (quick-launcher-app `src/models/parse-storage-placeholder.js:1-26`,
 * `src/models/fetch-folder-applications.js:155-192`). The deploy writes the service user's
 * default storage id in its place; a number the user gave is kept.
 */

/** The placeholder the launcher resolves from the owner's `defaultStorageId` (matched case-insensitively upstream). */
const PLACEHOLDER = /^user_default_storage$/i;

type Settings = Record<string, Record<string, unknown> | undefined>;

/** The hosts of app-launcher entries (`applicationsMode: folder`) whose appConfigStorage is the placeholder. */
export function placeholderHosts(settings: Settings): string[] {
  return Object.entries(settings)
    .filter(([, entry]) => entry?.applicationsMode === 'folder' && typeof entry.appConfigStorage === 'string' && PLACEHOLDER.test(entry.appConfigStorage))
    .map(([host]) => host);
}

/** Replaces the placeholder with `storageId` in place (a numeric value is left alone) and returns the hosts changed. */
export function resolveAppConfigStorage(settings: Settings, storageId: number | undefined): string[] {
  if (storageId === undefined) return [];
  const hosts = placeholderHosts(settings);
  for (const host of hosts) {
    const entry = settings[host];
    if (entry) entry.appConfigStorage = storageId;
  }
  return hosts;
}

/** The appConfigStorage of the first app-launcher entry of a settings text, when numeric (what the live Edge was given). */
export function storageInSettings(text: string | undefined): number | undefined {
  if (!text) return undefined;
  try {
    const settings = JSON.parse(text) as Settings;
    for (const entry of Object.values(settings)) {
      const value = entry?.appConfigStorage;
      if (entry?.applicationsMode === 'folder' && typeof value === 'number' && Number.isInteger(value)) return value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
