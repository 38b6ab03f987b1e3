// npm run demo: the main job on the local stand-ins (SPEC §7). Starts the sandbox in the
// background (or reuses it), then runs the root action's chain in this process: the sample
// launcher built into a distribution, the Edge config rendered for two hosts, and the deploy
// (provisioning over the API stand-in, rollout over the Kubernetes stand-in onto the nginx Edge).
// Prints a `curl --resolve` line per host and what changed. Run twice, the second run changes
// nothing. The stand-ins keep running: npm run sandbox -- down stops them.
//   npm run demo [-- --state-dir .sandbox] [--launcher-source <path>]
// --launcher-source builds another launcher source instead of the sample, e.g. a checkout of the
// upstream quick-launcher (quick-launcher/ on the quick-launcher-app branch of epam/cloud-pipeline).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sandboxUp } from '../src/sandbox/background.js';
import { DEMO_HOSTS, runDemo } from './demo/chain.js';

const { values } = parseArgs({ options: { 'state-dir': { type: 'string', default: '.sandbox' }, 'launcher-source': { type: 'string' } } });
const stateDir = resolve(values['state-dir']);
const launcherSource = values['launcher-source'] === undefined ? undefined : resolve(values['launcher-source']);
if (launcherSource !== undefined && !existsSync(join(launcherSource, 'package.json'))) {
  console.error(`demo: --launcher-source ${launcherSource} has no package.json: name a launcher source folder (e.g. a checkout's quick-launcher/)`);
  process.exit(1);
}

const started = Date.now();
const sandbox = await sandboxUp(stateDir, { users: 25 });
mkdirSync(join(stateDir, 'runner-temp'), { recursive: true });
console.log(`sandbox: API ${sandbox.apiUrl}, Kubernetes ${sandbox.kubeUrl}, Edge ${sandbox.edge ? sandbox.edge.listen : 'not running'}`);
if (!sandbox.edge) {
  console.log('nginx or openssl is missing, so no Edge serves the launcher: sudo apt-get install -y nginx openssl, then npm run sandbox -- down && npm run demo');
}
try {
  const outcome = await runDemo({ stateDir, sandbox, launcherSource });
  const out = outcome.outputs;
  console.log('');
  if (sandbox.edge) {
    console.log('The launcher is served by the sandbox Edge:');
    for (const host of [DEMO_HOSTS.app, DEMO_HOSTS.tool]) {
      console.log(`  curl -k --resolve ${host}:${sandbox.edge.port}:127.0.0.1 https://${host}:${sandbox.edge.port}/settings`);
    }
    // The pages call the API at its browser-facing URL, so the browser maps that host too.
    const hosts = [DEMO_HOSTS.app, DEMO_HOSTS.tool, sandbox.apiHost];
    console.log('Open the launchers in a browser that maps the sandbox hosts to 127.0.0.1 (self-signed certificate):');
    for (const host of [DEMO_HOSTS.app, DEMO_HOSTS.tool]) console.log(`  https://${host}:${sandbox.edge.port}/`);
    console.log(`  e.g. chromium --ignore-certificate-errors --host-resolver-rules="${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}"`);
  }
  console.log(
    out.changed === 'true'
      ? `changed: Edge content ${out['content-digest']}; ${out['users-created']} user(s), ${out['folders-created']} folder(s) created; launcher build ${out['cache-hit'] === 'true' ? 'from the cache' : 'built'}`
      : 'no change: the cluster and the API already hold this content (no mutating call, no restart)',
  );
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; the stand-ins keep running (npm run sandbox -- down stops them)`);
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
