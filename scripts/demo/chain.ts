import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChain, type ChainOutcome } from '../../src/actions/quick-launcher/chain.js';
import { STAGES } from '../../src/actions/quick-launcher/run.js';
import { inputsFrom } from '../../src/lib/inputs.js';
import type { Logger } from '../../src/lib/logger.js';
import type { SandboxInfo } from '../../src/sandbox/background.js';

export const DEMO_HOSTS = { app: 'apps.sandbox.test', tool: 'tools.sandbox.test' };

/** A logger that shows the stages and what they report, without the tools' own chatter. */
const demoLogger: Logger = {
  debug: () => undefined,
  info: (message) => console.log(`    ${message}`),
  warning: (message) => console.log(`    warning: ${message}`),
  group: async (title, fn) => {
    if (title.startsWith('stage ')) console.log(`▶ ${title.slice('stage '.length)}`);
    return fn();
  },
};

/**
 * The main job on the sandbox: the root action's chain (build-dist -> render -> deploy) run in
 * this process with the sample launcher. build-images is left out: it needs a Docker engine and a
 * registry, which a fresh machine does not run (the tests start them).
 */
export async function runDemo(options: { stateDir: string; sandbox: SandboxInfo }): Promise<ChainOutcome> {
  const { stateDir, sandbox } = options;
  const out = (name: string) => join(stateDir, 'out', name);
  const root = inputsFrom({
    'launcher-source': 'examples/quick-launcher-sample',
    version: '1.0.0-demo',
    'build-env': 'CP_APPLICATIONS_TITLE=Sandbox Applications',
    'cache-dir': join(stateDir, 'cache'),
    'dist-output-dir': out('distribution'),
    'app-launcher-host': DEMO_HOSTS.app,
    'tool-launcher-host': DEMO_HOSTS.tool,
    'api-external-url': sandbox.apiUrl,
    'edge-output-dir': out('edge-config'),
    ...sandbox.edgeInputs,
    kubeconfig: readFileSync(sandbox.kubeconfig, 'utf8'),
    'api-url': sandbox.apiUrl,
    'api-token': sandbox.apiToken,
    'home-hierarchy-template': '{"@@": {"ShinyApps": {"log": {}, "apps": {}}, "R": {"library": {}}}}',
    'sync-home-folders': 'all',
    'rollout-timeout': '60s',
    ...(sandbox.edge ? { 'smoke-check': `https://${sandbox.edge.listen}`, 'api-insecure': 'true' } : {}),
  });
  return runChain({
    stages: ['build-dist', 'render', 'deploy'],
    registry: STAGES,
    root,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', RUNNER_TEMP: join(stateDir, 'runner-temp') },
    logger: demoLogger,
    runner: { mask: () => undefined, saveState: () => undefined },
  });
}
