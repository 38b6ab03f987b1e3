// No-op redeploy (SPEC §6, §8): the whole chain on the in-process sandbox (API stand-in with 50
// users, Kubernetes stand-in with cp-edge, nginx Edge). The sample launcher is built and rendered
// with the real cores, deployed once, then deployed again unchanged (bar: no mutating Kubernetes
// request, no mutating API call, no Edge restart), then once more as a dry run (bar: no mutation).
// The deploy keeps the action's own poll intervals, so the wall times are what a runner would see.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalFolderCache } from '../../src/actions/build-dist-with-launcher/build-cache.js';
import { buildDistWithLauncher } from '../../src/actions/build-dist-with-launcher/execute.js';
import { getInputs as buildDistInputs } from '../../src/actions/build-dist-with-launcher/inputs.js';
import { deploy, type DeployDependencies, type DeployResult } from '../../src/actions/deploy-quick-launcher/execute.js';
import { getInputs as deployInputs } from '../../src/actions/deploy-quick-launcher/inputs.js';
import { getInputs as renderInputs } from '../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/execute.js';
import { InputReader, inputsFrom } from '../../src/lib/inputs.js';
import { given } from '../../src/lib/handoff.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { startSandboxStack, type SandboxStack } from '../../src/sandbox/stack.js';
import { type CommandRunner, execRunner } from '../../src/tools/exec.js';
import { barRow, type BenchRow } from '../row.js';
import { timed } from '../timing.js';

const CASE = 'no-op redeploy';
const USERS = 50;
const SAMPLE = fileURLToPath(new URL('../../examples/quick-launcher-sample/', import.meta.url));
const HOSTS = { app: 'apps.bench.test', tool: 'tools.bench.test' };
const HIERARCHY = JSON.stringify({ '@@': { ShinyApps: { log: {}, apps: {} }, R: { library: {} } } });
const quiet: CommandRunner = (command, args, options) => execRunner(command, args, { ...options, echo: false });

interface Measured {
  ms: number;
  kube: number;
  api: number;
  restarts: number;
  /** nginx reloads in the Edge (the in-place update path). */
  reloads: number;
  result: DeployResult;
}

/** Builds the sample launcher and renders the Edge config for it: the two hand-off folders. */
async function handOffFolders(root: string, stack: SandboxStack): Promise<{ distribution: string; edgeConfig: string }> {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
  const logger = new MemoryLogger();
  const distInputs = buildDistInputs(
    new InputReader(inputsFrom({ 'launcher-source': SAMPLE, version: '1.0.0-bench', 'cache-dir': join(root, 'cache'), 'output-dir': join(root, 'distribution') })),
    env,
  );
  const dist = await buildDistWithLauncher(distInputs, { run: quiet, logger, cache: new LocalFolderCache(distInputs.cacheDir, logger), env });
  const edgeConfig = join(root, 'edge-config');
  await renderAndWrite(
    given(renderInputs(
      new InputReader(
        inputsFrom({
          'app-launcher-host': HOSTS.app,
          'tool-launcher-host': HOSTS.tool,
          'api-external-url': stack.api.url,
          distribution: dist.outputDir,
          'output-dir': edgeConfig,
          ...stack.edgeInputs,
        }),
      ),
      {},
    )),
    {},
    logger,
  );
  return { distribution: dist.outputDir, edgeConfig };
}

/** One deploy with both request logs cleared first; counts what it changed. */
async function measure(stack: SandboxStack, run: () => Promise<DeployResult>): Promise<Measured> {
  const starts = stack.edge?.starts ?? 0;
  const reloads = stack.edge?.reloads ?? 0;
  stack.kube.clearRequests();
  stack.api.clearRequests();
  const [ms, result] = await timed(run);
  return { ms, kube: stack.kube.mutatingRequests().length, api: stack.api.mutatingCalls().length, restarts: (stack.edge?.starts ?? 0) - starts, reloads: (stack.edge?.reloads ?? 0) - reloads, result };
}

