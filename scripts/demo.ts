// npm run demo: the main job on the local stand-ins (SPEC §7). Starts the sandbox in the
// background (or reuses it), builds the sample launcher into a distribution, renders the Edge
// config for two hosts, installs it on the sandbox Edge, and prints a `curl --resolve` line per
// host and what changed. Run twice, the second run changes nothing.
//   npm run demo [-- --state-dir .sandbox]        stop the stand-ins: npm run sandbox -- down
import { resolve } from 'node:path';
import { sandboxUp } from '../src/sandbox/background.js';
import { runDemo } from './demo/chain.js';

const args = process.argv.slice(2);
const index = args.indexOf('--state-dir');
const stateDir = resolve(index === -1 ? '.sandbox' : args[index + 1]);

const started = Date.now();
const sandbox = await sandboxUp(stateDir, { users: 25 });
console.log(`sandbox: API ${sandbox.apiUrl}, Kubernetes ${sandbox.kubeUrl}, Edge ${sandbox.edge ? sandbox.edge.listen : 'not running'}`);
const result = await runDemo({ stateDir, sandbox });
console.log('');
if (!sandbox.edge) {
  console.log('nginx or openssl is missing, so nothing serves the launcher: sudo apt-get install -y nginx openssl, then npm run sandbox -- down && npm run demo');
} else {
  console.log('The launcher is served by the sandbox Edge:');
  for (const host of result.hosts) {
    console.log(`  curl -k --resolve ${host}:${sandbox.edge.port}:127.0.0.1 https://${host}:${sandbox.edge.port}/settings`);
  }
}
console.log(result.changed ? `changed: ${result.changes.join('; ')}` : 'no change: the Edge already serves this content');
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; the stand-ins keep running (npm run sandbox -- down stops them)`);
