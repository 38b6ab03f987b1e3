import type { VolumeSource } from './edge-volumes.js';
import type { Payload } from './payload.js';
import { shortDigest } from './payload.js';

/**
 * The Kubernetes objects of a rollout, built as typed values and serialized to JSON for
 * `kubectl apply -f -` (no YAML templating, so no value can change a manifest's structure).
 */

export const MANAGED_BY = 'quick-launcher-actions';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_DIGEST = 'quick-launcher.cloud-pipeline/digest';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
/** On the Edge deployment: the content digest that is live. */
export const ANNOTATION_DIGEST = 'quick-launcher.cloud-pipeline/content-digest';

export type KubeObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown } };

/** Where the Job mounts things (the sandbox's node simulator rewrites these paths too). */
const MOUNT = { host: '/quick-launcher/host', index: '/quick-launcher/index', payload: '/quick-launcher/payload', certs: '/etc/edge/pki' } as const;

/** Names derived from the content digest: the same content always has the same objects. */
export function objectNames(prefix: string, digest: string): { index: string; object: (id: string) => string; job: (mode: 'install' | 'restore') => string } {
  const short = shortDigest(digest);
  return {
    index: `${prefix}-${short}-index`,
    object: (id) => `${prefix}-${short}-${id}`,
    job: (mode) => `${prefix}-${mode}-${short}`,
  };
}

function labels(digest: string, component: string): Record<string, string> {
  return { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_DIGEST]: shortDigest(digest), [LABEL_COMPONENT]: component };
}

/** The payload objects: the index ConfigMap (index, script), then one ConfigMap/Secret per chunk group. */
export function payloadObjects(payload: Payload, options: { namespace: string; prefix: string; script: string }): KubeObject[] {
  const names = objectNames(options.prefix, payload.digest);
  const index: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.index, namespace: options.namespace, labels: labels(payload.digest, 'payload') },
    data: { index: payload.installerIndex, 'install.sh': options.script, 'index.json': JSON.stringify(payload.index) },
  };
  const chunks = payload.objects.map((object): KubeObject => {
    const data = Object.fromEntries(Object.entries(object.data).map(([key, bytes]) => [key, bytes.toString('base64')]));
    const metadata = { name: names.object(object.id), namespace: options.namespace, labels: labels(payload.digest, 'payload') };
    return object.secret
      ? { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data }
      : { apiVersion: 'v1', kind: 'ConfigMap', metadata, binaryData: data };
  });
  return [index, ...chunks];
}

/** What the installer Job needs to know about the Edge. */
export interface JobOptions {
  namespace: string;
  prefix: string;
  mode: 'install' | 'restore';
  image: string;
  /** Used only when no running Edge pod gives a node. */
  nodeSelector: Record<string, string>;
  /** The node of the running Edge pod: the Job runs there (its host folder, its PVC attachment). */
  nodeName?: string;
  /** The volume behind the Edge's external-apps mount. */
  apps: VolumeSource;
  /** The Edge's certificates, mounted read-only where the server blocks name them, for the certificate rule and `nginx -t`. */
  pki?: VolumeSource;
  /** QL_KEEP_ROUTES: the host folder is the live one (direct layout, reload path). */
  keepRoutes?: boolean;
  keepBackups: number;
  /** Taken from the Edge deployment so the Job can run where the Edge runs and pull its image. */
  tolerations?: unknown[];
  imagePullSecrets?: unknown[];
  /** Seconds after which a stuck installer is stopped. */
  activeDeadlineSeconds: number;
}

/** A Job volume and its mount for a source the Edge uses. */
function mountOf(name: string, source: VolumeSource, mountPath: string, readOnly: boolean): { volume: unknown; mount: unknown } {
  if (source.kind === 'hostPath') {
    return { volume: { name, hostPath: { path: source.path, ...(readOnly ? {} : { type: 'DirectoryOrCreate' }) } }, mount: { name, mountPath, ...(readOnly ? { readOnly } : {}) } };
  }
  return {
    volume: { name, persistentVolumeClaim: { claimName: source.claimName, ...(readOnly ? { readOnly } : {}) } },
    mount: { name, mountPath, ...(source.subPath ? { subPath: source.subPath } : {}), ...(readOnly ? { readOnly } : {}) },
  };
}

/** The installer (or restore) Job for a payload, on the Edge's node with the Edge's volumes. */
export function installerJob(payload: Payload, options: JobOptions): KubeObject {
  const names = objectNames(options.prefix, payload.digest);
  const payloadIds = options.mode === 'install' ? payload.objects.map((object) => object.id) : [];
  const host = mountOf('host', options.apps, MOUNT.host, false);
  const volumes: unknown[] = [
    host.volume,
    { name: 'index', configMap: { name: names.index } },
    ...payload.objects
      .filter((object) => payloadIds.includes(object.id))
      .map((object) => (object.secret ? { name: object.id, secret: { secretName: names.object(object.id) } } : { name: object.id, configMap: { name: names.object(object.id) } })),
  ];
  const mounts: unknown[] = [
    host.mount,
    { name: 'index', mountPath: MOUNT.index, readOnly: true },
    ...payloadIds.map((id) => ({ name: id, mountPath: `${MOUNT.payload}/${id}`, readOnly: true })),
  ];
  if (options.pki) {
    const pki = mountOf('certs', options.pki, MOUNT.certs, true);
    volumes.push(pki.volume);
    mounts.push(pki.mount);
  }
  const env = [
    { name: 'QL_HOST', value: MOUNT.host },
    { name: 'QL_INDEX', value: `${MOUNT.index}/index` },
    { name: 'QL_PAYLOAD_DIRS', value: payloadIds.map((id) => `${MOUNT.payload}/${id}`).join(' ') },
    { name: 'QL_DIGEST', value: payload.digest },
    { name: 'QL_KEEP', value: String(options.keepBackups) },
    { name: 'QL_PKI', value: MOUNT.certs },
    { name: 'QL_KEEP_ROUTES', value: options.keepRoutes ? '1' : '0' },
  ];
  const podLabels = { ...labels(payload.digest, `installer-${options.mode}`) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: names.job(options.mode), namespace: options.namespace, labels: podLabels },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: options.activeDeadlineSeconds,
      // Dropped by 1.15 servers (TTLAfterFinished off); the deploy removes old Jobs itself.
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels: podLabels },
        spec: {
          restartPolicy: 'Never',
          ...(options.nodeName ? { nodeName: options.nodeName } : { nodeSelector: options.nodeSelector }),
          ...(options.tolerations && options.tolerations.length > 0 ? { tolerations: options.tolerations } : {}),
          ...(options.imagePullSecrets && options.imagePullSecrets.length > 0 ? { imagePullSecrets: options.imagePullSecrets } : {}),
          containers: [
            {
              name: 'installer',
              image: options.image,
              command: ['sh', `${MOUNT.index}/install.sh`, options.mode],
              env,
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
}

/** A `coordination.k8s.io` Lease held by one deploy. */
export function leaseObject(options: { name: string; namespace: string; holder: string; durationSeconds: number; now: Date; resourceVersion?: string; acquireTime?: string }): KubeObject {
  const micro = options.now.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      ...(options.resourceVersion ? { resourceVersion: options.resourceVersion } : {}),
    },
    spec: { holderIdentity: options.holder, leaseDurationSeconds: options.durationSeconds, acquireTime: options.acquireTime ?? micro, renewTime: micro },
  };
}

/** Objects as one `kind: List` JSON document for a single kubectl call (the dry run's diff). */
export function listDocument(objects: readonly KubeObject[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}
