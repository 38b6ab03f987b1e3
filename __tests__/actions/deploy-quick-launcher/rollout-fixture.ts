import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderInstaller } from '../../../src/actions/deploy-quick-launcher/installer.js';
import { packPayload, type Payload } from '../../../src/actions/deploy-quick-launcher/payload.js';
import { rollout, type RolloutOptions, type RolloutResult } from '../../../src/actions/deploy-quick-launcher/rollout.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { execRunner } from '../../../src/tools/exec.js';
import { Kubectl } from '../../../src/tools/kubectl.js';
import { startKubernetesApi, type ClusterProfile, type KubernetesApi } from '../../../src/sandbox/kubernetes/index.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';

export const HOST_PATH = '/opt/edge/external-apps';
export const TOKEN = 'anonymous-token-3f9c1e0d7b';

/** A server block nginx accepts without certificates or DNS, with the route marker sync-routes looks for. */
export function conf(host: string, root: string): string {
  return `server {\n    listen 127.0.0.1:18181;\n    server_name ${host};\n    root ${root};\n    location = /settings { default_type application/json; }\n    # {edge_route_location_block}\n}\n`;
}

/** The deny rule that takes `kubectl exec` away (the restart path). */
export const NO_EXEC = { verb: 'create', resource: 'pods/exec' };

/** The Kubernetes stand-in seeded with an Edge, and the real kubectl pointed at it. */
export class RolloutFixture {
  readonly logger = new MemoryLogger();
  private constructor(
    readonly api: KubernetesApi,
    readonly dir: string,
    readonly kubectl: Kubectl,
  ) {}

  /** `exec: false` denies pods/exec, so the deploy takes the restart path; `profile` picks the cluster (default current). */
  static async start(options: { exec?: boolean; profile?: ClusterProfile } = {}): Promise<RolloutFixture> {
    const api = await startKubernetesApi({ ...(options.exec === false ? { rbac: [NO_EXEC] } : {}), ...(options.profile ? { profile: options.profile } : {}) });
    await api.seedEdge();
    const dir = await mkdtemp(join(tmpdir(), 'ql-rollout-'));
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, api.kubeconfig, { mode: 0o600 });
    const kubectl = new Kubectl('kubectl', { kubeconfig, namespace: 'default', cacheDir: join(dir, 'cache'), requestTimeout: '20s' }, execRunner);
    return new RolloutFixture(api, dir, kubectl);
  }

  /** A second kubectl with its own discovery cache (a concurrent deploy). */
  otherKubectl(): Kubectl {
    return new Kubectl('kubectl', { ...this.kubectl.connection, cacheDir: join(this.dir, 'cache-other') }, execRunner);
  }

  get hostDir(): string {
    return join(this.api.nodeRoot(), HOST_PATH);
  }

  payload(version: string, extra: Record<string, string> = {}): Payload {
    const files: Record<string, { text: string; secret?: boolean }> = {
      'app.example.test.srv.conf': { text: conf('app.example.test', '/etc/nginx/external-apps/quick-launcher/www') },
      'quick-launcher/settings.json': { text: JSON.stringify({ 'app.example.test': { anonymousAccess: { token: TOKEN } } }), secret: true },
      'quick-launcher/www/index.html': { text: `<html>${version}</html>` },
      ...Object.fromEntries(Object.entries(extra).map(([path, text]) => [path, { text }])),
    };
    return packPayload(
      Object.entries(files).map(([path, file]) => ({ path, content: Buffer.from(file.text), secret: file.secret ?? false, input: 'test' })),
      { hostPath: HOST_PATH, installer: renderInstaller().sha256 },
    );
  }

  options(overrides: Partial<RolloutOptions> = {}): RolloutOptions {
    return {
      namespace: 'default',
      deployment: 'cp-edge',
      nodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
      hostPath: HOST_PATH,
      rolloutTimeout: '20s',
      jobTimeoutSeconds: 30,
      keepBackups: 3,
      prefix: 'quick-launcher',
      lease: { name: 'quick-launcher-deploy', holder: 'test-run-1', durationSeconds: 30, timeoutSeconds: 20, pollMs: 200 },
      dryRun: false,
      pollMs: 100,
      ...overrides,
    };
  }

  deploy(payload: Payload, overrides: Partial<RolloutOptions> = {}, kubectl: Kubectl = this.kubectl): Promise<RolloutResult> {
    return rollout(kubectl, payload, renderInstaller().text, this.options(overrides), this.logger);
  }

  /** Every file in the node's host folder (the installer's state folder excluded). */
  async hostFiles(): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(join(this.hostDir, relative), { withFileTypes: true })) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (path === '.quick-launcher') continue;
        if (entry.isDirectory()) await walk(path);
        else found[path] = await readFile(join(this.hostDir, path), 'utf8');
      }
    };
    await walk('');
    return found;
  }

  /** The Edge deployment's annotations, read straight from the stand-in's store. */
  edgeAnnotations(): Record<string, string> {
    const deployment = this.api.api.store.get(resourceOfKind('Deployment'), 'default', 'cp-edge');
    return ((deployment?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations ?? {});
  }

  /** Every stored object of a kind in `default`, as JSON text (for secret scans). */
  storedText(kind: string): string {
    return JSON.stringify(this.api.api.store.list(resourceOfKind(kind), 'default'));
  }

  async stop(): Promise<void> {
    await this.api.idle();
    await this.api.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
