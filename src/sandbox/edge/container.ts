import { join } from 'node:path';
import { rewritePaths, type LocalMount } from '../kubernetes/volumes.js';

/** A volume mount of the container: where it is seen, its local folder, whether it is read-only. */
export interface VolumeMount extends LocalMount {
  readOnly?: boolean;
}

/**
 * The Edge container's filesystem as a local folder: `root` stands for `/`, and each volume mount
 * of the Edge Deployment (`/etc/nginx/ext/external-apps`, `/opt/edge/pki`, or
 * `/etc/nginx/external-apps` itself in the direct layout) for its local folder. Container paths in
 * argv, in scripts and in nginx configuration are translated by the same longest-prefix rule.
 */
export class ContainerFs {
  /** Top-level folders of the image that stand under `root` (what a container path may start with). */
  static readonly IMAGE_FOLDERS = ['/etc', '/var', '/tmp', '/opt', '/usr/local/openresty', '/root'];

  constructor(
    readonly root: string,
    readonly volumes: readonly VolumeMount[],
  ) {}

  /** Every container path prefix with its local folder, volumes first (they win when longer). */
  mounts(): LocalMount[] {
    return [...this.volumes, ...ContainerFs.IMAGE_FOLDERS.map((mountPath) => ({ mountPath, local: join(this.root, mountPath) }))];
  }

  /** The local path of a container path (`/etc/nginx/nginx.conf` -> `<root>/etc/nginx/nginx.conf`). */
  local(containerPath: string): string {
    const mount = this.volumeOf(containerPath);
    return mount ? join(mount.local, containerPath.slice(mount.mountPath.length)) : join(this.root, containerPath);
  }

  /** The volume a container path lies on, if any. */
  volumeOf(containerPath: string): LocalMount | undefined {
    return [...this.volumes]
      .sort((a, b) => b.mountPath.length - a.mountPath.length)
      .find((mount) => containerPath === mount.mountPath || containerPath.startsWith(`${mount.mountPath}/`));
  }

  /** Rewrites every container path in a text (an argv element, a script) to its local path. */
  rewrite(text: string): string {
    return rewritePaths(text, this.mounts());
  }

  /** The reverse, for messages: local folders named by their container paths again. */
  unrewrite(text: string): string {
    const pairs = [...this.volumes, { mountPath: '', local: this.root }].sort((a, b) => b.local.length - a.local.length);
    let result = text;
    for (const pair of pairs) result = result.split(pair.local).join(pair.mountPath);
    return result;
  }
}
