import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { defaultCertificate } from '../lib/edge-layout.js';
import { execRunner, findOnPath } from '../tools/exec.js';
import { OpenSsl } from '../tools/openssl.js';
import type { KubeApi } from './kubernetes/api.js';
import type { ExecHandler } from './kubernetes/exec-handler.js';
import { ContainerFs, type VolumeMount } from './edge/container.js';
import { edgeExecHandler } from './edge/exec.js';
import { EDGE_PATHS, createContainerFilesystem, initCopies } from './edge/image.js';
import type { EdgeIngress } from './edge/ingress.js';
import { classicMounts, edgeLayoutOf, externalAppsVolume, type EdgeLayout } from './edge/layout.js';
import { EdgeNginx, type CommandResult } from './edge/nginx-process.js';
import { NginxShim } from './edge/nginx-shim.js';
import { SyncRoutes, type RouteResult, type RouteSpec } from './edge/sync-routes.js';

export type { CommandResult } from './edge/nginx-process.js';
export type { RouteResult, RouteSpec } from './edge/sync-routes.js';
export type { EdgeLayout } from './edge/layout.js';
export type { VolumeMount } from './edge/container.js';
export type { EdgeIngress } from './edge/ingress.js';

/**
 * The Edge stand-in (docs/sandbox-edge.md): a folder standing for the cp-edge container's
 * filesystem, with the Edge's nginx.conf (its http {} as upstream has it: no types), the
 * Deployment's volume mounts, init's copies at each start, a real nginx serving the container's
 * configuration on a loopback port, `kubectl exec` into the container, and sync-routes.
 */
export interface SandboxEdge {
  /** `127.0.0.1:<port>`: where the container's port 8181 is published. */
  listen: string;
  port: number;
  /** The local folder of the external-apps volume (the node's /opt/edge/external-apps, or the PVC folder). */
  hostPath: string;
  /** The local folder of the container's /etc/nginx/external-apps. */
  appsDir: string;
  /** The local folder of the Edge's pki volume (/opt/edge/pki): a runner-side copy for `cert-dir`. */
  certDir: string;
  /** The local folder standing for the container's `/`. */
  root: string;
  readonly layout: EdgeLayout;
  /** How many times the container (and its nginx) was started. */
  readonly starts: number;
  /** Successful `nginx -s reload` commands run in the container. */
  readonly reloads: number;
  /** Whether nginx is serving: a failed start leaves the pod Ready but serving nothing (init:202-206). */
  readonly serving: boolean;
  /** nginx's output when the last start failed. */
  readonly lastStartError: string | undefined;
  /** A new container: fresh filesystem from the image, init's copies, nginx started (never throws for nginx). */
  restart(options?: { mounts?: VolumeMount[] }): Promise<void>;
  stop(): Promise<void>;
  /** `kubectl exec` into the Edge container (register it for the Edge's pods). */
  execHandler: ExecHandler;
  /** Runs an nginx command line in the container, as the container's `nginx` would. */
  nginx(argv: string[]): Promise<CommandResult>;
  /** sync-routes publishing a run on an external app's domain; resolves after the reload. */
  publishRoute(route: RouteSpec): Promise<RouteResult>;
  /** sync-routes removing a stopped run's route; false when there was none. */
  removeRoute(route: RouteSpec): Promise<boolean>;
  /** The local path of a container path. */
  local(containerPath: string): string;
}

