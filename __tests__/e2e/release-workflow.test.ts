import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandboxStack, type SandboxStack } from '../../src/sandbox/stack.js';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithDocker, uniqueNamespace } from '../../src/sandbox/tool-images.js';
import { runBundle, type BundleRun } from '../helpers/runner.js';
import { describeWith } from '../helpers/services.js';

const run = promisify(execFile);
const SAMPLE = new URL('../../examples/quick-launcher-sample/', import.meta.url).pathname;
const REGISTRY = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';
const HOSTS = { app: 'apps.release.test', tool: 'tools.release.test' };
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };

/** One job of the workflow: its own workspace and runner temp, as on a fresh runner. */
interface Job {
  workspace: string;
  temp: string;
}

let root: string;
let stack: SandboxStack;
let busybox: string;
let tools: string;
const namespace = uniqueNamespace();

async function job(name: string): Promise<Job> {
  const base = join(root, 'jobs', name);
  await mkdir(join(base, 'workspace'), { recursive: true });
  await mkdir(join(base, 'temp'), { recursive: true });
  return { workspace: join(base, 'workspace'), temp: join(base, 'temp') };
}

/** actions/upload-artifact and download-artifact, as folder copies through an artifact store. */
async function upload(folder: string, name: string): Promise<void> {
  await cp(folder, join(root, 'artifacts', name), { recursive: true });
}
async function download(name: string, into: string): Promise<string> {
  await cp(join(root, 'artifacts', name), into, { recursive: true });
  return into;
}

function ok(step: BundleRun): BundleRun {
  if (step.exitCode !== 0) throw new Error(`step failed (${step.exitCode}):\n${step.stdout}\n${step.stderr}`);
  return step;
}

async function curl(host: string, path: string): Promise<string> {
  const port = stack.edgeInputs['edge-port'].split(':')[1];
  const { stdout } = await run('curl', ['-sk', '--max-time', '10', '--resolve', `${host}:${port}:127.0.0.1`, `https://${host}:${port}${path}`]);
  return stdout;
}

function deployInputs(handoff: string): Record<string, string> {
  return {
    kubeconfig: stack.kube.kubeconfig,
    'api-url': stack.api.url,
    'api-token': stack.api.token,
    distribution: join(handoff, 'distribution'),
    'edge-config': join(handoff, 'edge-config'),
    'tools-manifest': join(handoff, 'tools'),
    'rollout-timeout': '60s',
    'smoke-check': `https://${stack.edgeInputs['edge-port']}`,
    // The sandbox Edge serves a self-signed certificate; the smoke check follows the API's TLS settings.
    'api-insecure': 'true',
  };
}

