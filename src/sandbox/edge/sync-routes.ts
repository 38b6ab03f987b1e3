import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { EDGE_ROUTE_INCLUDE_SUFFIX, EDGE_ROUTE_MARKER, edgeCertificateFor, serverBlockName } from '../../lib/edge-layout.js';
import type { ContainerFs } from './container.js';
import { EDGE_PATHS, pkiFiles } from './image.js';
import type { CommandResult } from './nginx-process.js';

/** A run published on an external app's domain (pretty URL `{domain, path}`, CP_EDGE_EXTERNAL_APP). */
export interface RouteSpec {
  /** The domain: an external app's host (e.g. the app launcher's). */
  host: string;
  /** The pretty URL path (`my-app` or `/my-app`); `/<path>/` is the location. */
  path: string;
  /** `IPV4:PORT` the run's endpoint listens on (a loopback server in tests). */
  target: string;
  /** `<pod>-<port>-<num>` (sync-routes.py:50); derived from the path when absent. */
  routeId?: string;
}

/** What one sync-routes pass did for a route. */
export interface RouteResult {
  routeId: string;
  /** The route's location file (container path). */
  routeFile: string;
  /** The domain's server block file (container path). */
  serverBlock: string;
  /** Whether the server block had to be created from the template (a second block when the app's own is elsewhere). */
  createdServerBlock: boolean;
  /** Whether `nginx -t` accepted it; a rejected route is deleted again (check_route, :914-936). */
  accepted: boolean;
  /** nginx's messages when it was rejected. */
  messages?: string;
}

/** What sync-routes needs of the Edge. */
export interface SyncRoutesTarget {
  fs(): ContainerFs;
  nginx(argv: string[]): Promise<CommandResult>;
}

function routeIdOf(spec: RouteSpec): string {
  if (spec.routeId) return spec.routeId;
  const port = spec.target.split(':').pop() ?? '0';
  return `run-${spec.path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}-${port}-0`;
}

function locationOf(path: string): string {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return (trimmed ? `/${trimmed}/` : '/').replace(/\/+/g, '/');
}

/** store_file_from_lines (sync-routes.py:233-235): lines joined by '\n', no final newline. */
function storeLines(local: string, lines: string[]): void {
  writeFileSync(local, lines.join('\n'));
}

/**
 * Holds `flock <lock>` (the real util-linux flock on the container's /var/run/sync-routes.lock)
 * while `work` runs, waiting at most `waitSeconds` as crontab.sh's `flock -w 1` does.
 */
