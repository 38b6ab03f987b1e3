import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { appendFile, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deploy, type DeployDependencies } from '../../../src/actions/deploy-quick-launcher/deploy.js';
import { getInputs } from '../../../src/actions/deploy-quick-launcher/inputs.js';
import { DEFAULT_PAYLOAD_LIMITS } from '../../../src/actions/deploy-quick-launcher/payload.js';
import { RolloutError } from '../../../src/actions/deploy-quick-launcher/rollout.js';
import { fetchThroughEdge } from '../../../src/actions/deploy-quick-launcher/smoke.js';
import { deployOutputs, summaryTables } from '../../../src/actions/deploy-quick-launcher/summary.js';
import { getInputs as renderInputs } from '../../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/run.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { writeManifest } from '../../../src/lib/manifest.js';
import { writeTarball } from '../../../src/lib/tarball.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import { startSandboxStack, type SandboxStack } from '../../../src/sandbox/stack.js';
import { execRunner } from '../../../src/tools/exec.js';
import { describeWith } from '../../helpers/services.js';

const APP_HOST = 'apps.deploy.test';
let root: string;
let stack: SandboxStack;
let edgeConfig: string;
let distribution: string;
const masked: string[] = [];
const state = new Map<string, string>();
const logger = new MemoryLogger();

function dependencies(): DeployDependencies {
  return {
    logger,
    runner: execRunner,
    env: { RUNNER_TEMP: join(root, 'runner-temp') },
    setSecret: (value) => masked.push(value),
    saveState: (name, value) => state.set(name, value),
    holder: 'deploy-test',
    pollMs: 100,
  };
}

function inputs(extra: Record<string, string> = {}): ReturnType<typeof getInputs> {
  return getInputs(
    new InputReader(
      inputsFrom({
        kubeconfig: Buffer.from(stack.kube.kubeconfig).toString('base64'),
        'api-url': stack.api.url,
        'api-token': stack.api.token,
        distribution,
        'edge-config': edgeConfig,
        'rollout-timeout': '30s',
        'lock-timeout': '30s',
        'smoke-check': `https://${stack.edgeInputs['edge-port']}`,
        'api-insecure': 'true',
        ...extra,
      }),
    ),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ql-deploy-'));
  await mkdir(join(root, 'runner-temp'));
  stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: 3 });
  distribution = join(root, 'distribution');
  await mkdir(distribution);
  await writeTarball(
    join(distribution, 'quick-launcher.1.0.0.tgz'),
    [
      { type: 'file', path: 'quick-launcher/www/index.html', content: Buffer.from('<html><body>Quick Launcher</body></html>') },
      { type: 'file', path: 'quick-launcher/www/js/main.js', content: Buffer.from('console.log(1)') },
    ],
    { mtime: 315532800 },
  );
  await writeManifest(distribution, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: 'sha256:0' });
  edgeConfig = join(root, 'edge-config');
  await renderAndWrite(
    renderInputs(new InputReader(inputsFrom({ 'app-launcher-host': APP_HOST, 'api-external-url': stack.api.url, 'output-dir': edgeConfig, validate: 'false', ...stack.edgeInputs })), {}),
    {},
    new MemoryLogger(),
  );
});

afterAll(async () => {
  await stack?.stop();
  await rm(root, { recursive: true, force: true });
});

