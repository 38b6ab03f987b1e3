// The sandbox stack as a background process: started by `npm run sandbox -- up` and by
// `npm run demo`, stopped by `npm run sandbox -- down` (SIGTERM). Writes what clients need into
// the state folder: sandbox.json (read by scripts), sandbox.env (KEY=VALUE for a shell).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLUSTER_PROFILES, type ClusterProfile } from './kubernetes/index.js';
import { findOnPath } from '../tools/exec.js';
import { startSandboxStack } from './stack.js';
import { sandboxEnv, STATE_FILES, type SandboxInfo } from './background.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const stateDir = resolve(option('--state-dir', '.sandbox'));
const users = Number(option('--users', '0'));
const profile = option('--profile', 'current') as ClusterProfile;
if (!CLUSTER_PROFILES.includes(profile)) throw new Error(`unknown cluster profile ${profile}: one of ${CLUSTER_PROFILES.join(', ')}`);

// SPEC §7: without nginx the rest still runs, and the log says how to get the Edge. With nginx, a
// failed Edge start ends this process with nginx's error in sandbox.log.
const missing = [];
for (const tool of ['nginx', 'openssl', 'flock']) if (!(await findOnPath(tool))) missing.push(tool);
if (missing.length > 0) console.error(`sandbox: no Edge: ${missing.join(', ')} not on PATH (apt-get install -y nginx openssl util-linux)`);
const stack = await startSandboxStack({ stateDir, users, profile, edge: missing.length === 0 });
const kubeconfig = stack.kube.writeKubeconfig(join(stateDir, 'kubeconfig'));
const info: SandboxInfo = {
  pid: process.pid,
  apiUrl: stack.api.url,
  apiToken: stack.api.token,
  apiExternalUrl: stack.apiExternalUrl ?? null,
  apiHost: stack.apiHost,
  folderAppsStorageId: stack.folderAppsStorageId,
  kubeconfig,
  kubeUrl: stack.kube.url,
  profile: stack.profile,
  hostPath: stack.hostPath,
  edge: stack.edge ? { listen: stack.edge.listen, port: stack.edge.port, layout: stack.edge.layout, root: stack.edge.root } : null,
  edgeUrl: stack.edgeService.url,
  edgeInputs: stack.edgeInputs,
  users,
};
writeFileSync(join(stateDir, STATE_FILES.env), sandboxEnv(info), { mode: 0o600 });
writeFileSync(join(stateDir, STATE_FILES.info), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
