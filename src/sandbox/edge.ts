import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { renderEdgeNginxConf } from '../lib/edge-nginx-conf.js';
import { execRunner, findOnPath } from '../tools/exec.js';
import { startArgs } from '../tools/nginx.js';
import { OpenSsl } from '../tools/openssl.js';

/**
 * The Edge stand-in (SPEC §7): a real nginx on a loopback port with the Edge's include layout.
 * Like the real Edge pod's `init`, every (re)start copies the node's host folder
 * (`/opt/edge/external-apps` on a real node) into the folder nginx includes
 * (`/etc/nginx/external-apps` in the pod), so changes show only after a restart.
 */
export interface SandboxEdge {
  /** `127.0.0.1:<port>`: pass it to render-edge-config as `edge-port`. */
  listen: string;
  port: number;
  /** The node's host folder (what deploys write). */
  hostPath: string;
  /** The Edge-side folder nginx includes: pass it as `edge-apps-dir`. */
  appsDir: string;
  /** Certificates (`ssl-*.pem`, self-signed): pass it as `cert-dir`. */
  certDir: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** How many times nginx was started. */
  readonly starts: number;
}

export interface EdgeOptions {
  /** A folder for the Edge's state. */
  stateDir: string;
  /** Loopback port; 0 picks a free one. */
  port?: number;
  /** The node folder standing for /opt/edge/external-apps (default under stateDir). */
  hostPath?: string;
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

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`sandbox Edge: nginx exited with ${child.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sandbox Edge: nginx did not listen on 127.0.0.1:${port}: ${output()}`);
}

/** Starts the Edge stand-in; needs nginx and openssl on PATH. */
export async function startEdge(options: EdgeOptions): Promise<SandboxEdge> {
  const nginx = await findOnPath('nginx');
  const opensslPath = await findOnPath('openssl');
  if (!nginx || !opensslPath) {
    throw new Error('the sandbox Edge needs nginx and openssl: apt-get install -y nginx openssl');
  }
  const root = join(options.stateDir, 'edge');
  const hostPath = options.hostPath ?? join(options.stateDir, 'node', 'opt', 'edge', 'external-apps');
  const appsDir = join(root, 'etc', 'nginx', 'external-apps');
  const certDir = join(root, 'etc', 'edge', 'pki');
  const prefix = join(root, 'nginx');
  const port = options.port || (await freePort());
  const listen = `127.0.0.1:${port}`;
  await mkdir(hostPath, { recursive: true });
  await mkdir(certDir, { recursive: true });
  await mkdir(join(prefix, 'temp'), { recursive: true });
  const certificate = join(certDir, 'ssl-public-cert.pem');
  const certificateKey = join(certDir, 'ssl-private-key.pem');
  await new OpenSsl(opensslPath, execRunner).selfSigned({ certificate, key: certificateKey, commonName: 'sandbox-edge', days: 30 });
  const config = join(prefix, 'nginx.conf');
  await writeFile(config, renderEdgeNginxConf({ appsDir, sitesDir: join(root, 'etc', 'nginx', 'sites-enabled'), listen, certificate, certificateKey, errorLog: join(prefix, 'error.log'), accessLog: join(prefix, 'access.log'), pid: join(prefix, 'nginx.pid'), tempDir: join(prefix, 'temp') }));

  let child: ChildProcess | undefined;
  let starts = 0;

  async function start(): Promise<void> {
    await rm(appsDir, { recursive: true, force: true });
    await cp(hostPath, appsDir, { recursive: true });
    let output = '';
    const proc = spawn(nginx!, startArgs(config, prefix), { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = proc;
    starts += 1;
    await waitForPort(port, proc, () => output.trim());
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGQUIT');
    });
  }

  await start();
  return {
    listen,
    port,
    hostPath,
    appsDir,
    certDir,
    get starts() {
      return starts;
    },
    restart: async () => {
      await stop();
      await start();
    },
    stop,
  };
}