async function withLock<T>(lockFile: string, waitSeconds: number, work: () => Promise<T>): Promise<T> {
  const holder = spawn('flock', ['-w', String(waitSeconds), lockFile, 'sh', '-c', 'echo locked; read _ || true'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let missing = false;
  const locked = await new Promise<boolean>((resolve) => {
    holder.stdout.once('data', () => resolve(true));
    holder.once('error', () => {
      missing = true;
      resolve(false);
    });
    holder.once('exit', () => resolve(false));
  });
  if (missing) throw new Error('sync-routes: flock is not on PATH (apt-get install -y util-linux)');
  if (!locked) {
    holder.kill();
    throw new Error(`sync-routes: could not take ${EDGE_PATHS.lock} within ${waitSeconds}s (flock -w ${waitSeconds}); this pass is skipped`);
  }
  try {
    return await work();
  } finally {
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.stdin.end();
    await exited;
  }
}

/**
 * The Edge's sync-routes.py for runs published on an external app's domain: the route's location
 * file in /etc/nginx/sites-enabled, its include after the last route marker of
 * /etc/nginx/external-apps/<domain>.srv.conf (that file created from the server template when
 * absent), `nginx -c /etc/nginx/nginx.conf -t` and removal of a rejected route, then
 * `nginx -s reload`; all under the lock crontab.sh holds.
 */
export class SyncRoutes {
  constructor(
    private readonly edge: SyncRoutesTarget,
    private readonly lockWaitSeconds = 1,
  ) {}

  private local(containerPath: string): string {
    return this.edge.fs().local(containerPath);
  }

  async publish(spec: RouteSpec): Promise<RouteResult> {
    return withLock(this.local(EDGE_PATHS.lock), this.lockWaitSeconds, async () => {
      const routeId = routeIdOf(spec);
      const location = locationOf(spec.path);
      // :622-625 and :827: a route with a domain is <route>.inc.conf in sites-enabled.
      const routeFile = posix.join(EDGE_PATHS.sitesEnabled, `${routeId}.inc.conf`);
      mkdirSync(this.local(EDGE_PATHS.customDomains), { recursive: true });
      writeFileSync(this.local(routeFile), routeLocation(location, spec.target, routeId));
      const { serverBlock, created } = this.addCustomDomain(spec.host, routeFile);
      const test = await this.edge.nginx(['-c', EDGE_PATHS.nginxConf, '-t']);
      let accepted = true;
      if (test.exitCode !== 0) {
        accepted = false;
        rmSync(this.local(routeFile), { force: true });
        this.removeCustomDomain(spec.host, routeFile);
      }
      await this.edge.nginx(['-s', 'reload']);
      return { routeId, routeFile, serverBlock, createdServerBlock: created, accepted, ...(accepted ? {} : { messages: test.stderr }) };
    });
  }

  /** A run that stopped: its location file deleted and its include removed (the server block is kept, :297-304). */
  async remove(spec: Pick<RouteSpec, 'host' | 'path' | 'target' | 'routeId'>): Promise<boolean> {
    return withLock(this.local(EDGE_PATHS.lock), this.lockWaitSeconds, async () => {
      const routeFile = posix.join(EDGE_PATHS.sitesEnabled, `${routeIdOf(spec)}.inc.conf`);
      if (!existsSync(this.local(routeFile))) return false;
      rmSync(this.local(routeFile));
      this.removeCustomDomain(spec.host, routeFile);
      await this.edge.nginx(['-s', 'reload']);
      return true;
    });
  }

  /** add_custom_domain (sync-routes.py:244-279) with is_external_app. */
  private addCustomDomain(domain: string, routeFile: string): { serverBlock: string; created: boolean } {
    const serverBlock = posix.join(EDGE_PATHS.externalApps, serverBlockName(domain));
    const local = this.local(serverBlock);
    let contents: string;
    const created = !existsSync(local);
    if (created) {
      const pair = edgeCertificateFor(domain, pkiFiles(this.edge.fs()));
      contents = readFileSync(this.local(EDGE_PATHS.routeServerTemplate), 'utf8')
        .replace('{edge_route_server_name}', domain)
        .replace('{edge_route_server_ssl_certificate}', pair.certificate)
        .replace('{edge_route_server_ssl_certificate_key}', pair.key);
    } else {
      contents = readFileSync(local, 'utf8');
    }
    const include = `include ${routeFile}; ${EDGE_ROUTE_INCLUDE_SUFFIX}`;
    const lines = contents.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop(); // Python's splitlines() drops the final newline
    if (lines.some((line) => line.includes(include))) return { serverBlock, created };
    const markers = lines.flatMap((line, index) => (line.includes(EDGE_ROUTE_MARKER) ? [index] : []));
    if (markers.length === 0) return { serverBlock, created };
    lines.splice(markers[markers.length - 1] + 1, 0, include);
    storeLines(local, lines);
    return { serverBlock, created };
  }

  /** remove_custom_domain for an external app (:282-305): the include line goes, the file stays. */
  private removeCustomDomain(domain: string, routeFile: string): void {
    const local = this.local(posix.join(EDGE_PATHS.externalApps, serverBlockName(domain)));
    if (!existsSync(local)) return;
    const lines = readFileSync(local, 'utf8').split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    const include = `include ${routeFile}; ${EDGE_ROUTE_INCLUDE_SUFFIX}`;
    const found = lines.flatMap((line, index) => (line.includes(include) ? [index] : []));
    if (found.length === 0) return;
    lines.splice(found[found.length - 1], 1);
    storeLines(local, lines);
  }
}

/** A run route's location (as route.template.loc.conf shapes it, without the Lua cookie check). */
function routeLocation(location: string, target: string, routeId: string): string {
  return [
    `location ${location} {`,
    `    set $run_id "${routeId}";`,
    '    default_type text/html;',
    `    proxy_cookie_path ${location} ${location};`,
    `    proxy_cookie_path / ${location};`,
    `    proxy_pass http://${target}/;`,
    '    proxy_http_version 1.1;',
    '    proxy_set_header Upgrade $http_upgrade;',
    '    proxy_set_header Connection "upgrade";',
    '}',
    '',
  ].join('\n');
}
