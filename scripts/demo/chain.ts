import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalFolderCache } from '../../src/actions/build-dist-with-launcher/build-cache.js';
import { buildDistWithLauncher } from '../../src/actions/build-dist-with-launcher/build-dist.js';
import { getInputs as buildDistInputs } from '../../src/actions/build-dist-with-launcher/inputs.js';
import { getInputs as renderInputs } from '../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/run.js';
import { sha256File } from '../../src/lib/digest.js';
import { LAUNCHER_WWW_DIR } from '../../src/lib/distribution-layout.js';
import { EDGE_RELATIVE } from '../../src/lib/edge-layout.js';
import { InputReader, inputsFrom } from '../../src/lib/inputs.js';
import { consoleLogger } from '../../src/lib/logger.js';
import { listFiles } from '../../src/lib/manifest.js';
import { extractArchiveSafely } from '../../src/lib/safe-extract.js';
import type { SandboxInfo } from '../../src/sandbox/background.js';
import { execRunner } from '../../src/tools/exec.js';

const run = promisify(execFile);

export const DEMO_HOSTS = { app: 'apps.sandbox.test', tool: 'tools.sandbox.test' };

export interface DemoResult {
  hosts: string[];
  changed: boolean;
  changes: string[];
}

function stage(name: string): void {
  console.log(`▶ ${name}`);
}

/** Copies `from` over `to` file by file and says which files differ (added or changed). */
async function syncFolder(from: string, to: string): Promise<string[]> {
  const changed: string[] = [];
  for (const path of await listFiles(from)) {
    const target = join(to, path);
    const before = await sha256File(target).catch(() => undefined);
    if (before !== (await sha256File(join(from, path)))) {
      changed.push(path);
      await cp(join(from, path), target, { recursive: true });
    }
  }
  return changed;
}

/** The chain: build-dist -> render -> install on the sandbox Edge. */
export async function runDemo(options: { stateDir: string; sandbox: SandboxInfo }): Promise<DemoResult> {
  const { stateDir, sandbox } = options;
  const out = (name: string) => join(stateDir, 'out', name);

  stage('build-dist-with-launcher: the sample launcher into a distribution');
  const distInputs = buildDistInputs(
    inputsFrom({
      'launcher-source': 'examples/quick-launcher-sample',
      version: '1.0.0-demo',
      'build-env': 'CP_APPLICATIONS_TITLE=Sandbox Applications',
      'cache-dir': join(stateDir, 'cache'),
      'output-dir': out('distribution'),
    }),
    { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  );
  const dist = await buildDistWithLauncher(distInputs, {
    run: execRunner,
    logger: consoleLogger,
    cache: new LocalFolderCache(distInputs.cacheDir, consoleLogger),
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });
  console.log(`  ${dist.distribution} (${dist.cacheHit ? 'cache hit' : 'built'})`);

  stage('render-edge-config: server blocks and settings for two hosts');
  const edgeConfig = out('edge-config');
  await renderAndWrite(
    renderInputs(
      new InputReader(
        inputsFrom({
          'app-launcher-host': DEMO_HOSTS.app,
          'tool-launcher-host': DEMO_HOSTS.tool,
          'api-external-url': sandbox.apiUrl,
          distribution: dist.outputDir,
          'output-dir': edgeConfig,
          ...sandbox.edgeInputs,
        }),
      ),
      {},
    ),
    {},
    consoleLogger,
  );

  stage('install on the sandbox Edge node and restart the Edge when something changed');
  const www = await mkdtemp(join(tmpdir(), 'qla-demo-www-'));
  try {
    await extractArchiveSafely(dist.launcherArchive, www);
    const changes = [
      ...(await syncFolder(join(edgeConfig, 'external-apps'), sandbox.hostPath)),
      ...(await syncFolder(join(www, LAUNCHER_WWW_DIR), join(sandbox.hostPath, EDGE_RELATIVE.www))).map((path) => `${EDGE_RELATIVE.www}/${path}`),
    ];
    if (changes.length > 0) {
      const kubectl = ['--kubeconfig', sandbox.kubeconfig, '--cache-dir', join(stateDir, 'kube-cache'), '--request-timeout', '30s'];
      await run('kubectl', [...kubectl, 'rollout', 'restart', 'deployment/cp-edge']);
      await run('kubectl', [...kubectl, 'rollout', 'status', 'deployment/cp-edge', '--timeout=60s']);
    }
    const settings = JSON.parse(await readFile(join(sandbox.hostPath, EDGE_RELATIVE.settings), 'utf8')) as Record<string, unknown>;
    return { hosts: Object.keys(settings), changed: changes.length > 0, changes };
  } finally {
    await rm(www, { recursive: true, force: true });
  }
}
