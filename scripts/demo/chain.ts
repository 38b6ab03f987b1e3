import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChain, type ChainOutcome } from '../../src/actions/quick-launcher/chain.js';
import { STAGES } from '../../src/actions/quick-launcher/registry.js';
import { inputsFrom } from '../../src/lib/inputs.js';
import type { Logger } from '../../src/lib/logger.js';
import type { SandboxInfo } from '../../src/sandbox/background.js';

export const DEMO_HOSTS = { app: 'apps.sandbox.test', tool: 'tools.sandbox.test' };

/** The sample launcher, and the optimized tool the demo registers for the tool launcher. */
export const SAMPLE_LAUNCHER = 'examples/quick-launcher-sample';
const DEMO_TOOLS = 'examples/quick-launcher-sample/tools';
/** A registry Cloud Pipeline knows, where the sandbox holds the default image of the demo tool. */
export const DEMO_REGISTRY = 'registry.sandbox.test:5000';
const DEMO_IMAGES = ['rstudio'];

/**
 * The default images pushed to the sandbox's registry: the push notification makes each a tool
 * (POST /_sandbox/push, DockerRegistryManager.notifyDockerRegistryEvents), as on a cluster whose
 * registry already holds them. A push of an image already there changes nothing.
 */
async function pushDefaultImages(sandbox: SandboxInfo): Promise<void> {
  const origin = new URL(sandbox.apiUrl).origin;
  for (const name of DEMO_IMAGES) {
    const answer = await fetch(`${origin}/_sandbox/push`, { method: 'POST', body: JSON.stringify({ registry: DEMO_REGISTRY, repository: `library/${name}`, tag: 'latest' }) });
    if (!answer.ok) throw new Error(`the sandbox registry refused library/${name}: ${await answer.text()}`);
  }
}

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
 * The main job on the sandbox: the root action's chain (build-dist -> build-images -> render ->
 * deploy) run in this process with the sample launcher or `launcherSource`. build-images does not
 * build (a fresh machine runs no image engine): the demo tool falls back to the default image the
 * sandbox registry holds and is registered with its spec. The app launcher's settings name the
 * storage of the seeded folder applications as `appConfigStorage`, what an admin sets (the
 * default `user_default_storage` names no storage for the service user the list page asks for).
 */
export async function runDemo(options: { stateDir: string; sandbox: SandboxInfo; launcherSource?: string }): Promise<ChainOutcome> {
  const { stateDir, sandbox } = options;
  const out = (name: string) => join(stateDir, 'out', name);
  await pushDefaultImages(sandbox);
  const appSettings = join(stateDir, 'app-launcher.json.hbs');
  writeFileSync(appSettings, `${JSON.stringify({ appConfigStorage: sandbox.folderAppsStorageId })}\n`);
  const registry = `${DEMO_REGISTRY}/library`;
  const root = inputsFrom({
    'launcher-source': options.launcherSource ?? SAMPLE_LAUNCHER,
    version: '1.0.0-demo',
    'build-env': 'CP_APPLICATIONS_TITLE=Sandbox Applications',
    'cache-dir': join(stateDir, 'cache'),
    'dist-output-dir': out('distribution'),
    'tools-dir': DEMO_TOOLS,
    'images-build': 'false',
    registry,
    push: 'false',
    'default-images': DEMO_IMAGES.map((name) => `optimized/${name}=${registry}/${name}:latest`).join('\n'),
    'spec-env': ['CP_PREF_CLUSTER_INSTANCE_TYPE=m5.large', `CP_APPLICATION_LAUNCHER_EXTERNAL_HOST=${DEMO_HOSTS.app}`, `CP_TOOL_LAUNCHER_EXTERNAL_HOST=${DEMO_HOSTS.tool}`].join('\n'),
    'images-output-dir': out('tools'),
    'app-launcher-host': DEMO_HOSTS.app,
    'tool-launcher-host': DEMO_HOSTS.tool,
    // The API as a browser reaches it: through the Edge's ingress block (direct without an Edge).
    'api-external-url': sandbox.apiExternalUrl ?? sandbox.apiUrl,
    'app-launcher-config': appSettings,
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
    stages: ['build-dist', 'build-images', 'render', 'deploy'],
    registry: STAGES,
    root,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', RUNNER_TEMP: join(stateDir, 'runner-temp') },
    logger: demoLogger,
    runner: { mask: () => undefined, saveState: () => undefined },
  });
}
