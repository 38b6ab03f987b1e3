import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeApi } from './api.js';
import { DeploymentController, type Readiness, type RolloutHook } from './deployment-controller.js';
import type { ExecHandler } from './exec-handler.js';
import { localExecHandler } from './exec-local.js';
import { JobController } from './job-controller.js';
import type { JsonObject } from './json.js';
import { kubeconfigText } from './kubeconfig.js';
import { labelNode, registerNodes, type NodeConfig, type SimNode } from './nodes.js';
import { profileTraits, type ClusterProfile, type ProfileTraits } from './profiles.js';
import type { DenyRule } from './rbac.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { resourceOfKind } from './resources.js';
import { resolveSeed, seedEdge, type EdgeSeedOptions, type SeededEdge } from './seed.js';
import { listen } from './server.js';
import { ObjectStore } from './store.js';
import { selfSignedLoopbackCertificate } from './tls.js';
import { workloadMounts, type MountResolver, type WorkloadMount } from './volumes.js';

export type { DenyRule } from './rbac.js';
export type { RequestRecord } from './request-log.js';
export type { NodeConfig } from './nodes.js';
export type { Readiness, RolloutHook, RolloutContext } from './deployment-controller.js';
export type { EdgeSeedOptions, SeededEdge } from './seed.js';
export { hostPathMounts, type MountResolver, type WorkloadMount } from './volumes.js';
export type { ExecHandler, ExecRequest } from './exec-handler.js';
export { CLUSTER_PROFILES, profileTraits, type ClusterProfile, type ProfileTraits } from './profiles.js';

/** The Edge node of a profile, labelled as pipectl labels it (install.sh:296-298). */
export function edgeNodeFor(profile: ClusterProfile = 'current'): NodeConfig {
  return { name: 'cp-edge-node', labels: { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/role': 'EDGE', 'cloud-pipeline/region': profileTraits(profile).region } };
}

/** Options of `startKubernetesApi`; all optional. */
export interface KubernetesApiOptions {
  /**
   * The cluster imitated (default 'current', a v1.33 server): 'classic' and 'additional-region'
   * are v1.15.4 (no server-side apply, no Job TTL, exec only over SPDY), 'aws-native' is EKS 1.31
   * with the Edge on the `cp-system-pvc` claim.
   */
  profile?: ClusterProfile;
  /** Runs `kubectl exec` commands (default: a local process, see `localExecHandler`). */
  exec?: ExecHandler;
  /** Simulated nodes (default: one Edge-labelled node `cp-edge-node` of the profile's region). */
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
  /** The profile served and its traits. */
  profile: ClusterProfile;
  traits: ProfileTraits;
  /**
   * Seeds the Edge shaped like the profile's upstream Deployment file (namespace, node labels,
   * claim, Deployment, Service, unrelated external app); resolves when the rollout settled.
   */
  seedEdge(options?: EdgeSeedOptions & { node?: string }): Promise<SeededEdge>;
  /** The local folder of a PersistentVolumeClaim's volume (`<workDir>/pvc/<ns>/<claim>`), created. */
  pvcRoot(namespace: string, claim: string): string;
  /** How host paths (on a node, default the first) and claims map to local folders. */
  resolver(nodeName?: string): MountResolver;
  /** A Deployment's first container's hostPath and claim mounts, resolved (see `workloadMounts`). */
  workloadMounts(workload: JsonObject, nodeName?: string): WorkloadMount[];
  /** Installs who runs `kubectl exec` commands (undefined: back to the local process). */
  setExecHandler(handler: ExecHandler | undefined): void;
  /** The default exec handler (a local process), for a handler that serves only some pods. */
  localExec: ExecHandler;
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
  const profile = options.profile ?? 'current';
  const traits = profileTraits(profile);
  const store = new ObjectStore();
  const api = new KubeApi(store, traits);
  for (const namespace of ['default', 'kube-system', 'kube-public', 'kube-node-lease', ...(options.namespaces ?? [])]) {
    api.create(resourceOfKind('Namespace'), '', { metadata: { name: namespace } });
  }
  const nodes: SimNode[] = registerNodes(api, options.nodes ?? [edgeNodeFor(profile)], workDir, traits.kubeletVersion);
  const pvcRoot = (namespace: string, claim: string): string => {
    const folder = join(workDir, 'pvc', namespace, claim);
    mkdirSync(folder, { recursive: true });
    return folder;
  };
  const jobs = new JobController(api, nodes, workDir, pvcRoot);
  const deployments = new DeploymentController(api, nodes, options.onRollout, options.readiness ?? 'ready');
  const token = options.token ?? randomBytes(24).toString('hex');
  const user = options.user ?? 'system:serviceaccount:default:quick-launcher-deployer';
  let denyRules = options.rbac ?? [];
  const log = new RequestLog();
  const tls = options.tls === false ? undefined : selfSignedLoopbackCertificate();
  const simNode = (name?: string): SimNode => {
    const node = name === undefined ? nodes[0] : nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`no simulated node ${String(name)}`);
    return node;
  };
  const nodeRoot = (name?: string): string => simNode(name).root;
  const resolver = (nodeName?: string): MountResolver => ({ nodeRoot: nodeRoot(nodeName), pvcRoot });
  const localExec = localExecHandler(api, (nodeName) => resolver(nodes.some((node) => node.name === nodeName) ? nodeName : undefined), workDir);
  let execHandler: ExecHandler = options.exec ?? localExec;
  const context = {
    api,
    token: tls ? token : undefined,
    user,
    denyRules: () => denyRules,
    log,
    podLog: (ns: string, name: string) => jobs.podLog(ns, name),
    podFinished: (ns: string, name: string) => jobs.podFinished(ns, name),
    execHandler: () => execHandler,
  };
  const { server, url, endUpgrades } = await listen(context, options.port, tls);
  const kubeconfig = kubeconfigText({ server: url, token: tls ? token : undefined, certificateAuthority: tls?.certificate });
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
    profile,
    traits,
    seedEdge: ({ node, ...seed } = {}) =>
      seedEdge(
        { api, resolver: resolver(node), labelNode: (labels) => labelNode(api, simNode(node), labels), settled: (ns, name) => deployments.settled(ns, name) },
        resolveSeed(seed, traits.edgeLayout, traits.region),
      ),
    pvcRoot,
    resolver,
    workloadMounts: (workload, nodeName) => workloadMounts(workload, resolver(nodeName)),
    setExecHandler(handler) {
      execHandler = handler ?? localExec;
    },
    localExec,
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
      endUpgrades();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
