import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KubeApi } from './api.js';
import { isObject, objectAt, objectsAt, stringAt, stringMap, type JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';

/** A volume that could not be set up, worded as the kubelet's FailedMount event. */
export class MountError extends Error {}

/** A container mount resolved to a local folder. */
export interface LocalMount {
  mountPath: string;
  local: string;
}

function writeFiles(folder: string, files: Map<string, Buffer>, items: JsonObject[], mode: unknown): void {
  mkdirSync(folder, { recursive: true });
  const wanted = items.length > 0 ? items.map((item) => [String(item.key), String(item.path ?? item.key), item.mode] as const) : [...files.keys()].map((key) => [key, key, undefined] as const);
  for (const [key, path, itemMode] of wanted) {
    const content = files.get(key);
    if (!content) throw new MountError(`configmap references non-existent config key: ${key}`);
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    const fileMode = typeof itemMode === 'number' ? itemMode : typeof mode === 'number' ? mode : 0o644;
    chmodSync(target, fileMode);
  }
}

function sourceFiles(api: KubeApi, namespace: string, kind: 'ConfigMap' | 'Secret', name: string): Map<string, Buffer> | undefined {
  const object = api.store.get(resourceOfKind(kind), namespace, name);
  if (!object) return undefined;
  const files = new Map<string, Buffer>();
  const encoded = kind === 'Secret';
  for (const [key, value] of Object.entries(stringMap(object.data))) files.set(key, encoded ? Buffer.from(value, 'base64') : Buffer.from(value));
  for (const [key, value] of Object.entries(stringMap(object.binaryData))) files.set(key, Buffer.from(value, 'base64'));
  return files;
}

/** Where the local folders standing for host paths and claims are. */
export interface MountResolver {
  /** The node's root folder: host path `/opt/x` is `<nodeRoot>/opt/x`. */
  nodeRoot: string;
  /** The one folder standing for a PersistentVolumeClaim's volume (`<workDir>/pvc/<ns>/<claim>`). */
  pvcRoot(namespace: string, claim: string): string;
}

/**
 * Materializes a pod's volumes as local folders, as the kubelet would mount them: configMap and
 * secret volumes (all keys or `items` with paths and modes, secret data base64-decoded), emptyDir,
 * hostPath under the node's root folder (`/opt/edge/x` -> `<nodeRoot>/opt/edge/x`) and
 * persistentVolumeClaim as the claim's one folder (shared by every pod mounting the claim).
 * Returns volume name -> local path.
 */
export function materializeVolumes(api: KubeApi, namespace: string, podSpec: JsonObject, podDir: string, resolver: MountResolver): Map<string, string> {
  const nodeRoot = resolver.nodeRoot;
  const paths = new Map<string, string>();
  for (const volume of objectsAt(podSpec.volumes)) {
    const name = String(volume.name);
    const folder = join(podDir, 'volumes', name);
    if (isObject(volume.configMap) || isObject(volume.secret)) {
      const kind = isObject(volume.configMap) ? 'ConfigMap' : 'Secret';
      const source = objectAt(volume.configMap ?? volume.secret);
      const sourceName = String(source.name ?? source.secretName);
      const files = sourceFiles(api, namespace, kind, sourceName);
      if (!files && source.optional !== true) {
        throw new MountError(`MountVolume.SetUp failed for volume "${name}" : ${kind.toLowerCase()} "${sourceName}" not found`);
      }
      writeFiles(folder, files ?? new Map<string, Buffer>(), objectsAt(source.items), source.defaultMode);
      paths.set(name, folder);
    } else if (isObject(volume.hostPath)) {
      const hostPath = String(volume.hostPath.path);
      const local = join(nodeRoot, hostPath);
      const type = stringAt(volume.hostPath.type) ?? '';
      if (!existsSync(local)) {
        if (['Directory', 'File', 'Socket', 'CharDevice', 'BlockDevice'].includes(type)) {
          throw new MountError(`MountVolume.SetUp failed for volume "${name}" : hostPath type check failed: ${hostPath} is not a ${type.toLowerCase()}`);
        }
        if (type === 'FileOrCreate') {
          mkdirSync(dirname(local), { recursive: true });
          writeFileSync(local, '');
        } else {
          mkdirSync(local, { recursive: true });
        }
      }
      paths.set(name, local);
    } else if (isObject(volume.persistentVolumeClaim)) {
      const claim = String(volume.persistentVolumeClaim.claimName);
      // kube-scheduler keeps such a pod Pending; the sandbox reports it as the pod's mount failure.
      if (!api.store.get(resourceOfKind('PersistentVolumeClaim'), namespace, claim)) throw new MountError(`persistentvolumeclaim "${claim}" not found`);
      const local = resolver.pvcRoot(namespace, claim);
      mkdirSync(local, { recursive: true });
      paths.set(name, local);
    } else {
      // emptyDir and anything else the sandbox does not model: an empty folder.
      mkdirSync(folder, { recursive: true });
      paths.set(name, folder);
    }
  }
  return paths;
}

/** The container's volumeMounts as local folders (subPath applied). */
export function localMounts(container: JsonObject, volumes: Map<string, string>): LocalMount[] {
  return objectsAt(container.volumeMounts).map((mount) => {
    const volume = volumes.get(String(mount.name));
    if (volume === undefined) throw new MountError(`volume "${String(mount.name)}" not found in the pod's volumes`);
    const subPath = typeof mount.subPath === 'string' && mount.subPath !== '' ? mount.subPath : undefined;
    const local = subPath ? join(volume, subPath) : volume;
    // The kubelet creates a missing subPath folder inside the volume.
    if (subPath && !existsSync(local)) mkdirSync(local, { recursive: true });
    return { mountPath: String(mount.mountPath).replace(/\/+$/, '') || '/', local };
  });
}

/**
 * Rewrites every mount path in a string to its local folder, longest first and in one pass, only
 * where it stands as a whole path (`/data` in `/data/x` but not in `/database` or `/x/data`).
 */
export function rewritePaths(text: string, mounts: LocalMount[]): string {
  const sorted = mounts.filter((mount) => mount.mountPath !== '/').sort((a, b) => b.mountPath.length - a.mountPath.length);
  if (sorted.length === 0) return text;
  const escaped = sorted.map((mount) => mount.mountPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w.\\-/])(${escaped.join('|')})(?![\\w.\\-])`, 'g');
  return text.replace(pattern, (match) => sorted.find((mount) => mount.mountPath === match)?.local ?? match);
}

/** A hostPath volume mount of a workload, resolved on a simulated node. */
export interface HostPathMount {
  /** Where the container sees it (`/etc/nginx/ext/external-apps`). */
  mountPath: string;
  /** The path on the node (`/opt/edge/external-apps`). */
  hostPath: string;
  /** The local folder standing for it (`<nodeRoot>/opt/edge/external-apps`). */
  local: string;
  readOnly: boolean;
}

/**
 * The hostPath mounts of a Deployment's or Job's first container, resolved under a node root:
 * what the Edge stand-in copies into its nginx at each (re)start, as the real Edge's `init` does.
 */
export function hostPathMounts(workload: JsonObject, nodeRoot: string): HostPathMount[] {
  const podSpec = objectAt(objectAt(objectAt(workload.spec).template).spec);
  const hostPaths = new Map(objectsAt(podSpec.volumes).filter((v) => isObject(v.hostPath)).map((v) => [String(v.name), String(objectAt(v.hostPath).path)]));
  const container = objectsAt(podSpec.containers)[0] ?? {};
  return objectsAt(container.volumeMounts).flatMap((mount) => {
    const hostPath = hostPaths.get(String(mount.name));
    if (hostPath === undefined) return [];
    return [{ mountPath: String(mount.mountPath), hostPath, local: join(nodeRoot, hostPath), readOnly: mount.readOnly === true }];
  });
}

/** A hostPath or persistentVolumeClaim mount of a workload's container, resolved to its local folder. */
export interface WorkloadMount {
  /** The volume's name in the pod spec. */
  volume: string;
  /** Where the container sees it (`/etc/nginx/ext/external-apps`). */
  mountPath: string;
  /** The local folder standing for it, subPath applied. */
  local: string;
  readOnly: boolean;
  subPath?: string;
  /** What backs the volume: a host path on the node, or a claim. */
  source: { hostPath: string } | { persistentVolumeClaim: string };
}

/** The hostPath and persistentVolumeClaim mounts of one container of a pod spec. */
export function podSpecMounts(podSpec: JsonObject, namespace: string, container: JsonObject, resolver: MountResolver): WorkloadMount[] {
  const volumes = new Map(objectsAt(podSpec.volumes).map((volume) => [String(volume.name), volume]));
  return objectsAt(container.volumeMounts).flatMap((mount): WorkloadMount[] => {
    const volume = volumes.get(String(mount.name));
    if (!volume) return [];
    const subPath = typeof mount.subPath === 'string' && mount.subPath !== '' ? mount.subPath : undefined;
    const common = { volume: String(volume.name), mountPath: String(mount.mountPath), readOnly: mount.readOnly === true, ...(subPath ? { subPath } : {}) };
    if (isObject(volume.hostPath)) {
      const hostPath = String(volume.hostPath.path);
      const base = join(resolver.nodeRoot, hostPath);
      return [{ ...common, local: subPath ? join(base, subPath) : base, source: { hostPath } }];
    }
    if (isObject(volume.persistentVolumeClaim)) {
      const claim = String(volume.persistentVolumeClaim.claimName);
      const base = resolver.pvcRoot(namespace, claim);
      return [{ ...common, local: subPath ? join(base, subPath) : base, source: { persistentVolumeClaim: claim } }];
    }
    return [];
  });
}

/**
 * Every hostPath and persistentVolumeClaim mount of a Deployment's (or Job's) first container,
 * resolved to its local folder: host paths under the node root, claims to the claim's folder
 * with subPath applied. The Edge stand-in finds its external-apps and pki folders with it.
 */
export function workloadMounts(workload: JsonObject, resolver: MountResolver): WorkloadMount[] {
  const template = objectAt(objectAt(workload.spec).template);
  const podSpec = objectAt(template.spec);
  const namespace = stringAt(objectAt(workload.metadata).namespace) ?? stringAt(objectAt(template.metadata).namespace) ?? 'default';
  return podSpecMounts(podSpec, namespace, objectsAt(podSpec.containers)[0] ?? {}, resolver);
}