export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'qla-bench-noop-'));
  const runnerTemp = join(root, 'runner-temp');
  await mkdir(runnerTemp);
  const stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: USERS });
  try {
    if (!stack.edge) throw new Error('bench: the sandbox has no nginx Edge (nginx and openssl are needed)');
    const { distribution, edgeConfig } = await handOffFolders(root, stack);
    const deps: DeployDependencies = {
      logger: new MemoryLogger(),
      runner: quiet,
      env: { ...process.env, RUNNER_TEMP: runnerTemp },
      setSecret: () => undefined,
      saveState: () => undefined,
      holder: 'bench',
    };
    const inputs = (extra: Record<string, string> = {}) =>
      given(deployInputs(
        new InputReader(
          inputsFrom({
            kubeconfig: Buffer.from(stack.kube.kubeconfig).toString('base64'),
            'api-url': stack.api.url,
            'api-token': stack.api.token,
            'api-insecure': 'true',
            distribution,
            'edge-config': edgeConfig,
            'home-hierarchy-template': HIERARCHY,
            'sync-home-folders': 'all',
            'rollout-timeout': '30s',
            'lock-timeout': '30s',
            'smoke-check': `https://${stack.edgeInputs['edge-port']}`,
            ...extra,
          }),
        ),
        {},
      ));

    const first = await measure(stack, () => deploy(inputs(), deps));
    if (!first.result.rollout.changed) throw new Error('bench: the first deploy changed nothing on the Edge');
    const second = await measure(stack, () => deploy(inputs(), deps));
    const dry = await measure(stack, () => deploy(inputs({ 'dry-run': 'true' }), deps));
    const counts = first.result.provision?.counts;
    const secondChanged = second.result.rollout.changed || (second.result.provision?.changed ?? false);
    const dryPlanned = dry.result.provision?.counts.mutatingCalls ?? 0;
    return [
      {
        case: CASE,
        metric: `1st deploy: sample launcher, 2 hosts, ${USERS} users, sync-home-folders all`,
        value: `${first.ms.toFixed(0)} ms, ${first.kube} mutating Kubernetes requests, ${first.api} mutating API calls, ${first.restarts} Edge restart(s), ${first.reloads} reload(s)`,
      },
      {
        case: CASE,
        metric: '1st deploy: provisioned',
        value: `preferences set ${counts?.preferencesSet ?? 0}, system users created ${counts?.usersCreated ?? 0}, storages created ${counts?.storagesCreated ?? 0}, home folders created ${counts?.foldersCreated ?? 0}`,
      },
      { case: CASE, metric: '2nd deploy (unchanged): wall time', value: `${second.ms.toFixed(0)} ms` },
      barRow({ case: CASE, metric: 'mutating Kubernetes requests (2nd deploy)', value: String(second.kube) }, '0', second.kube === 0),
      barRow({ case: CASE, metric: 'mutating API calls (2nd deploy)', value: String(second.api) }, '0', second.api === 0),
      barRow({ case: CASE, metric: 'Edge restarts and reloads (2nd deploy)', value: `${second.restarts} + ${second.reloads}` }, '0', second.restarts + second.reloads === 0),
      barRow({ case: CASE, metric: '2nd deploy reports changed', value: String(secondChanged) }, 'false', !secondChanged),
      barRow({ case: CASE, metric: '2nd deploy wall time / 1st', value: `${((100 * second.ms) / first.ms).toFixed(1)} %` }, '≤ 10 %', second.ms <= first.ms * 0.1),
      { case: CASE, metric: '3rd deploy, dry-run: wall time', value: `${dry.ms.toFixed(0)} ms` },
      barRow({ case: CASE, metric: 'mutating calls (dry-run, Kubernetes + API)', value: String(dry.kube + dry.api) }, '0', dry.kube + dry.api === 0),
      barRow(
        { case: CASE, metric: 'dry-run plan after no change: Edge changed, API calls planned', value: `${String(dry.result.rollout.changed)}, ${dryPlanned}` },
        'false, 0',
        !dry.result.rollout.changed && dryPlanned === 0,
      ),
    ];
  } finally {
    await stack.stop();
    await rm(root, { recursive: true, force: true });
  }
}
