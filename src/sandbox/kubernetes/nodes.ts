import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import type { JsonObject } from './json.js';
import { matchesLabels, requirementsOfSelector } from './selectors.js';
import { resourceOfKind } from './resources.js';

/** A simulated node: its labels and the local folder standing for its root filesystem. */
export interface NodeConfig {
  name: string;
  labels?: Record<string, string>;
  /** Local folder whose sub-folders stand for the node's host paths; a temp folder when omitted. */
  root?: string;
}

/** A node with its root resolved. */
export interface SimNode {
  name: string;
  labels: Record<string, string>;
  root: string;
}

/** Resolves node roots (creating them) and registers Node objects. */
export function registerNodes(api: KubeApi, nodes: NodeConfig[], workDir: string, kubeletVersion = 'v1.33.1'): SimNode[] {
  return nodes.map((node) => {
    const root = node.root ?? join(workDir, 'nodes', node.name);
    mkdirSync(root, { recursive: true });
    const labels = { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...node.labels };
    api.create(resourceOfKind('Node'), '', { metadata: { name: node.name, labels }, spec: {} });
    // The kubelet reports its status through the status subresource once registered.
    api.mutate(resourceOfKind('Node'), '', node.name, (live) => {
      live.status = {
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: node.name }],
        nodeInfo: { kubeletVersion, kubeProxyVersion: kubeletVersion, operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'sandbox://1.0' },
      };
    });
    return { name: node.name, labels, root };
  });
}

/**
 * Sets labels on a node, as pipectl does for the Edge node (`kubectl label nodes … --overwrite`):
 * on the Node object and on the simulator's copy the scheduler reads.
 */
export function labelNode(api: KubeApi, node: SimNode, labels: Record<string, string>): void {
  Object.assign(node.labels, labels);
  api.mutate(resourceOfKind('Node'), '', node.name, (live) => {
    const metadata = live.metadata as JsonObject;
    metadata.labels = { ...(metadata.labels as Record<string, string> | undefined), ...labels };
  });
}

/** The first node a pod spec may run on (nodeName, then nodeSelector), if any. */
export function scheduleOn(nodes: SimNode[], podSpec: JsonObject): SimNode | undefined {
  const requirements = requirementsOfSelector({ matchLabels: podSpec.nodeSelector ?? {} });
  return nodes.find((node) => (podSpec.nodeName === undefined || podSpec.nodeName === node.name) && matchesLabels(requirements, node.labels));
}

/** kube-scheduler's message when no node fits. */
export function unschedulableMessage(nodes: SimNode[]): string {
  return `0/${nodes.length} nodes are available: ${nodes.length} node(s) didn't match Pod's node affinity/selector. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
}
