import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';
import { LAUNCHER_WWW_DIR } from '../../lib/distribution-layout.js';
import { EDGE_LAUNCHER_DIR, EDGE_RELATIVE, serverBlockName } from '../../lib/edge-layout.js';
import { InputError } from '../../lib/errors.js';
import { JsonSyntaxError, parseJson } from '../../lib/json.js';
import type { Logger } from '../../lib/logger.js';
import { verifyManifest } from '../../lib/manifest.js';
import { placeholderHosts, resolveAppConfigStorage } from './app-config-storage.js';
import type { PayloadFile } from './payload.js';

/** The edge-config folder's sub-folder that mirrors the Edge's external-apps folder. */
const APPS_DIR = 'external-apps';
const SETTINGS = `${APPS_DIR}/${EDGE_RELATIVE.settings}`;

type Settings = Record<string, Record<string, unknown>>;

/**
 * Puts the anonymous user's token into every app-launcher entry (`applicationsMode: folder`) of
 * the hostname-keyed settings as `anonymousAccess.token`, and `appConfigStorage` (the service
 * user's default storage) where the settings hold `user_default_storage`. Pure; the result is a secret.
 */
export function withAnonymousToken(settingsText: string, token: string | undefined, appConfigStorage?: number): { text: string; hosts: string[]; storageHosts: string[] } {
  let settings: Settings;
  try {
    settings = parseJson(settingsText, SETTINGS) as Settings;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.location;
    throw new InputError('edge-config', `${SETTINGS} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new InputError('edge-config', `${SETTINGS} must be an object keyed by launcher host`);
  }
  const hosts: string[] = [];
  if (token !== undefined) {
    for (const [host, entry] of Object.entries(settings)) {
      if (entry?.applicationsMode !== 'folder') continue;
      const access = typeof entry.anonymousAccess === 'object' && entry.anonymousAccess !== null ? (entry.anonymousAccess as Record<string, unknown>) : {};
      entry.anonymousAccess = { ...access, token };
      hosts.push(host);
    }
  }
  const storageHosts = resolveAppConfigStorage(settings, appConfigStorage);
  return { text: `${JSON.stringify(settings, null, 2)}\n`, hosts, storageHosts };
}

/** The launcher hosts of the edge-config settings whose `appConfigStorage` is `user_default_storage`. */
export async function placeholderStorageHosts(edgeConfigDir: string): Promise<string[]> {
  const text = (await readFile(join(edgeConfigDir, SETTINGS))).toString('utf8');
  return placeholderHosts(JSON.parse(withAnonymousToken(text, undefined).text) as Parameters<typeof placeholderHosts>[0]);
}

/** The launcher's built files from the distribution folder's launcher archive (`quick-launcher/www/**`). */
async function launcherFiles(distributionDir: string): Promise<PayloadFile[]> {
  const names = await readdir(distributionDir);
  const archive = names.find((name) => /^quick-launcher\..+\.tgz$/.test(name)) ?? names.find((name) => /^cloud-pipeline\..+\.tgz$/.test(name));
  if (!archive) throw new InputError('distribution', `${distributionDir} holds no quick-launcher.<version>.tgz or cloud-pipeline.<version>.tgz`);
  const files: PayloadFile[] = [];
  const prefix = `${LAUNCHER_WWW_DIR}/`;
  const refused: string[] = [];
  await tar.t({
    file: join(distributionDir, archive),
    strict: true,
    filter: (path) => path.replace(/^\.\//, '').startsWith(prefix),
    onReadEntry: (entry) => {
      const path = entry.path.replace(/^\.\//, '');
      if (entry.type === 'Directory') {
        entry.resume();
        return;
      }
      if (entry.type !== 'File') {
        refused.push(`${path} is a ${entry.type}, not a regular file`);
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => files.push({ path, content: Buffer.concat(chunks), secret: false, input: 'distribution' }));
    },
  });
  if (refused.length > 0) throw new InputError('distribution', `${archive}: ${refused[0]}`);
  if (!files.some((file) => file.path === `${prefix}index.html`)) {
    throw new InputError('distribution', `${archive} has no ${prefix}index.html: is it the output of build-dist-with-launcher?`);
  }
  return files;
}

async function walk(dir: string, relative = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await walk(dir, path)));
    else found.push(path);
  }
  return found;
}

/**
 * The edge-config files the rollout installs: the settings, exactly one server block
 * `<host>.srv.conf` per launcher host the settings name (the file sync-routes inserts run routes
 * into, sync-routes.py:79,237-242), and what lies in the launcher's folder. A host without its
 * block, or any other file at the top of external-apps (an old `<host>.conf`: nginx would warn
 * "conflicting server name" and the run routes would land in a second block), is an InputError.
 */
export function checkEdgeConfigFiles(paths: readonly string[], hosts: readonly string[]): void {
  const blocks = new Set(hosts.map((host) => serverBlockName(host)));
  for (const host of hosts) {
    if (!paths.includes(serverBlockName(host))) {
      throw new InputError('edge-config', `${APPS_DIR}/${serverBlockName(host)} is missing: ${EDGE_RELATIVE.settings} names the launcher host ${host}, and the Edge needs its server block`);
    }
  }
  for (const path of paths) {
    if (path.startsWith(`${EDGE_LAUNCHER_DIR}/`) || blocks.has(path)) continue;
    throw new InputError(
      'edge-config',
      `${APPS_DIR}/${path} is not the server block of a launcher host in ${EDGE_RELATIVE.settings} (expected ${[...blocks].join(', ') || 'none'}); render the folder again with this version of render-edge-config`,
    );
  }
}

/**
 * Everything the Edge rollout installs, verified against the producers' manifests first: the
 * rendered server blocks and settings (with the anonymous token, so always a Secret) from the
 * edge-config folder, and the launcher from the distribution folder. Paths are relative to the
 * Edge's host folder.
 */
export async function collectPayloadFiles(
  options: { edgeConfigDir: string; distributionDir: string; anonymousToken?: string; appConfigStorage?: number },
  logger: Logger,
): Promise<PayloadFile[]> {
  await verifyManifest(options.edgeConfigDir, 'edge-config', 'edge-config');
  await verifyManifest(options.distributionDir, 'distribution', 'distribution');
  const paths = await walk(join(options.edgeConfigDir, APPS_DIR));
  const settingsPath = EDGE_RELATIVE.settings;
  if (!paths.includes(settingsPath)) throw new InputError('edge-config', `${options.edgeConfigDir} has no ${SETTINGS}`);
  const settings = withAnonymousToken((await readFile(join(options.edgeConfigDir, APPS_DIR, settingsPath))).toString('utf8'), options.anonymousToken, options.appConfigStorage);
  checkEdgeConfigFiles(paths, Object.keys(JSON.parse(settings.text) as object));
  if (options.anonymousToken !== undefined) {
    logger.info(settings.hosts.length > 0 ? `anonymous token set for ${settings.hosts.join(', ')}` : 'no app launcher in the settings: the anonymous token is not used');
  }
  if (settings.storageHosts.length > 0) logger.info(`appConfigStorage: user_default_storage set to storage ${options.appConfigStorage ?? ''} for ${settings.storageHosts.join(', ')}`);
  const files: PayloadFile[] = [{ path: settingsPath, content: Buffer.from(settings.text), secret: true, input: 'edge-config' }];
  for (const path of paths.filter((candidate) => candidate !== settingsPath)) {
    files.push({ path, content: await readFile(join(options.edgeConfigDir, APPS_DIR, path)), secret: false, input: 'edge-config' });
  }
  const launcher = await launcherFiles(options.distributionDir);
  logger.info(`${files.length} files from edge-config, ${launcher.length} launcher files from the distribution`);
  return [...files, ...launcher];
}
