import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployRolloutError, deploy, type DeployDependencies } from '../../../src/actions/deploy-quick-launcher/execute.js';
import { getInputs, type Inputs } from '../../../src/actions/deploy-quick-launcher/inputs.js';
import { DEFAULT_PAYLOAD_LIMITS } from '../../../src/actions/deploy-quick-launcher/payload.js';
import { RolloutError } from '../../../src/actions/deploy-quick-launcher/rollout.js';
import { fetchThroughEdge } from '../../../src/actions/deploy-quick-launcher/smoke.js';
import { deployOutputs, summaryTables } from '../../../src/actions/deploy-quick-launcher/summary.js';
import { getInputs as renderInputs } from '../../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/execute.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { writeManifest } from '../../../src/lib/manifest.js';
import { writeTarball } from '../../../src/lib/tarball.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import type { ClusterProfile } from '../../../src/sandbox/kubernetes/index.js';
import { startSandboxStack, type SandboxStack } from '../../../src/sandbox/stack.js';
import { execRunner } from '../../../src/tools/exec.js';
import { describeWith } from '../../helpers/services.js';
import { allowed, attributesOf, roleRules } from './rbac-fixture.js';
import { NO_EXEC } from './rollout-fixture.js';

const APP_HOST = 'apps.deploy.test';
const INDEX = '<html><head><link rel="stylesheet" href="css/bundle.css"></head><body>Quick Launcher<script src="js/main.js"></script></body></html>';

/**
 * One sandbox cluster of a profile, with the hand-off folders the deploy reads. The whole story
 * runs on classic (v1.15.4, host paths, exec over SPDY) and current (v1.33); the other two
 * layouts (additional region: the host folder is the live one; AWS-native: the PVC) run the
 * first deploy, the run route and the no-op.
 */
class Cluster {
  root = '';
  stack!: SandboxStack;
  edgeConfig = '';
  distribution = '';
  readonly masked: string[] = [];
  readonly state = new Map<string, string>();
  readonly logger = new MemoryLogger();

  constructor(readonly profile: ClusterProfile) {}

  async start(): Promise<void> {
    this.root = await mkdtemp(join(tmpdir(), `ql-deploy-${this.profile}-`));
    await mkdir(join(this.root, 'runner-temp'));
    this.stack = await startSandboxStack({ stateDir: join(this.root, 'sandbox'), users: 3, profile: this.profile });
    this.distribution = await this.launcher('distribution', '1.0.0', INDEX);
    this.edgeConfig = join(this.root, 'edge-config');
    await renderAndWrite(
      given(renderInputs(new InputReader(inputsFrom({ 'app-launcher-host': APP_HOST, 'api-external-url': this.stack.api.url, 'output-dir': this.edgeConfig, validate: 'false', ...this.stack.edgeInputs })), {})),
      {},
      new MemoryLogger(),
    );
  }

  /** A distribution folder with a launcher of that index page. */
  async launcher(name: string, version: string, index: string): Promise<string> {
    const dir = join(this.root, name);
    await mkdir(dir);
    await writeTarball(
      join(dir, `quick-launcher.${version}.tgz`),
      [
        { type: 'file', path: 'quick-launcher/www/index.html', content: Buffer.from(index) },
        { type: 'file', path: 'quick-launcher/www/css/bundle.css', content: Buffer.from('body { color: #123; }') },
        { type: 'file', path: 'quick-launcher/www/js/main.js', content: Buffer.from('console.log(1)') },
      ],
      { mtime: 315532800 },
    );
    await writeManifest(dir, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: `sha256:${version}` });
    return dir;
  }

  dependencies(): DeployDependencies {
    return {
      logger: this.logger,
      runner: execRunner,
      env: { RUNNER_TEMP: join(this.root, 'runner-temp') },
      setSecret: (value) => this.masked.push(value),
      saveState: (name, value) => this.state.set(name, value),
      holder: `deploy-test-${this.profile}`,
      pollMs: 100,
      smokeWaitSeconds: 20,
    };
  }

  inputs(extra: Record<string, string> = {}): Inputs {
    return given(getInputs(
      new InputReader(
        inputsFrom({
          kubeconfig: Buffer.from(this.stack.kube.kubeconfig).toString('base64'),
          'api-url': this.stack.api.url,
          'api-token': this.stack.api.token,
          distribution: this.distribution,
          'edge-config': this.edgeConfig,
          'edge-deployment': this.stack.seeded.deployment,
          'edge-node-selector': Object.entries(this.stack.seeded.nodeSelector).map(([key, value]) => `${key}=${value}`).join(','),
          'rollout-timeout': '30s',
          'lock-timeout': '30s',
          'api-insecure': 'true',
          ...extra,
        }),
      ),
      {},
    ));
  }

  get(path: string): ReturnType<typeof fetchThroughEdge> {
    return fetchThroughEdge({ address: new URL(this.stack.edgeService.url), hosts: [], insecure: true }, APP_HOST, path);
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}

