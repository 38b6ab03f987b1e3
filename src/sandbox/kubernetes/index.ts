import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeApi } from './api.js';
import { DeploymentController, type Readiness, type RolloutHook } from './deployment-controller.js';
import { JobController } from './job-controller.js';
import { kubeconfigText } from './kubeconfig.js';
import { registerNodes, type NodeConfig, type SimNode } from './nodes.js';
import type { DenyRule } from './rbac.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { resourceOfKind } from './resources.js';
import { seedEdge, type EdgeSeedOptions } from './seed.js';
import { listen } from './server.js';
import { ObjectStore } from './store.js';
import { selfSignedLoopbackCertificate } from './tls.js';

export type { DenyRule } from './rbac.js';
export type { RequestRecord } from './request-log.js';
export type { NodeConfig } from './nodes.js';
export type { Readiness, RolloutHook, RolloutContext } from './deployment-controller.js';
export type { EdgeSeedOptions } from './seed.js';
export { EDGE_DEFAULTS } from './seed.js';
export { hostPathMounts, type HostPathMount } from './volumes.js';

/** The default node: the labelled Edge node of a Cloud Pipeline cluster. */
export const EDGE_NODE: NodeConfig = { name: 'cp-edge-node', labels: { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/role': 'EDGE' } };

/** Options of `startKubernetesApi`; all optional. */
export interface KubernetesApiOptions {
  /** Simulated nodes (default: one Edge-labelled node `cp-edge-node`). */
  nodes?: NodeConfig[];
  /** Deny rules answered with 403 Forbidden (changeable later with `setDenyRules`). */
  rbac?: DenyRule[];
  /** Called on every Deployment rollout; the rollout completes when it resolves. */
  onRollout?: RolloutHook;
  /** Whether rollouts become ready (default `ready`; changeable later with `setReadiness`). */
  readiness?: Readiness;
  /** Bearer token the server requires (default: random). */
  token?: string;
  /**
   * Serve HTTPS with a throw-away self-signed certificate (default true). With `false` the server
   * is plain HTTP and requires no token: client-go never sends credentials over plain HTTP.
   */
  tls?: boolean;
  /** User name the token authenticates as (shown in 403 messages). */
  user?: string;
  /** Namespaces to create besides default, kube-system, kube-public, kube-node-lease. */
  namespaces?: string[];
  /** Port on 127.0.0.1 (default 0: a free port). */
  port?: number;
  /** Folder for node roots and pod folders (default: a new temp folder, removed on stop). */
  workDir?: string;
}

/** A running stand-in. */
export interface KubernetesApi {
  /** `https://127.0.0.1:<port>` (or `http://` with `tls: false`). */
  url: string;
  token: string;
  /** PEM of the server certificate (the kubeconfig's CA), undefined with `tls: false`. */
  certificateAuthority?: string;
  user: string;
  /** Kubeconfig text pointing at the server with the token (context `sandbox`, namespace default). */
  kubeconfig: string;
  /** Writes the kubeconfig (mode 0600) and returns the path. */
  writeKubeconfig(path: string): string;
  /** Every request served, in order. */
  requests(): RequestRecord[];
  /** POST/PUT/PATCH/DELETE requests without dryRun (access reviews excluded: they store nothing). */
  mutatingRequests(): RequestRecord[];
  /** Forgets the request log (mark the start of a counted phase). */
  clearRequests(): void;
  /** The local folder standing for a node's root filesystem (default: the first node). */
  nodeRoot(nodeName?: string): string;
  /** Seeds the Edge (namespace, `cp-edge` Deployment, unrelated external app); resolves when ready. */
  seedEdge(options?: EdgeSeedOptions & { node?: string }): Promise<Required<EdgeSeedOptions>>;
  setReadiness(readiness: Readiness): void;
  /** Replaces the rollout hook (for an embedder that starts after the stand-in). */
  setRolloutHook(hook: RolloutHook | undefined): void;
  setDenyRules(rules: DenyRule[]): void;
  /** Resolves when all Jobs and rollouts started so far have settled. */
  idle(): Promise<void>;
  /** The API semantics layer, for direct inspection in tests. */
  api: KubeApi;
  stop(): Promise<void>;
}

/** Starts the Kubernetes API stand-in with its node simulator and Deployment controller. */
export async function startKubernetesApi(options: KubernetesApiOptions = {}): Promise<KubernetesApi> {
  const ownWorkDir = options.workDir === undefined;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'kube-sandbox-'));
  const store = new ObjectStore();
  const api = new KubeApi(store);
  for (const namespace of ['default', 'kube-system', 'kube-public', 'kube-node-lease', ...(options.namespaces ?? [])]) {
    api.create(resourceOfKind('Namespace'), '', { metadata: { name: namespace } });
  }
  const nodes: SimNode[] = registerNodes(api, options.nodes ?? [EDGE_NODE], workDir);
  const jobs = new JobController(api, nodes, workDir);
  const deployments = new DeploymentController(api, nodes, options.onRollout, options.readiness ?? 'ready');
  const token = options.token ?? randomBytes(24).toString('hex');
  const user = options.user ?? 'system:serviceaccount:default:quick-launcher-deployer';
  let denyRules = options.rbac ?? [];
  const log = new RequestLog();
  const tls = options.tls === false ? undefined : selfSignedLoopbackCertificate();
  const context = { api, token: tls ? token : undefined, user, denyRules: () => denyRules, log, podLog: (ns: string, name: string) => jobs.podLog(ns, name), podFinished: (ns: string, name: string) => jobs.podFinished(ns, name) };
  const { server, url } = await listen(context, options.port, tls);
  const kubeconfig = kubeconfigText({ server: url, token: tls ? token : undefined, certificateAuthority: tls?.certificate });
  const nodeRoot = (name?: string): string => {
    const node = name === undefined ? nodes[0] : nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`no simulated node ${String(name)}`);
    return node.root;
  };
  return {
    url,
    token,
    certificateAuthority: tls?.certificate,
    user,
    kubeconfig,
    api,
    writeKubeconfig(path) {
      writeFileSync(path, kubeconfig, { mode: 0o600 });
      return path;
    },
    requests: () => log.all(),
    mutatingRequests: () => log.mutating(),
    clearRequests: () => log.clear(),
    nodeRoot,
    seedEdge: (seed = {}) => seedEdge(api, nodeRoot(seed.node), (ns, name) => deployments.settled(ns, name), seed),
    setReadiness(readiness) {
      deployments.readiness = readiness;
    },
    setRolloutHook(hook) {
      deployments.onRollout = hook;
    },
    setDenyRules(rules) {
      denyRules = rules;
    },
    async idle() {
      await Promise.all([jobs.idle(), deployments.idle()]);
    },
    async stop() {
      jobs.stop();
      deployments.stop();
      await jobs.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
