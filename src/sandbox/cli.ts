// npm run sandbox -- up --state-dir D [--users N] [--profile P] | down --state-dir D
// Starts the local stand-ins (SPEC §7: the Cloud Pipeline API, the Kubernetes API of a cluster
// profile with the Edge Deployment on a labelled node, and the Edge container over its volumes) in one
// background process and writes D/sandbox.env for people pointing the actions at them; `down`
// stops it by PID. `npm run demo` uses the same sandbox.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STATE_FILES, sandboxDown, sandboxUp } from './background.js';
import { CLUSTER_PROFILES } from './kubernetes/profiles.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'state-dir': { type: 'string', default: '.sandbox' }, users: { type: 'string', default: '0' }, profile: { type: 'string', default: 'current' } },
});
const command = positionals[0];
const stateDir = resolve(values['state-dir']);
if ((command !== 'up' && command !== 'down') || !/^\d+$/.test(values.users) || !(CLUSTER_PROFILES as readonly string[]).includes(values.profile)) {
  console.error(`usage: npm run sandbox -- up [--state-dir DIR] [--users N] [--profile ${CLUSTER_PROFILES.join('|')}] | down [--state-dir DIR]   (DIR defaults to .sandbox)`);
  process.exit(2);
}
try {
  if (command === 'up') {
    const info = await sandboxUp(stateDir, { users: Number(values.users), profile: values.profile });
    console.error(`sandbox: up (PID ${info.pid}, ${info.profile} cluster): API ${info.apiUrl}, Kubernetes ${info.kubeUrl}, Edge ${info.edge ? `${info.edge.listen} (${info.edge.layout} layout)` : 'not running'}`);
    console.error(`sandbox: settings in ${resolve(stateDir, STATE_FILES.env)}`);
  } else {
    console.error((await sandboxDown(stateDir)) ? 'sandbox: stopped' : 'sandbox: was not running');
  }
} catch (error) {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