describeWith(['docker', 'registry', 'nginx', 'openssl', 'kubectl'])('the release workflow, played on one machine', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'qla-release-'));
    stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: 5, registries: [REGISTRY] });
    busybox = await pushBusyboxWithDocker(REGISTRY, namespace);
    tools = await copyFixture();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await rm(root, { recursive: true, force: true });
    if (tools) await rm(tools, { recursive: true, force: true });
  });

  test('build-dist -> build-images -> render -> deploy; the launcher answers through the Edge', async () => {
    const dist = await job('build-dist');
    await cp(SAMPLE, join(dist.workspace, 'quick-launcher'), { recursive: true, filter: (path) => !/\/(node_modules|build)(\/|$)/.test(path) });
    const built = ok(await runBundle('build-dist-with-launcher', { 'launcher-source': 'quick-launcher', version: '1.2.3' }, { cwd: dist.workspace, runnerTemp: dist.temp, env: EPOCH }));
    await upload(built.outputs['output-dir'], 'distribution');

    const images = await job('build-images');
    const spec = fixtureSpecEnv(busybox).replace('apps.example.test', HOSTS.app).replace('tools.example.test', HOSTS.tool);
    const imaged = ok(
      await runBundle(
        'build-optimized-images',
        { 'tools-dir': tools, registry: `${REGISTRY}/${namespace}`, version: '1.2.3', 'build-args': `BUSYBOX_IMAGE=${busybox}`, 'spec-env': spec, 'max-parallel': '2' },
        { cwd: images.workspace, runnerTemp: images.temp },
      ),
    );
    await upload(imaged.outputs['tools-manifest'], 'tools');

    const render = await job('render');
    const distribution = await download('distribution', join(render.temp, 'distribution'));
    const rendered = ok(
      await runBundle(
        'render-edge-config',
        { 'app-launcher-host': HOSTS.app, 'tool-launcher-host': HOSTS.tool, 'api-external-url': stack.api.url, distribution, ...stack.edgeInputs },
        { cwd: render.workspace, runnerTemp: render.temp },
      ),
    );
    await upload(rendered.outputs['output-dir'], 'edge-config');

    const deploy = await job('deploy');
    const handoff = join(deploy.temp, 'handoff');
    for (const name of ['distribution', 'edge-config', 'tools']) await download(name, join(handoff, name));
    const deployed = ok(await runBundle('deploy-quick-launcher', deployInputs(handoff), { cwd: deploy.workspace, runnerTemp: deploy.temp }));
    expect(deployed.outputs).toMatchObject({ changed: 'true', 'rolled-back': 'false', 'users-created': '3' });
    // The registry's push notifications created the tools (as on a real cluster); the deploy only
    // updated them with their spec and metadata, so it registered none itself.
    expect(deployed.outputs['tools-registered']).toBe('0');

    for (const host of [HOSTS.app, HOSTS.tool]) {
      expect(await curl(host, '/')).toContain('<title>');
      const settings = JSON.parse(await curl(host, '/settings')) as Record<string, { tagValue: string; anonymousAccess?: { token: string } }>;
      expect(settings[host].tagValue).toBe(host);
    }
    const app = JSON.parse(await curl(HOSTS.app, '/settings')) as Record<string, { anonymousAccess: { token: string } }>;
    expect(app[HOSTS.app].anonymousAccess.token).not.toBe('');
    // The tools carry the launcher host they belong to, as the launcher looks them up.
    const search = await fetch(`${stack.api.url}/metadata/search?entityClass=TOOL&key=app_type&value=${HOSTS.tool}`, { headers: { Authorization: `Bearer ${stack.api.token}` } });
    expect(((await search.json()) as { payload?: unknown[] }).payload?.length ?? 0).toBeGreaterThan(0);
  }, 300_000);

  test('a tampered artifact fails the consumer naming the file, and nothing changes', async () => {
    const deploy = await job('deploy-tampered');
    const handoff = join(deploy.temp, 'handoff');
    for (const name of ['distribution', 'edge-config', 'tools']) await download(name, join(handoff, name));
    const tampered = join(handoff, 'edge-config', 'external-apps', `${HOSTS.app}.srv.conf`);
    await writeFile(tampered, `${await readFile(tampered, 'utf8')}\n# changed between jobs\n`);
    stack.kube.clearRequests();
    stack.api.clearRequests();
    const step = await runBundle('deploy-quick-launcher', deployInputs(handoff), { cwd: deploy.workspace, runnerTemp: deploy.temp });
    expect(step.exitCode).toBe(1);
    expect(step.stdout).toMatch(new RegExp(`::error::Input 'edge-config': .*${HOSTS.app}\\.srv\\.conf does not match its sha256`));
    expect(stack.kube.mutatingRequests()).toEqual([]);
    expect(stack.api.requests().filter((request) => request.mutating)).toEqual([]);
  }, 120_000);

  test('the root action runs build-dist, render and deploy in one job; run again, it changes nothing', async () => {
    const single = await job('one-job');
    await cp(SAMPLE, join(single.workspace, 'quick-launcher'), { recursive: true, filter: (path) => !/\/(node_modules|build)(\/|$)/.test(path) });
    const inputs = {
      stages: 'build-dist,render,deploy',
      'launcher-source': 'quick-launcher',
      version: '1.2.3',
      'app-launcher-host': HOSTS.app,
      'tool-launcher-host': HOSTS.tool,
      'api-external-url': stack.api.url,
      ...stack.edgeInputs,
      ...deployInputs(''),
      'tools-manifest': join(root, 'artifacts', 'tools'),
    };
    delete (inputs as Record<string, string>).distribution;
    delete (inputs as Record<string, string>)['edge-config'];
    const first = ok(await runBundle('quick-launcher', inputs, { cwd: single.workspace, runnerTemp: single.temp, env: EPOCH }));
    expect(first.outputs['dist-output-dir']).toBe(join(single.temp, 'quick-launcher', 'distribution'));
    expect(JSON.parse(first.outputs.hosts)).toEqual([HOSTS.app, HOSTS.tool]);
    expect(first.summary).toContain('## Quick Launcher: build-dist → render → deploy');
    const again = ok(await runBundle('quick-launcher', inputs, { cwd: single.workspace, runnerTemp: single.temp, env: EPOCH }));
    expect(again.outputs).toMatchObject({ changed: 'false', 'cache-hit': 'true', 'rolled-back': 'false' });
    for (const secret of [stack.api.token, stack.kube.token]) {
      expect(again.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(secret);
      expect(again.summary).not.toContain(secret);
      expect(JSON.stringify(again.outputs)).not.toContain(secret);
    }
    // The post step removes the kubeconfig the main step wrote.
    expect(first.state.kubeconfig).toBeTruthy();
    const post = await runBundle('quick-launcher', {}, { runnerTemp: single.temp, env: { STATE_isPost: 'true', STATE_kubeconfig: first.state.kubeconfig } });
    expect(post.exitCode).toBe(0);
    await expect(readFile(first.state.kubeconfig)).rejects.toThrow();
  }, 300_000);
});
