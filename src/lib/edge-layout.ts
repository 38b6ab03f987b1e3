/**
 * The Edge's external-apps layout (reference/cloud-pipeline.md §2): nginx includes
 * `<apps-dir>/*.conf` as whole server blocks, and the host folder `/opt/edge/external-apps` is
 * copied recursively to `/etc/nginx/external-apps` when the Edge pod starts, so the launcher's
 * files can live in a sub-folder that nginx never includes as configuration.
 */
export const DEFAULT_EDGE_APPS_DIR = '/etc/nginx/external-apps';
export const DEFAULT_EDGE_HOST_PATH = '/opt/edge/external-apps';
export const DEFAULT_CERT_DIR = '/etc/edge/pki';

/** The launcher's sub-folder of the external-apps folder. */
export const EDGE_LAUNCHER_DIR = 'quick-launcher';

/** Paths inside the external-apps folder, relative to it. */
export const EDGE_RELATIVE = {
  www: `${EDGE_LAUNCHER_DIR}/www`,
  settings: `${EDGE_LAUNCHER_DIR}/settings.json`,
  extJs: `${EDGE_LAUNCHER_DIR}/ext-js`,
} as const;

/** Absolute Edge-side paths for an external-apps folder. */
export interface EdgePaths {
  appsDir: string;
  root: string;
  settingsFile: string;
  extJsDir: string;
}

export function edgePaths(appsDir: string): EdgePaths {
  const base = appsDir.replace(/\/+$/, '');
  return {
    appsDir: base,
    root: `${base}/${EDGE_RELATIVE.www}`,
    settingsFile: `${base}/${EDGE_RELATIVE.settings}`,
    extJsDir: `${base}/${EDGE_RELATIVE.extJs}`,
  };
}

/** The server block of one launcher host, relative to the external-apps folder. */
export function serverBlockName(host: string): string {
  return `${host}.conf`;
}

/** The marker after which the Edge's sync-routes.py inserts run routes (app launcher only). */
export const EDGE_ROUTE_MARKER = '# {edge_route_location_block}';
