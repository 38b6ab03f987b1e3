import { join } from 'node:path';
import type { LocalMount } from '../kubernetes/volumes.js';
import type { VolumeMount } from './container.js';
import { EDGE_PATHS } from './image.js';

/**
 * How the Edge container reads external apps: `copy` (classic, cp-edge-dpl.yaml:71-73,106-108,
 * and AWS-native, cp-edge-dpl-awsn.yaml:78-81: the volume is mounted read-only at
 * /etc/nginx/ext/external-apps and init copies it at each start) or `direct` (additional region,
 * cp-edge-dpl-additional-region.yaml:77-78,107-109: the volume is /etc/nginx/external-apps).
 */
export type EdgeLayout = 'copy' | 'direct';

export function edgeLayoutOf(mounts: readonly LocalMount[]): EdgeLayout {
  return mounts.some((mount) => mount.mountPath === EDGE_PATHS.externalApps) ? 'direct' : 'copy';
}

/** The local folder of the volume that backs the external apps, in either layout. */
export function externalAppsVolume(mounts: readonly LocalMount[]): string | undefined {
  return mounts.find((mount) => mount.mountPath === EDGE_PATHS.externalApps || mount.mountPath === EDGE_PATHS.externalAppsMount)?.local;
}

/** The classic layout's mounts over a node folder (for an Edge started without a cluster). */
export function classicMounts(nodeRoot: string): VolumeMount[] {
  return [
    { mountPath: EDGE_PATHS.externalAppsMount, local: join(nodeRoot, 'opt/edge/external-apps'), readOnly: true },
    { mountPath: '/opt/edge/pki', local: join(nodeRoot, 'opt/edge/pki'), readOnly: true },
  ];
}
