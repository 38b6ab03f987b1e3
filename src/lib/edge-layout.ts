/**
 * The Edge's external-apps layout (docs/upstream-contract.md#the-edge): nginx includes
 * `/etc/nginx/external-apps/*.conf` as whole server blocks, and the external-apps volume is
 * copied recursively to `/etc/nginx/external-apps` when the Edge container starts (classic and
 * AWS-native layouts) or mounted there directly (additional region), so the launcher's files can
 * live in a sub-folder that nginx never includes as configuration.
 */
export const DEFAULT_EDGE_APPS_DIR = '/etc/nginx/external-apps';
export const DEFAULT_EDGE_HOST_PATH = '/opt/edge/external-apps';
/** The Edge's own certificate folder: sync-routes.py:96-100 searches exactly this one. */
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

/**
 * The server block of one launcher host, relative to the external-apps folder: the very file
 * sync-routes.py edits for a run published on that host (`<domain>.srv.conf`, :79, :237-242);
 * under any other name sync-routes would create a second server block for the host.
 */
export function serverBlockName(host: string): string {
  return `${host}.srv.conf`;
}

/** The marker after which the Edge's sync-routes.py inserts run routes (:272-276). */
export const EDGE_ROUTE_MARKER = '# {edge_route_location_block}';

/** The suffix of the include lines sync-routes.py inserts after the marker (:80-81). */
export const EDGE_ROUTE_INCLUDE_SUFFIX = '# CP_EDGE_CUSTOM_DOMAIN';

/**
 * The comment that ends the two certificate lines of a rendered block. The runner cannot see the
 * Edge's pki folder, so the lines name the Edge's default pair; the installer, which mounts the
 * Edge's pki, rewrites exactly the lines carrying this marker by the Edge's own rule
 * (`edgeCertificateFor`).
 */
export const EDGE_CERTIFICATE_MARKER = '# quick-launcher:edge-certificate';

/** A certificate and key pair. */
export interface CertificatePair {
  certificate: string;
  key: string;
}

/** The Edge's default pair (sync-routes.py:99-100), what rendered blocks name until resolved. */
export function defaultCertificate(pkiDir: string = DEFAULT_CERT_DIR): CertificatePair {
  const base = pkiDir.replace(/\/+$/, '');
  return { certificate: `${base}/ssl-public-cert.pem`, key: `${base}/ssl-private-key.pem` };
}

const PUBLIC_SUFFIX = '-public-cert.pem';

/**
 * The Edge's certificate rule, as sync-routes.py:319-342 applies it: among the
 * `<name>-public-cert.pem` files of the pki folder whose `<name>` ends the domain, the longest
 * name wins; its `<name>-private-key.pem` must exist, else (even when a shorter name would have a
 * key) the default `ssl-*` pair is used. `files` lists the folder's file names.
 */
export function edgeCertificateFor(domain: string, files: readonly string[], pkiDir: string = DEFAULT_CERT_DIR): CertificatePair {
  const names = new Set(files);
  const candidates = [...names]
    .filter((file) => file.endsWith(PUBLIC_SUFFIX))
    .map((file) => file.slice(0, -PUBLIC_SUFFIX.length))
    .filter((name) => domain.endsWith(name))
    .sort((a, b) => b.length - a.length);
  const best = candidates[0];
  if (best === undefined || !names.has(`${best}-private-key.pem`)) return defaultCertificate(pkiDir);
  const base = pkiDir.replace(/\/+$/, '');
  return { certificate: `${base}/${best}${PUBLIC_SUFFIX}`, key: `${base}/${best}-private-key.pem` };
}

const CERTIFICATE_LINE = /^(\s*)(ssl_certificate|ssl_certificate_key)(\s+)\S+;(\s*# quick-launcher:edge-certificate\s*)$/;

/**
 * Rewrites the marked certificate lines of a server block to a pair (what the installer does on
 * the Edge node, and the runner-side `nginx -t` in its copy); every other line is kept as is.
 */
export function resolveCertificateLines(text: string, pair: CertificatePair): string {
  return text
    .split('\n')
    .map((line) => {
      const match = CERTIFICATE_LINE.exec(line);
      if (!match) return line;
      const [, indent, directive, gap, marker] = match;
      return `${indent}${directive}${gap}${directive === 'ssl_certificate' ? pair.certificate : pair.key};${marker}`;
    })
    .join('\n');
}
