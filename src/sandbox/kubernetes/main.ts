/**
 * Starts the Kubernetes API stand-in as its own process (for `npm run sandbox` and the demo):
 *
 *   tsx src/sandbox/kubernetes/main.ts --kubeconfig D/kubeconfig [--port N] [--node-root DIR]
 *       [--work-dir DIR] [--seed-edge] [--never-ready]
 *       [--profile classic|additional-region|aws-native|current]
 *
 * Prints one JSON line `{url, kubeconfig, nodeRoot, pid}` on stdout once it serves, and stops on
 * SIGTERM or SIGINT. The token is read from KUBE_SANDBOX_TOKEN, else generated; it is written only
 * into the kubeconfig file (mode 0600), never printed.
 */
import { parseArgs } from 'node:util';
import { CLUSTER_PROFILES, edgeNodeFor, startKubernetesApi, type ClusterProfile } from './index.js';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    port: { type: 'string', default: '0' },
    'node-root': { type: 'string' },
    'work-dir': { type: 'string' },
    'seed-edge': { type: 'boolean', default: false },
    'never-ready': { type: 'boolean', default: false },
    profile: { type: 'string', default: 'current' },
  },
});
const profile = values.profile as ClusterProfile;
if (!CLUSTER_PROFILES.includes(profile)) {
  console.error(`--profile: unknown cluster profile '${String(values.profile)}' (one of: ${CLUSTER_PROFILES.join(', ')})`);
  process.exit(1);
}
if (!values.kubeconfig) {
  console.error('usage: main.ts --kubeconfig PATH [--port N] [--node-root DIR] [--work-dir DIR] [--seed-edge] [--never-ready] [--profile P]');
  process.exit(2);
}
const cluster = await startKubernetesApi({
  port: Number(values.port),
  token: process.env.KUBE_SANDBOX_TOKEN || undefined,
  profile,
  nodes: [{ ...edgeNodeFor(profile), root: values['node-root'] }],
  workDir: values['work-dir'],
  readiness: values['never-ready'] ? 'never' : 'ready',
});
if (values['seed-edge']) await cluster.seedEdge();
const kubeconfig = cluster.writeKubeconfig(values.kubeconfig);
console.log(JSON.stringify({ url: cluster.url, kubeconfig, nodeRoot: cluster.nodeRoot(), profile, pid: process.pid }));
const stop = (): void => {
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
