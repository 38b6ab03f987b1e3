import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a running sandbox tells its clients (state folder `sandbox.json`). */
export interface SandboxInfo {
  pid: number;
  apiUrl: string;
  apiToken: string;
  /** The API as a browser reaches it, through the Edge (null without the Edge). */
  apiExternalUrl: string | null;
  /** The API's external host name (a browser maps it to 127.0.0.1). */
  apiHost: string;
  /** The shared storage of the seeded folder applications (the app launcher's appConfigStorage). */
  folderAppsStorageId: number;
  kubeconfig: string;
  kubeUrl: string;
  /** The cluster profile imitated (classic, additional-region, aws-native, current). */
  profile: string;
  /** The local folder behind the Edge's external-apps volume (host path or claim subPath). */
  hostPath: string;
  edge: { listen: string; port: number; layout: string; root: string } | null;
  /** The Edge Service's address (its external-host/external-port labels). */
  edgeUrl: string;
  /** render-edge-config inputs that fit this Edge. */
  edgeInputs: { 'edge-port': string; 'edge-apps-dir': string; 'cert-dir': string };
  users: number;
}

export const STATE_FILES = { info: 'sandbox.json', env: 'sandbox.env', log: 'sandbox.log' } as const;

/** sandbox.env: the variables a person exports to point the actions at the sandbox. */
export function sandboxEnv(info: SandboxInfo): string {
  const lines = {
    SANDBOX_API_URL: info.apiUrl,
    SANDBOX_API_TOKEN: info.apiToken,
    ...(info.apiExternalUrl ? { SANDBOX_API_EXTERNAL_URL: info.apiExternalUrl } : {}),
    SANDBOX_FOLDER_APPS_STORAGE_ID: String(info.folderAppsStorageId),
    SANDBOX_KUBECONFIG: info.kubeconfig,
    SANDBOX_PROFILE: info.profile,
    SANDBOX_HOST_PATH: info.hostPath,
    SANDBOX_EDGE_URL: info.edgeUrl,
    SANDBOX_EDGE_APPS_DIR: info.edgeInputs['edge-apps-dir'],
    SANDBOX_CERT_DIR: info.edgeInputs['cert-dir'],
    SANDBOX_EDGE_PORT: info.edgeInputs['edge-port'],
  };
  return `${Object.entries(lines).map(([key, value]) => `${key}=${value}`).join('\n')}\n`;
}

/** Whether a process of ours is still there (signal 0). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running sandbox of a state folder, if any. */
function readSandbox(stateDir: string): SandboxInfo | undefined {
  const file = join(stateDir, STATE_FILES.info);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as SandboxInfo;
  return processAlive(info.pid) ? info : undefined;
}

/** Starts the sandbox in the background (or finds the running one) and returns its info. */
export async function sandboxUp(stateDir: string, options: { users?: number; profile?: string } = {}): Promise<SandboxInfo> {
  const dir = resolve(stateDir);
  const running = readSandbox(dir);
  if (running) return running;
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, STATE_FILES.info), { force: true });
  const log = openSync(join(dir, STATE_FILES.log), 'a');
  const daemon = new URL('./daemon.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', daemon, '--state-dir', dir, '--users', String(options.users ?? 0), '--profile', options.profile ?? 'current'], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const info = readSandbox(dir);
    if (info) return info;
    if (child.exitCode !== null) break;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`the sandbox did not start; see ${join(dir, STATE_FILES.log)}`);
}

/** Stops the sandbox of a state folder by PID; false when none was running. */
export async function sandboxDown(stateDir: string): Promise<boolean> {
  const info = readSandbox(resolve(stateDir));
  if (!info) return false;
  process.kill(info.pid, 'SIGTERM');
  for (let attempt = 0; attempt < 100 && processAlive(info.pid); attempt += 1) await new Promise((wait) => setTimeout(wait, 100));
  if (processAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  rmSync(join(resolve(stateDir), STATE_FILES.info), { force: true });
  rmSync(join(resolve(stateDir), STATE_FILES.env), { force: true });
  return true;
}
