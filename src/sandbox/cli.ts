// npm run sandbox -- up --state-dir D [--users N] | down --state-dir D
// Starts the local stand-ins (SPEC §7: the Cloud Pipeline API, the Kubernetes API with the
// `cp-edge` Deployment on a labelled node, and the nginx Edge over that node's host folder) in one
// background process and writes D/sandbox.env for people pointing the actions at them; `down`
// stops it by PID. `npm run demo` uses the same sandbox.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STATE_FILES, sandboxDown, sandboxUp } from './background.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'state-dir': { type: 'string', default: '.sandbox' }, users: { type: 'string', default: '0' } },
});
const command = positionals[0];
const stateDir = resolve(values['state-dir']);
if ((command !== 'up' && command !== 'down') || !/^\d+$/.test(values.users)) {
  console.error('usage: npm run sandbox -- up [--state-dir DIR] [--users N] | down [--state-dir DIR]   (DIR defaults to .sandbox)');
  process.exit(2);
}
try {
  if (command === 'up') {
    const info = await sandboxUp(stateDir, { users: Number(values.users) });
    console.error(`sandbox: up (PID ${info.pid}): API ${info.apiUrl}, Kubernetes ${info.kubeUrl}, Edge ${info.edge?.listen ?? 'not running (needs nginx and openssl)'}`);
    console.error(`sandbox: settings in ${resolve(stateDir, STATE_FILES.env)}`);
  } else {
    console.error((await sandboxDown(stateDir)) ? 'sandbox: stopped' : 'sandbox: was not running');
  }
} catch (error) {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
