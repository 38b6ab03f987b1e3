import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_CERT_DIR, DEFAULT_EDGE_APPS_DIR, defaultCertificate } from '../../lib/edge-layout.js';
import { renderEdgeNginxConf } from '../../lib/edge-nginx-conf.js';
import type { ContainerFs } from './container.js';
import { API_INGRESS_CONF, apiIngressConf, withIngressInclude, type EdgeIngress } from './ingress.js';

/** Container paths of the Edge image and its `init` (docs/upstream-contract.md#the-edge). */
export const EDGE_PATHS = {
  nginxConf: '/etc/nginx/nginx.conf',
  /** nginx -p of init:204. */
  nginxPrefix: '/etc/nginx/',
  /** OpenResty's compiled-in prefix and default configuration (Dockerfile:76-84). */
  openrestyPrefix: '/usr/local/openresty/nginx/',
  openrestyConf: '/usr/local/openresty/nginx/conf/nginx.conf',
  nginxBinaryDir: '/usr/local/openresty/nginx/sbin',
  externalApps: DEFAULT_EDGE_APPS_DIR,
  /** The read-only mount that init copies from (cp-edge-dpl.yaml:71-73). */
  externalAppsMount: '/etc/nginx/ext/external-apps',
  externalLocsMount: '/etc/nginx/ext/external-locs',
  externalLocs: '/etc/nginx/external-locs',
  sitesEnabled: '/etc/nginx/sites-enabled',
  customDomains: '/etc/nginx/sites-enabled/custom-domains',
  routeServerTemplate: '/etc/nginx/endpoints-config/route.template.srv.conf',
  pki: DEFAULT_CERT_DIR,
  lock: '/var/run/sync-routes.lock',
} as const;

const TEMPLATES = new URL('../../../templates/nginx/', import.meta.url);
const HOST_MIME_TYPES = '/etc/nginx/mime.types';

function write(fs: ContainerFs, containerPath: string, content: string): void {
  const local = fs.local(containerPath);
  mkdirSync(dirname(local), { recursive: true });
  writeFileSync(local, content);
}

/**
 * A fresh container filesystem from the image (a new pod starts from the image, not from the
 * previous container): the Edge's nginx.conf, the mime.types file the image ships but nothing
 * includes (Dockerfile:106), OpenResty's stock configuration, sync-routes' server template and
 * the folders the image creates. With `ingress`, the http {} includes `/etc/nginx/ingress/cp-*.conf`
 * and the API's block is there, as init writes it in the ingress mode (ingress.ts).
 */
export function createContainerFilesystem(fs: ContainerFs, ingress?: EdgeIngress): void {
  rmSync(fs.root, { recursive: true, force: true });
  for (const folder of ['/etc/nginx/logs', EDGE_PATHS.sitesEnabled, '/var/run', '/var/log', '/tmp', '/root', '/usr/local/openresty/nginx/logs', EDGE_PATHS.nginxBinaryDir]) {
    mkdirSync(fs.local(folder), { recursive: true });
  }
  const pair = defaultCertificate(EDGE_PATHS.pki);
  const nginxConf = renderEdgeNginxConf({
      appsDir: EDGE_PATHS.externalApps,
      sitesDir: EDGE_PATHS.sitesEnabled,
      locsDir: EDGE_PATHS.externalLocs,
      listen: '8181',
      certificate: pair.certificate,
      certificateKey: pair.key,
      errorLog: '/etc/nginx/logs/error.log',
      accessLog: '/etc/nginx/logs/access.log',
      pid: '/usr/local/openresty/nginx/logs/nginx.pid',
      tempDir: '/usr/local/openresty/nginx',
    });
  write(fs, EDGE_PATHS.nginxConf, ingress ? withIngressInclude(nginxConf) : nginxConf);
  if (ingress) write(fs, API_INGRESS_CONF, apiIngressConf(ingress, EDGE_PATHS.pki));
  const mimeTypes = existsSync(HOST_MIME_TYPES) ? readFileSync(HOST_MIME_TYPES, 'utf8') : 'types {\n    text/html html;\n}\n';
  write(fs, '/etc/nginx/mime.types', mimeTypes);
  write(fs, '/usr/local/openresty/nginx/conf/mime.types', mimeTypes);
  write(fs, EDGE_PATHS.openrestyConf, readFileSync(new URL('openresty-stock.conf', TEMPLATES), 'utf8'));
  write(fs, EDGE_PATHS.routeServerTemplate, readFileSync(new URL('edge-custom-domain.srv.conf', TEMPLATES), 'utf8'));
}

/**
 * What init does before it starts nginx: `cp -r /etc/nginx/ext/external-apps
 * /etc/nginx/external-apps` (and external-locs) when the mount exists (init:147-151), and every
 * `/opt/<service>/pki` mount copied to `/etc/<service>/pki` (init:158-168). In the direct
 * layout `/etc/nginx/external-apps` is the mount itself and nothing is copied.
 */
export function initCopies(fs: ContainerFs): void {
  const copy = (from: string, to: string): void => {
    const source = fs.local(from);
    if (existsSync(source)) cpSync(source, fs.local(to), { recursive: true, dereference: true });
  };
  if (existsSync(fs.local(EDGE_PATHS.externalAppsMount))) {
    copy(EDGE_PATHS.externalAppsMount, EDGE_PATHS.externalApps);
    copy(EDGE_PATHS.externalLocsMount, EDGE_PATHS.externalLocs);
  }
  for (const mount of fs.volumes) {
    const match = /^\/opt\/([^/]+)\/pki$/.exec(mount.mountPath);
    if (match) copy(mount.mountPath, `/etc/${match[1]}/pki`);
  }
}

/** File names of the container's /etc/edge/pki (what sync-routes' certificate search sees). */
export function pkiFiles(fs: ContainerFs): string[] {
  const local = fs.local(EDGE_PATHS.pki);
  return existsSync(local) ? readdirSync(local) : [];
}