export interface EdgeOptions {
  /** A folder for the Edge's state. */
  stateDir: string;
  /** Loopback port; 0 picks a free one. */
  port?: number;
  /**
   * The container's volume mounts as local folders, as the Edge Deployment declares them, with
   * their `readOnly` (default: the classic layout over `<stateDir>/node`).
   */
  mounts?: VolumeMount[];
  /** The Edge container's name (`cp-edge`). */
  container?: string;
  /** The Kubernetes API stand-in, for the container's env in exec sessions. */
  api?: KubeApi;
  /** Serve the API through the Edge for this host, as the ingress mode does (edge/ingress.ts). */
  ingress?: EdgeIngress;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the Edge stand-in; needs nginx, openssl and flock on PATH. Throws when nginx does not
 * start now (a broken sandbox must say so); later restarts behave like init and never throw.
 */
export async function startEdge(options: EdgeOptions): Promise<SandboxEdge> {
  const nginxBinary = await findOnPath('nginx');
  const opensslPath = await findOnPath('openssl');
  if (!nginxBinary || !opensslPath) {
    throw new Error('the sandbox Edge needs nginx and openssl: apt-get install -y nginx openssl util-linux');
  }
  const state = join(options.stateDir, 'edge');
  const port = options.port || (await freePort());
  let fs = new ContainerFs(join(state, 'container'), options.mounts ?? classicMounts(join(options.stateDir, 'node')));
  const nginx = new EdgeNginx(nginxBinary, () => fs, state, new Map([[8181, port]]));
  const shim = await NginxShim.start(nginx, join(state, 'shim'));
  const openssl = new OpenSsl(opensslPath, execRunner);
  const fallbackPki = join(state, 'pki-of-the-install');

  /** pipectl's self-signed pair in the node's /opt/edge/pki, when the cluster has none yet. */
  async function ensureInstallCertificate(): Promise<void> {
    const pkiVolume = fs.volumes.find((mount) => mount.mountPath === '/opt/edge/pki')?.local ?? fallbackPki;
    mkdirSync(pkiVolume, { recursive: true });
    const pair = defaultCertificate(pkiVolume);
    if (!existsSync(pair.certificate)) await openssl.selfSigned({ ...pair, commonName: 'sandbox-edge', days: 30 });
  }

  async function boot(): Promise<boolean> {
    await nginx.stop();
    createContainerFilesystem(fs, options.ingress);
    shim.install(join(fs.local(EDGE_PATHS.nginxBinaryDir), 'nginx'), fs.root);
    for (const mount of fs.volumes) mkdirSync(mount.local, { recursive: true });
    await ensureInstallCertificate();
    initCopies(fs);
    if (!fs.volumes.some((mount) => mount.mountPath === '/opt/edge/pki')) {
      // stand-in only: a Deployment without a pki mount still gets the install's pair.
      cpSync(fallbackPki, fs.local(EDGE_PATHS.pki), { recursive: true });
    }
    return nginx.start();
  }

  if (!(await boot())) {
    await shim.close();
    throw new Error(`sandbox Edge: nginx did not start: ${nginx.lastStartError ?? 'unknown reason'}`);
  }
  const syncRoutes = new SyncRoutes({ fs: () => fs, nginx: (argv) => nginx.command(argv) });
  const pkiDir = (): string => fs.volumes.find((mount) => mount.mountPath === '/opt/edge/pki')?.local ?? fallbackPki;
  return {
    listen: `127.0.0.1:${port}`,
    port,
    get hostPath() {
      return externalAppsVolume(fs.volumes) ?? fs.local(EDGE_PATHS.externalAppsMount);
    },
    get appsDir() {
      return fs.local(EDGE_PATHS.externalApps);
    },
    get certDir() {
      return pkiDir();
    },
    get root() {
      return fs.root;
    },
    get layout() {
      return edgeLayoutOf(fs.volumes);
    },
    get starts() {
      return nginx.starts;
    },
    get reloads() {
      return nginx.reloads;
    },
    get serving() {
      return nginx.running;
    },
    get lastStartError() {
      return nginx.lastStartError;
    },
    async restart(restartOptions = {}) {
      if (restartOptions.mounts) fs = new ContainerFs(fs.root, restartOptions.mounts);
      await boot();
    },
    async stop() {
      await nginx.stop();
      await shim.close();
    },
    execHandler: edgeExecHandler({ fs: () => fs, container: options.container ?? 'cp-edge', api: options.api }),
    nginx: (argv) => nginx.command(argv),
    publishRoute: (route) => syncRoutes.publish(route),
    removeRoute: (route) => syncRoutes.remove(route),
    local: (containerPath) => fs.local(containerPath),
  };
}
