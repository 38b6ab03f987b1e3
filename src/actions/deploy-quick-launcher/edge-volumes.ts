import { InputError } from '../../lib/errors.js';

/**
 * Where the Edge reads its external apps, found in the live Deployment rather than assumed
 * (docs/upstream-contract.md#the-deploy): the classic and AWS-native Edges mount the folder read-only
 * at /etc/nginx/ext/external-apps and `init` copies it to /etc/nginx/external-apps at each start
 * (cp-edge-dpl.yaml:71-73, cp-edge-dpl-awsn.yaml:78-81, init:147-151); an additional region mounts
 * the host folder read-write straight at /etc/nginx/external-apps (cp-edge-dpl-additional-region.yaml:77-78).
 */
const COPY_MOUNT = '/etc/nginx/ext/external-apps';
const LIVE_DIR = '/etc/nginx/external-apps';
/** The Edge's certificates (cp-edge-dpl.yaml:65-67), copied to /etc/edge/pki at start (init:158-168). */
const PKI_MOUNT = '/opt/edge/pki';

/** A volume the installer Job mounts to reach the same files as the Edge. */
export type VolumeSource = { kind: 'hostPath'; path: string } | { kind: 'pvc'; claimName: string; subPath?: string };

/** `copy`: the Edge works on its own copy of the folder; `direct`: the folder is the live one. */
export type EdgeLayout = 'copy' | 'direct';

export interface EdgeVolumes {
  layout: EdgeLayout;
  /** Where the Edge container sees the folder. */
  mountPath: string;
  apps: VolumeSource;
  /** The certificates' volume, if the Edge mounts one at /opt/edge/pki. */
  pki?: VolumeSource;
  /** The `edge-host-path` input disagrees with the live Deployment (which wins). */
  warning?: string;
}

interface MountSpec {
  name?: string;
  mountPath?: string;
  subPath?: string;
}
interface VolumeSpec {
  name?: string;
  hostPath?: { path?: string };
  persistentVolumeClaim?: { claimName?: string };
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

function joinPath(base: string, sub: string | undefined): string {
  return sub ? `${trimSlash(base)}/${sub.replace(/^\/+/, '')}` : trimSlash(base);
}

/** The volume behind one mount of the container, as a source the Job can mount; undefined if none or unusable. */
function sourceOf(mount: MountSpec, volumes: readonly VolumeSpec[]): VolumeSource | undefined {
  const volume = volumes.find((candidate) => candidate.name === mount.name);
  if (volume?.hostPath?.path) return { kind: 'hostPath', path: joinPath(volume.hostPath.path, mount.subPath) };
  if (volume?.persistentVolumeClaim?.claimName) {
    return { kind: 'pvc', claimName: volume.persistentVolumeClaim.claimName, ...(mount.subPath ? { subPath: mount.subPath } : {}) };
  }
  return undefined;
}

/** How a source reads in the log: `hostPath /opt/edge/external-apps`, `PVC cp-system-pvc subPath edge/external-apps`. */
export function describeSource(source: VolumeSource): string {
  return source.kind === 'hostPath' ? `hostPath ${source.path}` : `PVC ${source.claimName}${source.subPath ? ` subPath ${source.subPath}` : ''}`;
}

/**
 * Finds the Edge container's external-apps and pki volumes (pure). `expectedHostPath` is the
 * `edge-host-path` input: only a hint (the live Deployment wins; a different hostPath is a
 * warning). No usable volume at either mount path is an InputError naming `edge-host-path`.
 */
export function findEdgeVolumes(container: { volumeMounts?: MountSpec[] }, volumes: readonly VolumeSpec[], expectedHostPath: string): EdgeVolumes {
  const mounts = container.volumeMounts ?? [];
  for (const [mountPath, layout] of [
    [COPY_MOUNT, 'copy'],
    [LIVE_DIR, 'direct'],
  ] as const) {
    const mount = mounts.find((candidate) => candidate.mountPath !== undefined && trimSlash(candidate.mountPath) === mountPath);
    if (!mount) continue;
    const apps = sourceOf(mount, volumes);
    if (!apps) {
      throw new InputError('edge-host-path', `the Edge mounts volume '${mount.name ?? ''}' at ${mountPath}, but it is neither a hostPath nor a persistentVolumeClaim; the installer cannot reach it`);
    }
    const warning =
      apps.kind === 'hostPath' && trimSlash(expectedHostPath) !== apps.path
        ? `'edge-host-path' is ${expectedHostPath}, but the Edge mounts hostPath ${apps.path} at ${mountPath}: the deploy installs into ${apps.path}, where the Edge reads`
        : undefined;
    const pkiMount = mounts.find((candidate) => candidate.mountPath !== undefined && trimSlash(candidate.mountPath) === PKI_MOUNT);
    const pki = pkiMount ? sourceOf(pkiMount, volumes) : undefined;
    return { layout, mountPath, apps, ...(pki ? { pki } : {}), ...(warning ? { warning } : {}) };
  }
  throw new InputError(
    'edge-host-path',
    `the Edge container mounts nothing at ${COPY_MOUNT} or ${LIVE_DIR} (its mounts: ${mounts.map((mount) => mount.mountPath).join(', ') || 'none'}); the deploy cannot tell where the Edge reads its external apps`,
  );
}
