import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import type { JsonObject } from './json.js';
import type { EdgeLayout } from './profiles.js';
import { resourceOfKind } from './resources.js';
import { workloadMounts, type MountResolver } from './volumes.js';

/** What `seedEdge` creates; every field has the upstream default. */
export interface EdgeSeedOptions {
  namespace?: string;
  /** Deployment name: `cp-edge`, or `cp-edge-<region>` for an additional region (dpl file line 4). */
  deployment?: string;
  image?: string;
  /**
   * Node selector of the Edge. Default: `cloud-pipeline/cp-edge=true` plus
   * `cloud-pipeline/region=<region>`, as every upstream Edge file has it.
   */
  nodeSelector?: Record<string, string>;
  /** Host path of the external apps (`/opt/edge/external-apps`; classic and additional region). */
  hostPath?: string;
  /** Host path of the Edge certificates (`/opt/edge/pki`; classic and additional region). */
  pkiPath?: string;
  /** An unrelated external app placed in the external-apps folder: file name -> content. */
  unrelatedApp?: { file: string; content: string };
  /** `$CP_CLOUD_REGION_ID` (default: the profile's region). */
  region?: string;
  /** The Edge Service's `cloud-pipeline/external-host` label (the sandbox puts 127.0.0.1). */
  externalHost?: string;
  /** The Edge Service's `cloud-pipeline/external-port` label (the sandbox puts its nginx port). */
  externalPort?: string | number;
  /** Which upstream Deployment file the Edge is shaped like (default: the profile's). */
  layout?: EdgeLayout;
}

/** What `seedEdge` resolved and where the Edge's folders are. */
export interface SeededEdge extends Required<EdgeSeedOptions> {
  /** The local folder behind the Edge's external-apps mount (host path or claim subPath). */
  appsDir: string;
  /** The local folder behind the Edge's `/opt/edge/pki` mount. */
  pkiDir: string;
  /** The Edge Service's name. */
  service: string;
}

/** Defaults shared with the deploy action's inputs. */
const EDGE_DEFAULTS = {
  namespace: 'default',
  deployment: 'cp-edge',
  image: 'lifescience/cloud-pipeline:edge-test',
  nodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
  hostPath: '/opt/edge/external-apps',
  pkiPath: '/opt/edge/pki',
  unrelatedApp: {
    file: 'other-app.conf',
    content: 'server {\n    listen 8181;\n    server_name other-app.example.com;\n    location / {\n        return 200 "other app\\n";\n    }\n}\n',
  },
};

/** The claim the AWS-native services share (cp-system-fs-efs/resources/efs-pvc.yaml). */
const SYSTEM_CLAIM = 'cp-system-pvc';

type Mount = { mountPath: string; name: string; readOnly?: boolean; subPath?: string };

/** The pki mounts every Edge file has, in file order: mountPath, volume name, host path. */
const PKI = [
  ['/opt/api/pki', 'api-pki', '/opt/api/pki'],
  ['/opt/gitlab/pki', 'gitlab-pki', '/opt/gitlab/pki'],
  ['/opt/docker-registry/pki', 'docker-pki', '/opt/docker-registry/pki/'],
  ['/opt/idp/pki', 'idp-pki', '/opt/idp/pki/'],
] as const;

/** Mounts and volumes of the host-path layouts (cp-edge-dpl.yaml:50-114, -additional-region.yaml:56-112). */
function hostPathVolumes(o: Required<EdgeSeedOptions>, layout: EdgeLayout): { mounts: Mount[]; volumes: JsonObject[] } {
  const classic = layout === 'classic';
  const mounts: Mount[] = [
    { mountPath: '/var/log', name: 'edge-logs' },
    ...PKI.map(([mountPath, name]) => ({ mountPath, name, readOnly: true })),
    { mountPath: '/opt/edge/pki', name: 'edge-pki', readOnly: true },
    { mountPath: '/opt/common/pki', name: 'common-pki', readOnly: true },
    // Classic: read-only, copied into /etc/nginx/external-apps by init; additional region: read-write in place.
    classic ? { mountPath: '/etc/nginx/ext/external-apps', name: 'edge-external-apps', readOnly: true } : { mountPath: '/etc/nginx/external-apps', name: 'edge-external-apps' },
    classic ? { mountPath: '/opt/share-srv/pki', name: 'share-pki', readOnly: true } : { mountPath: '/opt/share-srv/pki', name: 'share-pki' },
    ...(classic ? [{ mountPath: '/etc/nginx/ext/external-locs', name: 'edge-external-locs', readOnly: true }] : []),
  ];
  const volumes: JsonObject[] = [
    { name: 'edge-logs', hostPath: { path: `/opt/edge/logs/${o.region}` } },
    ...PKI.map(([, name, path]) => ({ name, hostPath: { path } })),
    { name: 'edge-pki', hostPath: { path: o.pkiPath } },
    { name: 'common-pki', hostPath: { path: '/opt/common/pki' } },
    { name: 'edge-external-apps', hostPath: { path: o.hostPath } },
    { name: 'share-pki', hostPath: { path: '/opt/share-srv/pki' } },
    ...(classic ? [{ name: 'edge-external-locs', hostPath: { path: '/opt/edge/external-locs' } }] : []),
  ];
  return { mounts, volumes };
}

