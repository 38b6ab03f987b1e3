import { join } from 'node:path';
import { DEFAULT_EDGE_APPS_DIR } from '../lib/edge-layout.js';
import { API_BASE, startCloudPipelineApi, type CloudPipelineApi } from './cloud-pipeline-api/index.js';
import { seedFolderApps } from './cloud-pipeline-api/folder-apps.js';
import { startEdge, freePort, type SandboxEdge, type VolumeMount } from './edge.js';
import type { ExecHandler } from './kubernetes/exec-handler.js';
import { localExecHandler } from './kubernetes/exec-local.js';
import { startKubernetesApi, type ClusterProfile, type KubernetesApi, type SeededEdge } from './kubernetes/index.js';
import { objectAt, objectsAt, stringMap, type JsonObject } from './kubernetes/json.js';
import { resourceOfKind } from './kubernetes/resources.js';

/**
 * The whole local stand-in of a Cloud Pipeline cluster (SPEC §7), in one process: the API
 * stand-in, the Kubernetes API stand-in of a cluster profile seeded with the Edge Deployment and
 * Service, and the Edge stand-in over that Deployment's volumes. A rollout of the Edge Deployment
 * (what `kubectl rollout restart` starts) starts a new Edge container, and `kubectl exec` into an
 * Edge pod runs in that container.
 */
export interface SandboxStack {
  api: CloudPipelineApi;
  kube: KubernetesApi;
  /** The cluster imitated. */
  profile: ClusterProfile;
  /** Undefined when started with `edge: false`. */
  edge?: SandboxEdge;
  /** The Edge as seeded: Deployment name, namespace, layout, the local folders of its volumes. */
  seeded: SeededEdge;
  /** The local folder behind the Edge's external-apps volume (what the deploy's Job writes). */
  hostPath: string;
  /** The Edge Service's address as its `cloud-pipeline/external-host`/`-port` labels give it. */
  edgeService: { host: string; port: number; url: string };
  /**
   * The API as browsers reach it: `https://<apiHost>:<Edge port>/pipeline/restapi`, through the
   * Edge's ingress block (edge/ingress.ts); what render-edge-config's `api-external-url` takes.
   * Undefined without the Edge.
   */
  apiExternalUrl?: string;
  /** The API's external host name (CP_API_SRV_EXTERNAL_HOST); a browser maps it to 127.0.0.1. */
  apiHost: string;
  /** The shared storage of the seeded folder applications (what an admin sets as `appConfigStorage`). */
  folderAppsStorageId: number;
  /** What `render-edge-config` must be told so its blocks fit this Edge. */
  edgeInputs: { 'edge-port': string; 'edge-apps-dir': string; 'cert-dir': string };
  stop(): Promise<void>;
}

export interface SandboxStackOptions {
  stateDir: string;
  /** Ordinary users seeded in the API stand-in. */
  users?: number;
  /** Start the nginx Edge (default true). A failed start throws. */
  edge?: boolean;
  /** The cluster profile (default 'current'). */
  profile?: ClusterProfile;
  /**
   * Loopback Docker registries (`host:port`) Cloud Pipeline knows: images pushed there become
   * tools, as the registry's push notifications make them appear on a real cluster.
   */
  registries?: string[];
  /** The API's external host name the Edge's ingress block answers (default api.sandbox.test). */
  apiHost?: string;
  /** The service user whose folder applications the list page shows (default SHINY_PORTAL). */
  serviceUser?: string;
}

/** The API's external host name by default. */
export const SANDBOX_API_HOST = 'api.sandbox.test';

function isEdgePod(pod: JsonObject, seeded: SeededEdge, deployment: JsonObject | undefined): boolean {
  const metadata = objectAt(pod.metadata);
  if (metadata.namespace !== seeded.namespace || !deployment) return false;
  const selector = stringMap(objectAt(objectAt(deployment.spec).selector).matchLabels);
  const labels = stringMap(metadata.labels);
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);
}

export async function startSandboxStack(options: SandboxStackOptions): Promise<SandboxStack> {
  let edge: SandboxEdge | undefined;
  const port = await freePort();
  const workDir = join(options.stateDir, 'cluster');
  const registries = options.registries ?? [];
  const api = await startCloudPipelineApi({
    users: options.users ?? 0,
    registries,
    watchRegistries: registries.map((registry) => ({ path: registry, url: `http://${registry}` })),
  });
  // The published folder applications of the service user and of every seeded user.
  const owners = [options.serviceUser ?? 'SHINY_PORTAL', ...[...api.state.users.values()].filter((user) => user.id !== 1).map((user) => user.userName)];
  const folderApps = seedFolderApps(api.state, owners);
  const apiHost = options.apiHost ?? SANDBOX_API_HOST;
  const kube = await startKubernetesApi({ workDir, profile: options.profile ?? 'current' });
  const seeded = await kube.seedEdge({ externalHost: '127.0.0.1', externalPort: port });
  const liveDeployment = (): JsonObject | undefined => kube.api.store.get(resourceOfKind('Deployment'), seeded.namespace, seeded.deployment);
  const mountsOf = (deployment: JsonObject): VolumeMount[] =>
    kube.workloadMounts(deployment).map((mount) => ({ mountPath: mount.mountPath.replace(/\/+$/, ''), local: mount.local, readOnly: mount.readOnly }));

  if (options.edge !== false) {
    const deployment = liveDeployment();
    if (!deployment) throw new Error(`sandbox: the seeded Edge Deployment ${seeded.deployment} is missing`);
    const first = objectsAt(objectAt(objectAt(objectAt(deployment.spec).template).spec).containers)[0];
    const container = typeof first?.name === 'string' ? first.name : 'cp-edge';
    const ingress = { apiHost, apiBackend: new URL(api.url).origin };
    edge = await startEdge({ stateDir: options.stateDir, port, mounts: mountsOf(deployment), container, api: kube.api, ingress }).catch(async (error: unknown) => {
      // Fail loudly, but leave nothing running behind.
      await kube.stop();
      await api.stop();
      throw error;
    });
    const started = edge;
    // A rollout of the Edge is a new container; cp-edge has no readiness probe, so a failed nginx start still leaves it Ready.
    kube.setRolloutHook(async (rolled) => {
      const metadata = objectAt(rolled.metadata);
      if (metadata.name === seeded.deployment && metadata.namespace === seeded.namespace) await started.restart({ mounts: mountsOf(rolled) });
    });
    const fallback = localExecHandler(kube.api, (nodeName) => {
      try {
        return kube.resolver(nodeName);
      } catch {
        return kube.resolver();
      }
    }, workDir);
    const handler: ExecHandler = (request, io) => (isEdgePod(request.pod, seeded, liveDeployment()) ? started.execHandler(request, io) : fallback(request, io));
    kube.setExecHandler(handler);
  }
  return {
    api,
    kube,
    profile: kube.profile,
    edge,
    seeded,
    hostPath: seeded.appsDir,
    apiHost,
    ...(edge ? { apiExternalUrl: `https://${apiHost}:${port}${API_BASE}` } : {}),
    folderAppsStorageId: folderApps.id,
    edgeService: { host: '127.0.0.1', port, url: `https://127.0.0.1:${port}` },
    edgeInputs: {
      'edge-port': `127.0.0.1:${port}`,
      'edge-apps-dir': DEFAULT_EDGE_APPS_DIR,
      'cert-dir': seeded.pkiDir,
    },
    async stop() {
      await edge?.stop();
      await kube.stop();
      await api.stop();
    },
  };
}
