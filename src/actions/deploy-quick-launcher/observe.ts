import type { Logger } from '../../lib/logger.js';
import type { Kubectl } from '../../tools/kubectl.js';
import { guarded, readEdge, type EdgeFacts } from './edge.js';
import { describeSource } from './edge-volumes.js';
import { EXEC_PERMISSION } from './permissions.js';

/** A running Edge pod: where `kubectl exec` goes and on which node its host folder lives. */
export interface EdgePod {
  name: string;
  nodeName?: string;
}

/** The Edge's external address, from its Service's labels (sync-routes.py:73-77, install.sh:876-886). */
export interface EdgeAddress {
  url: URL;
  /** Where it was read: `service/cp-edge labels`. */
  from: string;
}

/** Everything the plan is made from, read once before anything changes. */
export interface ClusterFacts {
  edge: EdgeFacts;
  pods: EdgePod[];
  address?: EdgeAddress;
  /** `v1.15.4`, as the server reports it. */
  serverVersion?: string;
  clientVersion?: string;
  /** `kubectl auth can-i create pods --subresource=exec`: the reload path is possible. */
  canExec: boolean;
}

interface PodState {
  metadata?: { name?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string };
  status?: { phase?: string };
}

interface ServiceState {
  metadata?: { name?: string; labels?: Record<string, string> };
}

const LABEL_EXTERNAL_HOST = 'cloud-pipeline/external-host';
const LABEL_EXTERNAL_PORT = 'cloud-pipeline/external-port';
const LABEL_EXTERNAL_SCHEME = 'cloud-pipeline/external-scheme';
const LABEL_ROLE = 'cloud-pipeline/role';

function selectorText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** The Edge's running pods (not terminating), oldest name order for a stable choice. */
async function readEdgePods(kubectl: Kubectl, edge: EdgeFacts): Promise<EdgePod[]> {
  if (Object.keys(edge.selector).length === 0) return [];
  const pods = await guarded(() => kubectl.list<PodState>('pods', selectorText(edge.selector)));
  return pods
    .filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp && pod.metadata?.name)
    .map((pod) => ({ name: pod.metadata?.name ?? '', ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Edge Service's address labels, found as sync-routes.py:987 finds the Service (label
 * `cloud-pipeline/role=EDGE`), the one named like the deployment first. Undefined when none
 * carries both labels.
 */
async function readEdgeAddress(kubectl: Kubectl, deployment: string): Promise<EdgeAddress | undefined> {
  const services = await guarded(() => kubectl.list<ServiceState>('services', `${LABEL_ROLE}=EDGE`));
  const ordered = [...services.filter((service) => service.metadata?.name === deployment), ...services.filter((service) => service.metadata?.name !== deployment)];
  for (const service of ordered) {
    const labels = service.metadata?.labels ?? {};
    const host = labels[LABEL_EXTERNAL_HOST];
    const port = labels[LABEL_EXTERNAL_PORT];
    if (!host || !port || !/^\d+$/.test(port)) continue;
    const scheme = labels[LABEL_EXTERNAL_SCHEME] === 'http' ? 'http' : 'https';
    try {
      return { url: new URL(`${scheme}://${host}:${port}`), from: `service/${service.metadata?.name ?? deployment} labels` };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Reads the Edge, its pods and address, the server version and whether exec is granted. */
export async function observe(kubectl: Kubectl, options: { deployment: string; namespace: string; hostPath: string }, logger: Logger): Promise<ClusterFacts> {
  // Two round trips, not five: each kubectl call is a process start and a request, and an
  // unchanged redeploy is mostly these reads. Only the pods wait for the Deployment's selector.
  const [version, edge, address, canExec] = await Promise.all([
    kubectl.version(),
    readEdge(kubectl, options.deployment, options.namespace, options.hostPath),
    readEdgeAddress(kubectl, options.deployment),
    kubectl.canI(EXEC_PERMISSION),
  ]);
  const pods = await readEdgePods(kubectl, edge);
  if (edge.volumes.warning) logger.warning(edge.volumes.warning);
  logger.info(
    `Edge ${options.namespace}/${edge.name}: ${edge.volumes.layout} layout (${describeSource(edge.volumes.apps)} at ${edge.volumes.mountPath}), ` +
      `${pods.length} running pod(s)${pods.length > 0 ? ` on ${[...new Set(pods.map((pod) => pod.nodeName ?? '?'))].join(', ')}` : ''}, ` +
      `server ${version.server ?? 'unknown'}, exec ${canExec ? 'allowed' : 'not allowed'}`,
  );
  return {
    edge,
    pods,
    ...(address ? { address } : {}),
    ...(version.server ? { serverVersion: version.server } : {}),
    ...(version.client ? { clientVersion: version.client } : {}),
    canExec,
  };
}