/** A run's endpoint: what a route on the launcher host must reach. */
async function runEndpoint(): Promise<{ server: Server; target: string }> {
  const server = createServer((request, response) => response.end(`run 42 answered ${request.url ?? ''}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, target: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const ROUTE_LINE = /# CP_EDGE_CUSTOM_DOMAIN$/m;

describeWith(['kubectl', 'nginx', 'openssl']).each(['classic', 'current', 'additional-region', 'aws-native'] as const)('deploy-quick-launcher on the sandbox stack, %s cluster', (profile) => {
  const cluster = new Cluster(profile);
  const full = profile === 'classic' || profile === 'current';
  let run: { server: Server; target: string };
  beforeAll(async () => {
    await cluster.start();
    run = await runEndpoint();
  });
  afterAll(async () => {
    await new Promise((resolve) => run?.server.close(resolve));
    await cluster.stop();
  });

  it('first deploy provisions the API and serves the launcher through the Edge, reloaded in place, proven by the smoke check', async () => {
    const { stack } = cluster;
    const unrelated = await readdir(stack.hostPath);
    const starts = stack.edge?.starts;
    stack.kube.clearRequests();
    const result = await deploy(cluster.inputs(), cluster.dependencies());
    // Every request the reload path made is one the Role of examples/rbac allows, exec included.
    // (its resourceNames name the Edge deployment: cp-edge-<region> for an additional region)
    const rules = (await roleRules()).map((rule) => (rule.resourceNames ? { ...rule, resourceNames: [stack.seeded.deployment] } : rule));
    const requests = stack.kube.requests().map((request) => attributesOf(request.method, request.path, request.query)).filter((request) => request?.namespace !== undefined);
    expect(requests.filter((request) => request && !allowed(rules, request))).toEqual([]);
    expect(requests.some((request) => request?.resource === 'pods/exec')).toBe(true);
    // A kubectl more than one minor version from the server's is a warning naming kubectl-version.
    const client = Number(/"minor":\s*"(\d+)/.exec(execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' }))?.[1]);
    expect(cluster.logger.text.includes(`set 'kubectl-version' to v1.${stack.kube.traits.minor}.x`)).toBe(Math.abs(client - stack.kube.traits.minor) > 1);
    expect(result.rollout.changed).toBe(true);
    expect(result.rollout.switch?.path).toBe('reload');
    expect(stack.edge?.starts).toBe(starts);
    expect(result.rollout.steps.map((step) => step.step)).toContain('verify');
    expect(cluster.logger.text).toMatch(new RegExp(`smoke check: ${APP_HOST.replace(/\./g, '\\.')} serves /, /settings, /css/bundle.css, /js/main.js through 127\\.0\\.0\\.1:${stack.edgeService.port}`));
    expect(result.provision?.counts.usersCreated).toBe(3);
    const token = result.provision?.anonymousToken ?? '';
    expect(token).not.toBe('');
    expect(cluster.masked).toEqual(expect.arrayContaining([token, stack.api.token, stack.kube.token]));
    const settings = await cluster.get('/settings');
    const served = (JSON.parse(settings.body) as Record<string, { anonymousAccess: { token: string }; appConfigStorage: unknown }>)[APP_HOST];
    expect(served.anonymousAccess.token).toBe(token);
    // The rendered settings' user_default_storage cannot resolve on the launcher's list page: the
    // service user's default storage id is written in its place.
    const storageId = stack.api.state.userByName('SHINY_PORTAL')?.defaultStorageId;
    expect(typeof storageId).toBe('number');
    expect(served.appConfigStorage).toBe(storageId);
    expect(result.appConfigStorage).toEqual({ hosts: [APP_HOST], storageId, note: `user_default_storage set to storage ${String(storageId)}, the default storage of SHINY_PORTAL, for ${APP_HOST}` });
    expect((await cluster.get('/')).body).toContain('Quick Launcher');
    expect((await cluster.get('/css/bundle.css')).contentType).toMatch(/^text\/css/);
    expect((await cluster.get('/js/main.js')).contentType).toMatch(/^(application|text)\/javascript/);
    expect(await readdir(stack.hostPath)).toEqual(expect.arrayContaining([...unrelated, `${APP_HOST}.srv.conf`]));
    // The kubeconfig and kubectl cache are gone; no secret in the log, outputs or summary.
    expect(await readdir(join(cluster.root, 'runner-temp'))).toEqual([]);
    const outputs = deployOutputs(result.rollout, result.provision, result);
    expect(outputs).toMatchObject({ changed: 'true', 'users-created': '3', 'rolled-back': 'false', 'content-digest': result.rollout.digest, url: `https://${APP_HOST}/`, 'previous-digest': '' });
    const published = [cluster.logger.text, JSON.stringify(outputs), JSON.stringify(summaryTables(result.rollout, result.provision, result.hosts))].join('\n');
    for (const secret of [token, stack.api.token, stack.kube.token]) expect(published).not.toContain(secret);
    const configMaps = JSON.stringify(stack.kube.api.store.list(resourceOfKind('ConfigMap')));
    for (const secret of [token, Buffer.from(token).toString('base64'), stack.api.token]) expect(configMaps).not.toContain(secret);
    expect(summaryTables(result.rollout, result.provision, result.hosts).tables[0].rows).toContainEqual(['Edge update', `reload: ${result.rollout.switch?.reason ?? ''}`]);
  });

  it('a run route sync-routes inserts on the launcher host reaches its run, and an update keeps it without a restart', async () => {
    const { stack } = cluster;
    const edge = stack.edge;
    if (!edge) throw new Error('the sandbox Edge did not start');
    const route = await edge.publishRoute({ host: APP_HOST, path: 'my-app', target: run.target });
    expect(route).toMatchObject({ accepted: true, createdServerBlock: false });
    expect((await cluster.get('/my-app/')).body).toMatch(/^run 42 answered \//);
    const starts = edge.starts;
    const next = await cluster.launcher(`distribution-route-${profile}`, '1.1.0', INDEX.replace('Quick Launcher', 'Quick Launcher 1.1'));
    const result = await deploy(cluster.inputs({ distribution: next }), cluster.dependencies());
    expect(result.rollout.changed).toBe(true);
    expect(edge.starts).toBe(starts);
    expect((await cluster.get('/')).body).toContain('Quick Launcher 1.1');
    expect((await cluster.get('/my-app/')).body).toMatch(/^run 42 answered \//);
    const live = await readFile(join(edge.appsDir, `${APP_HOST}.srv.conf`), 'utf8');
    expect(live).toMatch(ROUTE_LINE);
    if (edge.layout === 'direct') return; // there the host folder IS the live folder
    // Route includes never reach the host folder: at an Edge restart their files do not exist yet (init:138-151).
    expect(await readFile(join(stack.hostPath, `${APP_HOST}.srv.conf`), 'utf8')).not.toMatch(ROUTE_LINE);
  });

  it('a second deploy makes no mutating Kubernetes or API call and no restart', async () => {
    const { stack } = cluster;
    const inputs = cluster.inputs({ distribution: join(cluster.root, `distribution-route-${profile}`) });
    const starts = stack.edge?.starts;
    const reloads = stack.edge?.reloads;
    stack.kube.clearRequests();
    stack.api.clearRequests();
    const result = await deploy(inputs, cluster.dependencies());
    expect(result.rollout.changed).toBe(false);
    expect(result.provision?.changed).toBe(false);
    expect(deployOutputs(result.rollout, result.provision, result)['previous-digest']).toBe(result.rollout.digest);
    // The token live on the Edge went to provisioning as liveAnonymousToken and was kept.
    expect(result.provision?.anonymousTokenState).toBe('kept');
    expect(stack.kube.mutatingRequests()).toEqual([]);
    expect(stack.api.mutatingCalls()).toEqual([]);
    expect(stack.edge?.starts).toBe(starts);
    expect(stack.edge?.reloads).toBe(reloads);
    expect(deployOutputs(result.rollout, result.provision).changed).toBe('false');
  });

  // The other two layouts stop here (CI time); no test is skipped.
  if (!full) return;
  describe('the rest of the story', () => {
    it('a dry run of a changed launcher only reads and returns the plan, saying which update path it would take', async () => {
      const { stack } = cluster;
      stack.kube.clearRequests();
      stack.api.clearRequests();
      const result = await deploy(cluster.inputs({ 'dry-run': 'true', 'edge-host-path': '/opt/edge/external-apps-next', 'home-storage-auto': 'false' }), cluster.dependencies());
      // home-storage-auto reaches provisioning: switching it off is a site-wide change, planned and not made.
      expect(result.provision?.siteWide).toEqual([expect.stringMatching(/^storage\.user\.home\.auto=false: /) as unknown]);
      expect(stack.api.mutatingCalls()).toEqual([]);
      expect(summaryTables(result.rollout, result.provision, result.hosts, result).tables.map((table) => table.heading)).toContain('Site-wide changes (would be made)');
      expect(result.rollout).toMatchObject({ dryRun: true, changed: true, switch: { path: 'reload' } });
      expect(cluster.logger.text).toContain("warning: 'edge-host-path' is /opt/edge/external-apps-next, but the Edge mounts hostPath /opt/edge/external-apps at /etc/nginx/ext/external-apps");
      expect(stack.kube.mutatingRequests()).toEqual([]);
      expect(JSON.parse(deployOutputs(result.rollout, result.provision, result).plan)).toMatchObject({
        dryRun: true,
        kubernetes: { contentDigest: result.rollout.digest },
        settings: { appConfigStorage: expect.stringMatching(/^user_default_storage would be set to storage \d+, the default storage of SHINY_PORTAL/) as unknown },
      });
    });

    it('without the kubeconfig input the file $KUBECONFIG names (an earlier set-context step) is used, masked, copied 0600 and the copy removed', async () => {
      const { stack } = cluster;
      const file = join(cluster.root, 'set-context-kubeconfig');
      await writeFile(file, stack.kube.kubeconfig, { mode: 0o600 });
      const deps = cluster.dependencies();
      const masked: string[] = [];
      const saved = new Map<string, string>();
      const result = await deploy(cluster.inputs({ kubeconfig: '', distribution: join(cluster.root, `distribution-route-${profile}`) }), {
        ...deps,
        env: { ...deps.env, KUBECONFIG: file },
        setSecret: (value) => masked.push(value),
        saveState: (name, value) => saved.set(name, value),
      });
      expect(result.rollout.changed).toBe(false);
      expect(masked).toContain(stack.kube.token);
      const copy = [...saved.values()].find((value) => value.includes('quick-launcher-kubeconfig-'));
      expect(copy).toBeDefined();
      expect(copy).not.toBe(file);
      expect(await readdir(join(cluster.root, 'runner-temp'))).toEqual([]);
      expect(await readFile(file, 'utf8')).toBe(stack.kube.kubeconfig);
      await expect(deploy(cluster.inputs({ kubeconfig: '' }), cluster.dependencies())).rejects.toThrow(/^Input 'kubeconfig': is required/);
    });

    it('a malformed kubeconfig is an InputError that changes nothing and echoes nothing', async () => {
      const { stack } = cluster;
      stack.kube.clearRequests();
      const error = await deploy(cluster.inputs({ kubeconfig: 'apiVersion: v1\nclusters: [ {name: x, token: leaked-9f8e7d' }), cluster.dependencies()).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(/^Input 'kubeconfig': is not valid YAML/);
      expect((error as Error).message).not.toContain('leaked-9f8e7d');
      await expect(deploy(cluster.inputs({ context: 'prod' }), cluster.dependencies())).rejects.toThrow("Input 'context': 'prod' is not a context in the kubeconfig; it has: sandbox");
      expect(stack.kube.requests()).toEqual([]);
    });

    it('bad input found before any change: altered hand-off folder, missing Edge, payload over the limit', async () => {
      const { stack } = cluster;
      const pending = { preferences: 'launch.quick.launcher.test=1' };
      const altered = join(cluster.root, 'edge-config-altered');
      await cp(cluster.edgeConfig, altered, { recursive: true });
      await appendFile(join(altered, 'external-apps', `${APP_HOST}.srv.conf`), '# edited by hand\n');
      const cases: Array<[Record<string, string>, Partial<DeployDependencies>, RegExp]> = [
        [{ 'edge-config': altered }, {}, /^Input 'edge-config': .*\.srv\.conf does not match its sha256 in manifest\.json/],
        [{ 'edge-deployment': 'cp-edge-missing' }, {}, /^Input 'edge-deployment': deployment 'cp-edge-missing' was not found in namespace 'default'/],
        [{}, { limits: { ...DEFAULT_PAYLOAD_LIMITS, fileBytes: 20 } }, /^Input '(edge-config|distribution)': '.*' is .* over the .* limit of one file$/],
      ];
      for (const [extra, deps, message] of cases) {
        stack.kube.clearRequests();
        stack.api.clearRequests();
        await expect(deploy(cluster.inputs({ ...pending, ...extra }), { ...cluster.dependencies(), ...deps })).rejects.toThrow(message);
        expect(stack.kube.mutatingRequests()).toEqual([]);
        expect(stack.api.mutatingCalls()).toEqual([]);
      }
    });

    it('missing RBAC is found before any change, every missing permission named', async () => {
      const { stack } = cluster;
      stack.kube.setDenyRules([
        { verb: 'create', resource: 'jobs' },
        { verb: 'get', resource: 'pods/log' },
      ]);
      stack.kube.clearRequests();
      stack.api.clearRequests();
      try {
        const changed = await cluster.launcher(`distribution-rbac-${profile}`, '1.2.0', INDEX.replace('Quick Launcher', 'Quick Launcher 1.2'));
        await expect(deploy(cluster.inputs({ preferences: 'launch.quick.launcher.test=1', distribution: changed }), cluster.dependencies())).rejects.toThrow(
          "the kubeconfig's identity may not create jobs.batch, get pods/log in namespace 'default'. Grant it the Role in examples/rbac/quick-launcher-deployer.yaml",
        );
      } finally {
        stack.kube.setDenyRules([]);
      }
      expect(stack.kube.mutatingRequests().filter((request) => !request.path.includes('selfsubjectaccessreviews'))).toEqual([]);
      expect(stack.api.mutatingCalls()).toEqual([]);
    });

    it('a failing smoke check rolls the Edge back by reload to the files it served', async () => {
      const { stack } = cluster;
      const next = await cluster.launcher(`distribution-2-${profile}`, '2.0.0', '<html>v2</html>');
      const starts = stack.edge?.starts;
      const error = await deploy(cluster.inputs({ distribution: next, 'smoke-check': 'http://127.0.0.1:1' }), { ...cluster.dependencies(), smokeWaitSeconds: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RolloutError);
      const rollout = (error as RolloutError).result;
      expect(rollout.rolledBack).toBe(true);
      expect((error as Error).message).toContain('smoke check failed');
      expect((error as Error).message).toContain('and reloaded nginx (no restart)');
      expect(deployOutputs(rollout)['rolled-back']).toBe('true');
      // What ran before the rollout is kept for the outputs and the summary: provisioning and the file list.
      expect(error).toBeInstanceOf(DeployRolloutError);
      const kept = (error as DeployRolloutError).deploy;
      expect(kept.provision?.usersScanned).toBeGreaterThan(0);
      expect(kept.files).toContainEqual(expect.objectContaining({ path: 'quick-launcher/www/index.html', change: 'changed' }));
      expect(deployOutputs(rollout, kept.provision, kept)).toMatchObject({ 'rolled-back': 'true', 'users-created': String(kept.provision?.counts.usersCreated ?? 0) });
      expect(stack.edge?.starts).toBe(starts);
      expect((await cluster.get('/')).body).toContain('Quick Launcher 1.1');
      expect((await cluster.get('/my-app/')).body).toMatch(/^run 42 answered \//);
    });

    it('without pods/exec the Edge is restarted instead, the log and summary say why, and the launcher is served after the restart', async () => {
      const { stack } = cluster;
      const next = await cluster.launcher(`distribution-3-${profile}`, '3.0.0', INDEX.replace('Quick Launcher', 'Quick Launcher 3'));
      const starts = stack.edge?.starts ?? 0;
      stack.kube.setDenyRules([NO_EXEC]);
      try {
        const result = await deploy(cluster.inputs({ distribution: next }), cluster.dependencies());
        expect(result.rollout.switch).toEqual({ path: 'restart', reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place' });
        expect(cluster.logger.text).toContain('switch: restart: pods/exec is not granted, so the Edge cannot be reloaded in place');
        expect(summaryTables(result.rollout, result.provision, result.hosts).tables[0].rows).toContainEqual(['Edge update', 'restart: pods/exec is not granted, so the Edge cannot be reloaded in place']);
      } finally {
        stack.kube.setDenyRules([]);
      }
      expect(stack.edge?.starts).toBe(starts + 1);
      expect((await cluster.get('/')).body).toContain('Quick Launcher 3');
      expect((await cluster.get('/css/bundle.css')).contentType).toMatch(/^text\/css/);
    });
  });
});