/** The single `cp-system` claim with a subPath per mount (cp-edge-dpl-awsn.yaml:50-93). */
function claimVolumes(o: Required<EdgeSeedOptions>): { mounts: Mount[]; volumes: JsonObject[] } {
  const sub = (mountPath: string, subPath: string, readOnly = true): Mount => ({ mountPath, subPath, name: 'cp-system', ...(readOnly ? { readOnly } : {}) });
  return {
    mounts: [
      sub('/var/log', `edge/logs/${o.region}`, false),
      sub('/opt/api/pki', 'api/pki'),
      sub('/opt/gitlab/pki', 'gitlab/pki'),
      sub('/opt/docker-registry/pki', 'docker-registry/pki'),
      sub('/opt/idp/pki', 'idp/pki'),
      sub('/opt/edge/pki', 'edge/pki'),
      sub('/opt/common/pki', 'common/pki'),
      sub('/etc/nginx/ext/external-apps', 'edge/external-apps'),
      sub('/opt/share-srv/pki', 'share-srv/pki'),
    ],
    volumes: [{ name: 'cp-system', persistentVolumeClaim: { claimName: SYSTEM_CLAIM } }],
  };
}

/** The Edge Deployment shaped like the upstream file of its layout. */
function edgeDeployment(options: Required<EdgeSeedOptions>): JsonObject {
  const layout = options.layout;
  const labels: Record<string, string> = { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/role': 'EDGE', 'cloud-pipeline/region': options.region };
  // The AWS-native file has no core-component label (dpl-awsn.yaml:16-19).
  const templateLabels = layout === 'aws-native' ? { ...labels } : { ...labels, 'cloud-pipeline/core-component': 'Deployment' };
  const { mounts, volumes } = layout === 'aws-native' ? claimVolumes(options) : hostPathVolumes(options, layout);
  const env: JsonObject[] = [
    { name: 'NODE_OPTIONS', value: '--max_old_space_size=4096' },
    { name: 'CP_EDGE_REGION', value: options.region },
  ];
  if (layout === 'additional-region') {
    env.push(
      { name: 'EDGE_EXTERNAL', value: `${String(options.externalHost)}:${String(options.externalPort)}` },
      { name: 'CP_EDGE_EXTERNAL_HOST', value: String(options.externalHost) },
      { name: 'CP_EDGE_EXTERNAL_PORT', value: String(options.externalPort) },
    );
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: options.deployment, namespace: options.namespace },
    spec: {
      selector: { matchLabels: { ...labels } },
      replicas: 1,
      template: {
        metadata: { namespace: options.namespace, labels: templateLabels },
        spec: {
          nodeSelector: options.nodeSelector,
          tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
          ...(layout === 'aws-native' ? { serviceAccountName: 'cp-main-service' } : {}),
          containers: [
            {
              name: 'cp-edge',
              image: options.image,
              imagePullPolicy: 'Always',
              command: ['/init'],
              env,
              envFrom: [{ configMapRef: { name: 'cp-config-global' } }],
              // A liveness probe only: no readiness probe, so the pod is Ready once the container starts.
              livenessProbe: { exec: { command: ['/bin/sh', '-c', '/liveness.sh'] }, initialDelaySeconds: 30, periodSeconds: 15, failureThreshold: 4 },
              volumeMounts: mounts,
            },
          ],
          dnsConfig: { options: [{ name: 'ndots', value: '1' }] },
          volumes,
          imagePullSecrets: [{ name: 'cp-distr-docker-registry-secret' }],
        },
      },
    },
  };
}

/**
 * The Edge Service as cp-edge-svc-node-port.yaml (host-path layouts) or the first object of
 * cp-edge-svc-elb.yaml (AWS-native), with the labels pipectl adds once the Edge runs
 * (install.sh:874-884) and sync-routes reads (sync-routes.py:73-77).
 */
function edgeService(options: Required<EdgeSeedOptions>): JsonObject {
  const nodePort = options.layout !== 'aws-native';
  const port = (number: number, target: number, name: string): JsonObject => ({ protocol: 'TCP', ...(nodePort ? { nodePort: number } : {}), port: number, targetPort: target, name });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: options.deployment,
      namespace: options.namespace,
      labels: {
        'cloud-pipeline/cp-edge': 'true',
        'cloud-pipeline/role': 'EDGE',
        'cloud-pipeline/region': options.region,
        'cloud-pipeline/external-host': String(options.externalHost),
        'cloud-pipeline/external-port': String(options.externalPort),
        'cloud-pipeline/external-scheme': 'https',
      },
    },
    spec: {
      ports: [port(31081, 8080, 'cp-edge-port-https'), port(31091, 8181, 'cp-edge-port-web'), port(31092, 8282, 'cp-edge-port-connect')],
      ...(nodePort ? { type: 'NodePort' } : {}),
      selector: { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/region': options.region },
    },
  };
}