describeWith(['kubectl', 'nginx', 'openssl'])('deploy-quick-launcher on the sandbox stack (API, Kubernetes, nginx Edge)', () => {
  it('first deploy provisions the API and serves the launcher with the anonymous token through the Edge', async () => {
    const unrelated = await readdir(stack.hostPath);
    const result = await deploy(inputs(), dependencies());
    expect(result.rollout.changed).toBe(true);
    expect(result.provision?.counts.usersCreated).toBe(3);
    const token = result.provision?.anonymousToken ?? '';
    expect(token).not.toBe('');
    expect(masked).toContain(token);
    expect(masked).toContain(stack.api.token);
    expect(masked).toContain(stack.kube.token);
    const address = new URL(`https://${stack.edgeInputs['edge-port']}`);
    const settings = await fetchThroughEdge({ address, hosts: [], insecure: true }, APP_HOST, '/settings');
    expect((JSON.parse(settings.body) as Record<string, { anonymousAccess: { token: string } }>)[APP_HOST].anonymousAccess.token).toBe(token);
    const index = await fetchThroughEdge({ address, hosts: [], insecure: true }, APP_HOST, '/');
    expect(index.body).toContain('Quick Launcher');
    expect(await readdir(stack.hostPath)).toEqual(expect.arrayContaining(unrelated));
    // The kubeconfig and kubectl cache are gone; no secret in the log, outputs or summary.
    expect(await readdir(join(root, 'runner-temp'))).toEqual([]);
    const outputs = deployOutputs(result.rollout, result.provision);
    expect(outputs).toMatchObject({ changed: 'true', 'users-created': '3', 'rolled-back': 'false', 'content-digest': result.rollout.digest });
    const published = [logger.text, JSON.stringify(outputs), JSON.stringify(summaryTables(result.rollout, result.provision, result.hosts))].join('\n');
    for (const secret of [token, stack.api.token, stack.kube.token]) expect(published).not.toContain(secret);
    const configMaps = JSON.stringify(stack.kube.api.store.list(resourceOfKind('ConfigMap')));
    for (const secret of [token, Buffer.from(token).toString('base64'), stack.api.token]) expect(configMaps).not.toContain(secret);
    expect(JSON.stringify(stack.kube.api.store.list(resourceOfKind('Secret')))).toContain('quick-launcher');
  });

  it('a second deploy makes no mutating Kubernetes or API call and no restart', async () => {
    const starts = stack.edge?.starts;
    stack.kube.clearRequests();
    stack.api.clearRequests();
    const result = await deploy(inputs(), dependencies());
    expect(result.rollout.changed).toBe(false);
    expect(result.provision?.changed).toBe(false);
    expect(stack.kube.mutatingRequests()).toEqual([]);
    expect(stack.api.mutatingCalls()).toEqual([]);
    expect(stack.edge?.starts).toBe(starts);
    expect(deployOutputs(result.rollout, result.provision).changed).toBe('false');
  });

  it('a dry run of a changed launcher only reads and returns the plan', async () => {
    stack.kube.clearRequests();
    const result = await deploy(inputs({ 'dry-run': 'true', 'edge-host-path': '/opt/edge/external-apps-next' }), dependencies());
    expect(result.rollout).toMatchObject({ dryRun: true, changed: true });
    expect(logger.text).toContain('warning: deployment cp-edge mounts no hostPath /opt/edge/external-apps-next');
    expect(stack.kube.mutatingRequests()).toEqual([]);
    expect(JSON.parse(deployOutputs(result.rollout, result.provision).plan)).toMatchObject({ dryRun: true, kubernetes: { contentDigest: result.rollout.digest } });
  });

  it('a malformed kubeconfig is an InputError that changes nothing and echoes nothing', async () => {
    stack.kube.clearRequests();
    const error = await deploy(inputs({ kubeconfig: 'apiVersion: v1\nclusters: [ {name: x, token: leaked-9f8e7d' }), dependencies()).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^Input 'kubeconfig': is not valid YAML/);
    expect((error as Error).message).not.toContain('leaked-9f8e7d');
    await expect(deploy(inputs({ context: 'prod' }), dependencies())).rejects.toThrow("Input 'context': 'prod' is not a context in the kubeconfig; it has: sandbox");
    expect(stack.kube.requests()).toEqual([]);
  });

  it('bad input found before any change: altered hand-off folder, missing Edge, payload over the limit', async () => {
    const pending = { preferences: 'launch.quick.launcher.test=1' };
    const altered = join(root, 'edge-config-altered');
    await cp(edgeConfig, altered, { recursive: true });
    await appendFile(join(altered, 'external-apps', `${APP_HOST}.conf`), '# edited by hand\n');
    const cases: Array<[Record<string, string>, Partial<DeployDependencies>, RegExp]> = [
      [{ 'edge-config': altered }, {}, /^Input 'edge-config': .*\.conf does not match its sha256 in manifest\.json/],
      [{ 'edge-deployment': 'cp-edge-missing' }, {}, /^Input 'edge-deployment': deployment 'cp-edge-missing' was not found in namespace 'default'/],
      [{}, { limits: { ...DEFAULT_PAYLOAD_LIMITS, fileBytes: 20 } }, /^Input '(edge-config|distribution)': '.*' is .* over the .* limit of one file$/],
    ];
    for (const [extra, deps, message] of cases) {
      stack.kube.clearRequests();
      stack.api.clearRequests();
      await expect(deploy(inputs({ ...pending, ...extra }), { ...dependencies(), ...deps })).rejects.toThrow(message);
      expect(stack.kube.mutatingRequests()).toEqual([]);
      expect(stack.api.mutatingCalls()).toEqual([]);
    }
  });

  it('missing RBAC is found before any change, every missing permission named', async () => {
    stack.kube.setDenyRules([
      { verb: 'create', resource: 'jobs' },
      { verb: 'get', resource: 'pods/log' },
    ]);
    stack.kube.clearRequests();
    stack.api.clearRequests();
    try {
      await expect(deploy(inputs({ preferences: 'launch.quick.launcher.test=1', 'edge-host-path': '/opt/edge/external-apps-rbac' }), dependencies())).rejects.toThrow(
        "the kubeconfig's identity may not create jobs.batch, get pods/log in namespace 'default'. Grant it the Role in examples/rbac/quick-launcher-deployer.yaml",
      );
    } finally {
      stack.kube.setDenyRules([]);
    }
    expect(stack.kube.mutatingRequests().filter((request) => !request.path.includes('selfsubjectaccessreviews'))).toEqual([]);
    expect(stack.api.mutatingCalls()).toEqual([]);
  });

  it('a failing smoke check rolls the Edge back to the files it served', async () => {
    const next = join(root, 'distribution-2');
    await mkdir(next);
    await writeTarball(join(next, 'quick-launcher.2.0.0.tgz'), [{ type: 'file', path: 'quick-launcher/www/index.html', content: Buffer.from('<html>v2</html>') }], { mtime: 315532800 });
    await writeManifest(next, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: 'sha256:1' });
    const error = await deploy(inputs({ distribution: next, 'smoke-check': 'http://127.0.0.1:1' }), dependencies()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RolloutError);
    expect((error as RolloutError).result.rolledBack).toBe(true);
    expect((error as Error).message).toContain('smoke check failed');
    expect(deployOutputs((error as RolloutError).result)['rolled-back']).toBe('true');
    const index = await fetchThroughEdge({ address: new URL(`https://${stack.edgeInputs['edge-port']}`), hosts: [], insecure: true }, APP_HOST, '/');
    expect(index.body).toContain('Quick Launcher');
  });
});
