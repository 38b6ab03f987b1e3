import type { EdgeLayout } from './edge-volumes.js';
import type { ClusterFacts } from './observe.js';

/**
 * What a rollout will do, decided from what was observed and nothing else (pure, table-tested):
 * whether anything changes, how the Edge takes the new files (reload in place or restart), where
 * the installer runs, and what to warn about.
 */
export interface RolloutPlan {
  noop: boolean;
  /** `reload`: sync into each running Edge container and `nginx -s reload`; `restart`: rollout restart. */
  switch: 'reload' | 'restart';
  /** Why that switch, for the log and the summary. */
  reason: string;
  layout: EdgeLayout;
  /** The node of the running Edge pod the installer Job is pinned to (else the node selector decides). */
  node?: string;
  /** The installer carries live run routes over (QL_KEEP_ROUTES=1): the host folder is the live one and nginx is only reloaded. */
  keepRoutes: boolean;
  /** The pods the reload goes to. */
  pods: string[];
  warnings: string[];
}

/** `v1.15.4` → 15 (the minor), `v1.30.2-eks-1234` → 30. */
export function minorOf(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

/** kubectl supports one minor version either side of the server (the Kubernetes version skew policy). */
export function skewWarning(client: string | undefined, server: string | undefined): string | undefined {
  const [c, s] = [minorOf(client), minorOf(server)];
  if (c === undefined || s === undefined || Math.abs(c - s) <= 1) return undefined;
  return `kubectl ${client ?? ''} is ${Math.abs(c - s)} minor versions from the server's ${server ?? ''} (supported: ±1); set 'kubectl-version' to v1.${s}.x`;
}

export function planRollout(facts: ClusterFacts, digest: string): RolloutPlan {
  const { edge, pods } = facts;
  const layout = edge.volumes.layout;
  const warnings: string[] = [];
  const skew = skewWarning(facts.clientVersion, facts.serverVersion);
  if (skew) warnings.push(skew);
  const nodes = [...new Set(pods.map((pod) => pod.nodeName).filter((node): node is string => node !== undefined))];
  if (edge.volumes.apps.kind === 'hostPath' && nodes.length > 1) {
    warnings.push(`the Edge runs on ${nodes.length} nodes (${nodes.join(', ')}) with a hostPath folder each; the installer writes the one on ${nodes[0]}`);
  }
  const base = { layout, ...(nodes[0] ? { node: nodes[0] } : {}), warnings };
  if (edge.digest === digest) return { ...base, noop: true, switch: 'reload', reason: `the Edge already serves content ${digest}`, keepRoutes: false, pods: [] };
  if (pods.length === 0) return { ...base, noop: false, switch: 'restart', reason: 'no running Edge pod to reload', keepRoutes: false, pods: [] };
  if (!facts.canExec) {
    return { ...base, noop: false, switch: 'restart', reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place', keepRoutes: false, pods: [] };
  }
  return {
    ...base,
    noop: false,
    switch: 'reload',
    reason:
      layout === 'copy'
        ? `pods/exec is granted: the files are copied into ${pods.length} running Edge container(s) and nginx reloaded, no restart`
        : `pods/exec is granted: the Edge reads the host folder directly, nginx is tested and reloaded in ${pods.length} container(s), no restart`,
    keepRoutes: layout === 'direct',
    pods: pods.map((pod) => pod.name),
  };
}