/** The AWS-native system claim, Bound (cp-system-fs-efs/resources/efs-pvc.yaml). */
function systemClaim(namespace: string): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: SYSTEM_CLAIM, namespace },
    spec: { accessModes: ['ReadWriteMany'], storageClassName: 'efs-sc', resources: { requests: { storage: '500Gi' } }, volumeName: 'cp-system-pv', volumeMode: 'Filesystem' },
  };
}

/** Resolves the seed options of a layout and region. */
export function resolveSeed(options: EdgeSeedOptions, layout: EdgeLayout, region: string): Required<EdgeSeedOptions> {
  const resolvedRegion = options.region ?? region;
  const resolvedLayout = options.layout ?? layout;
  return {
    ...EDGE_DEFAULTS,
    deployment: resolvedLayout === 'additional-region' ? `cp-edge-${resolvedRegion}` : EDGE_DEFAULTS.deployment,
    nodeSelector: { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/region': resolvedRegion },
    externalHost: '127.0.0.1',
    externalPort: '443',
    ...options,
    region: resolvedRegion,
    layout: resolvedLayout,
  };
}

/** What seeding needs from the stand-in. */
export interface SeedContext {
  api: KubeApi;
  resolver: MountResolver;
  /** Labels the Edge node as pipectl does (install.sh:296-298). */
  labelNode(labels: Record<string, string>): void;
  settled(namespace: string, name: string): Promise<void>;
}

/**
 * Seeds what a Cloud Pipeline cluster has before the deploy: namespace, the global ConfigMap,
 * the labelled Edge node, the system claim (AWS-native), the Edge Deployment shaped like the
 * upstream file of the layout, its Service, and one unrelated external app already in the Edge's
 * external-apps folder. Resolves once the Edge rollout has settled.
 */
export async function seedEdge(context: SeedContext, resolved: Required<EdgeSeedOptions>): Promise<SeededEdge> {
  const { api } = context;
  if (!api.store.get(resourceOfKind('Namespace'), '', resolved.namespace)) {
    api.create(resourceOfKind('Namespace'), '', { metadata: { name: resolved.namespace } });
  }
  context.labelNode({ 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/role': 'EDGE', 'cloud-pipeline/region': resolved.region });
  if (resolved.layout === 'aws-native' && !api.store.get(resourceOfKind('PersistentVolumeClaim'), resolved.namespace, SYSTEM_CLAIM)) {
    api.create(resourceOfKind('PersistentVolumeClaim'), resolved.namespace, systemClaim(resolved.namespace));
    api.mutate(resourceOfKind('PersistentVolumeClaim'), resolved.namespace, SYSTEM_CLAIM, (live) => {
      live.status = { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '500Gi' } };
    });
  }
  const deployment = edgeDeployment(resolved);
  const mounts = workloadMounts(deployment, context.resolver);
  for (const mount of mounts) mkdirSync(mount.local, { recursive: true });
  const apps = mounts.find((mount) => mount.mountPath === '/etc/nginx/ext/external-apps' || mount.mountPath === '/etc/nginx/external-apps');
  const pki = mounts.find((mount) => mount.mountPath === '/opt/edge/pki');
  if (!apps || !pki) throw new Error('the seeded Edge has no external-apps or pki mount');
  writeFileSync(join(apps.local, resolved.unrelatedApp.file), resolved.unrelatedApp.content);
  if (!api.store.get(resourceOfKind('ConfigMap'), resolved.namespace, 'cp-config-global')) {
    api.create(resourceOfKind('ConfigMap'), resolved.namespace, {
      metadata: { name: 'cp-config-global' },
      data: { CP_EDGE_CERT_DIR: resolved.pkiPath, CP_EDGE_WEB_INTERNAL_PORT: '31091' },
    });
  }
  // pipectl creates the Edge with `kubectl create -f` (install-utils.sh create_kube_resource).
  api.create(resourceOfKind('Deployment'), resolved.namespace, deployment, { fieldManager: 'kubectl-create' });
  const service = edgeService(resolved);
  if (!api.store.get(resourceOfKind('Service'), resolved.namespace, String((service.metadata as JsonObject).name))) {
    api.create(resourceOfKind('Service'), resolved.namespace, service, { fieldManager: 'kubectl-create' });
  }
  await context.settled(resolved.namespace, resolved.deployment);
  return { ...resolved, appsDir: apps.local, pkiDir: pki.local, service: resolved.deployment };
}
