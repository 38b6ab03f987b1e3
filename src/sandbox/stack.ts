import { join } from 'node:path';
import { startCloudPipelineApi, type CloudPipelineApi } from './cloud-pipeline-api/index.js';
import { startEdge, freePort, type SandboxEdge } from './edge.js';
import { EDGE_DEFAULTS, startKubernetesApi, type KubernetesApi } from './kubernetes/index.js';

/**
 * The whole local stand-in of a Cloud Pipeline cluster (SPEC §7), in one process: the API
 * stand-in, the Kubernetes API stand-in seeded with the `cp-edge` Deployment on a labelled node,
 * and the nginx Edge over that node's `/opt/edge/external-apps`. A rollout of `cp-edge` (what
 * `kubectl rollout restart` starts) restarts nginx, which copies the host folder in again, as the
 * real Edge pod's init does.
 */
export interface SandboxStack {
  api: CloudPipelineApi;
  kube: KubernetesApi;
  /** Undefined when nginx or openssl is missing (the rest still runs). */
  edge?: SandboxEdge;
  /** The node folder standing for the Edge node's /opt/edge/external-apps. */
  hostPath: string;
  /** What `render-edge-config` must be told so its blocks fit this Edge. */
  edgeInputs: { 'edge-port': string; 'edge-apps-dir': string; 'cert-dir': string };
  stop(): Promise<void>;
}

export interface SandboxStackOptions {
  stateDir: string;
  /** Ordinary users seeded in the API stand-in. */
  users?: number;
  /** Start the nginx Edge (default true). */
  edge?: boolean;
}

export async function startSandboxStack(options: SandboxStackOptions): Promise<SandboxStack> {
  let edge: SandboxEdge | undefined;
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const api = await startCloudPipelineApi({ users: options.users ?? 0 });
  const kube = await startKubernetesApi({
    workDir: join(options.stateDir, 'cluster'),
    onRollout: async (deployment) => {
      const metadata = deployment.metadata as { name?: string } | undefined;
      if (metadata?.name === EDGE_DEFAULTS.deployment && edge) await edge.restart();
    },
  });
  const hostPath = join(kube.nodeRoot(), EDGE_DEFAULTS.hostPath);
  // The unrelated app already on the Edge listens on loopback like everything in the sandbox.
  const unrelatedApp = { ...EDGE_DEFAULTS.unrelatedApp, content: EDGE_DEFAULTS.unrelatedApp.content.replace('listen 8181;', `listen ${listen};`) };
  await kube.seedEdge({ unrelatedApp });
  if (options.edge !== false) {
    edge = await startEdge({ stateDir: options.stateDir, port, hostPath }).catch((error: unknown) => {
      console.error(`sandbox: no nginx Edge (${(error as Error).message})`);
      return undefined;
    });
  }
  return {
    api,
    kube,
    edge,
    hostPath,
    edgeInputs: {
      'edge-port': listen,
      'edge-apps-dir': edge?.appsDir ?? join(options.stateDir, 'edge', 'etc', 'nginx', 'external-apps'),
      'cert-dir': edge?.certDir ?? join(options.stateDir, 'edge', 'etc', 'edge', 'pki'),
    },
    async stop() {
      await edge?.stop();
      await kube.stop();
      await api.stop();
    },
  };
}
