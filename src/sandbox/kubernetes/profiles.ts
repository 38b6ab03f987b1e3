import type { JsonObject } from './json.js';

/**
 * The clusters Cloud Pipeline really installs:
 * - `classic`: pipectl's kubeadm cluster, Kubernetes v1.15.4, Edge on host paths (`cp-edge-dpl.yaml`);
 * - `additional-region`: the same cluster version, the Edge of an additional region
 *   (`cp-edge-dpl-additional-region.yaml`: external apps mounted read-write);
 * - `aws-native`: EKS 1.31, the Edge on the `cp-system-pvc` claim (`cp-edge-dpl-awsn.yaml`);
 * - `current`: a current upstream Kubernetes (v1.33) with the classic Edge layout.
 */
export type ClusterProfile = 'classic' | 'additional-region' | 'aws-native' | 'current';

export const CLUSTER_PROFILES: readonly ClusterProfile[] = ['classic', 'additional-region', 'aws-native', 'current'];

/** Which of the three upstream Edge Deployment files a profile's Edge is shaped like. */
export type EdgeLayout = 'classic' | 'additional-region' | 'aws-native';

/** What differs between the profiles, as the server shows it. */
export interface ProfileTraits {
  profile: ClusterProfile;
  /** What `/version` answers (apimachinery `version.Info`, empty fields left out). */
  version: JsonObject;
  /** The server's minor version (15, 31, 33). */
  minor: number;
  /** `application/apply-patch+yaml` accepted (ServerSideApply: alpha and off in 1.15, GA since 1.22). */
  serverSideApply: boolean;
  /** `spec.ttlSecondsAfterFinished` of a Job kept (TTLAfterFinished: alpha and off in 1.15). */
  jobTtl: boolean;
  /** `pods/exec` over WebSocket with `v5.channel.k8s.io` (since 1.30); otherwise only SPDY/3.1. */
  execWebSocketV5: boolean;
  /** Discovery fills `singularName` (empty before 1.27). */
  singularNames: boolean;
  /** The Edge Deployment file seeded. */
  edgeLayout: EdgeLayout;
  /** The Edge's region (`$CP_CLOUD_REGION_ID`), seeded on the Edge, its Service and its node. */
  region: string;
  /** What nodes report as `status.nodeInfo.kubeletVersion`. */
  kubeletVersion: string;
}

/** kubeadm `kubernetesVersion: v1.15.4` (cloud-pipeline deploy/contents/k8s/kube-system/kubeadm-init-config.yaml:8). */
const V1_15_4 = {
  major: '1',
  minor: '15',
  gitVersion: 'v1.15.4',
  gitCommit: '67d2fcf276fcd9cf743ad4be9a9ef5828adc082f',
  gitTreeState: 'clean',
  buildDate: '2019-09-18T14:41:55Z',
  goVersion: 'go1.12.9',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/**
 * EKS reports a `+` minor and a `-eks-<hash>` gitVersion. 1.31: the first EKS minors where the
 * apiserver's WebSocket stream translator (v5, beta and on since 1.30) serves `kubectl exec`.
 */
const EKS_1_31 = {
  major: '1',
  minor: '31+',
  gitVersion: 'v1.31.4-eks-2d5f260',
  gitCommit: '2d5f260a3b9bd8a0d8bd7a2b8c0fa6a4be4e0d52',
  gitTreeState: 'clean',
  buildDate: '2024-12-17T21:37:07Z',
  goVersion: 'go1.22.10',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Since 1.33 `/version` also reports the emulated and minimum compatibility versions. */
const V1_33 = {
  major: '1',
  minor: '33',
  emulationMajor: '1',
  emulationMinor: '33',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '32',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:19:08Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const TRAITS: Record<ClusterProfile, ProfileTraits> = {
  classic: { profile: 'classic', version: V1_15_4, minor: 15, serverSideApply: false, jobTtl: false, execWebSocketV5: false, singularNames: false, edgeLayout: 'classic', region: 'eu-central-1', kubeletVersion: 'v1.15.4' },
  'additional-region': { profile: 'additional-region', version: V1_15_4, minor: 15, serverSideApply: false, jobTtl: false, execWebSocketV5: false, singularNames: false, edgeLayout: 'additional-region', region: 'eu-west-1', kubeletVersion: 'v1.15.4' },
  'aws-native': { profile: 'aws-native', version: EKS_1_31, minor: 31, serverSideApply: true, jobTtl: true, execWebSocketV5: true, singularNames: true, edgeLayout: 'aws-native', region: 'eu-central-1', kubeletVersion: 'v1.31.4-eks-aeac579' },
  current: { profile: 'current', version: V1_33, minor: 33, serverSideApply: true, jobTtl: true, execWebSocketV5: true, singularNames: true, edgeLayout: 'classic', region: 'eu-central-1', kubeletVersion: 'v1.33.1' },
};

/** The traits of a profile; throws naming the profile when it is unknown. */
export function profileTraits(profile: string): ProfileTraits {
  if (!(CLUSTER_PROFILES as readonly string[]).includes(profile)) {
    throw new Error(`unknown cluster profile '${profile}' (one of: ${CLUSTER_PROFILES.join(', ')})`);
  }
  return TRAITS[profile as ClusterProfile];
}
