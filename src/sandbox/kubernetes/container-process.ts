import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import { objectAt, text, objectsAt, stringAt, stringMap, valueAtPath, type JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';
import { rewritePaths, type LocalMount } from './volumes.js';

/** A container whose configuration the kubelet rejects (CreateContainerConfigError). */
export class ContainerConfigError extends Error {}

function lookup(api: KubeApi, namespace: string, kind: 'ConfigMap' | 'Secret', reference: JsonObject): string | undefined {
  const object = api.store.get(resourceOfKind(kind), namespace, String(reference.name));
  const key = String(reference.key);
  const raw = object ? stringMap(object.data)[key] : undefined;
  if (raw === undefined) {
    if (reference.optional === true) return undefined;
    throw new ContainerConfigError(object ? `couldn't find key ${key} in ${kind} ${namespace}/${String(reference.name)}` : `${kind.toLowerCase()} "${String(reference.name)}" not found`);
  }
  return kind === 'Secret' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

/** Expands `$(VAR)` references as the kubelet does (`$$(VAR)` stays literal). */
export function expandReferences(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && name in env ? env[name] : match;
  });
}

/** The container's environment: envFrom, then env (value, configMapKeyRef, secretKeyRef, fieldRef). */
export function containerEnv(api: KubeApi, pod: JsonObject, container: JsonObject): Record<string, string> {
  const namespace = String(objectAt(pod.metadata).namespace);
  const env: Record<string, string> = {};
  for (const source of objectsAt(container.envFrom)) {
    const prefix = stringAt(source.prefix) ?? '';
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    const reference = objectAt(source.configMapRef ?? source.secretRef);
    const object = api.store.get(resourceOfKind(kind), namespace, String(reference.name));
    if (!object && reference.optional !== true) throw new ContainerConfigError(`${kind.toLowerCase()} "${String(reference.name)}" not found`);
    for (const [key, value] of Object.entries(stringMap(object?.data))) {
      env[prefix + key] = kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value;
    }
  }
  for (const variable of objectsAt(container.env)) {
    const name = String(variable.name);
    const from = objectAt(variable.valueFrom);
    let value: string | undefined;
    if (from.configMapKeyRef) value = lookup(api, namespace, 'ConfigMap', objectAt(from.configMapKeyRef));
    else if (from.secretKeyRef) value = lookup(api, namespace, 'Secret', objectAt(from.secretKeyRef));
    else if (from.fieldRef) value = text(valueAtPath(pod, text(objectAt(from.fieldRef).fieldPath)));
    else value = expandReferences(stringAt(variable.value) ?? '', env);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** A container started as a local process. */
export interface RunningContainer {
  child?: ChildProcess;
  /** Kills the container's whole process group (the shell and what it started). */
  kill(): void;
  /** Resolves with the exit code (127 when the command cannot start, 137 when killed). */
  exited: Promise<number>;
}

/**
 * Runs a container's `command` + `args` as a local process: mount paths rewritten to their local
 * folders in the argv, env values and workingDir; `$(VAR)` references expanded; stdout and
 * stderr appended to `log` as they come.
 */
export function startContainer(api: KubeApi, pod: JsonObject, container: JsonObject, mounts: LocalMount[], podDir: string, log: (text: string) => void): RunningContainer {
  const env = containerEnv(api, pod, container);
  const parts: unknown[] = [...(Array.isArray(container.command) ? (container.command as unknown[]) : []), ...(Array.isArray(container.args) ? (container.args as unknown[]) : [])];
  const argv = parts.map((part) => rewritePaths(expandReferences(text(part), env), mounts));
  if (argv.length === 0) {
    throw new ContainerConfigError(`container "${String(container.name)}" has no command: the sandbox cannot run an image's entrypoint`);
  }
  const home = join(podDir, 'home');
  const cwdRaw = stringAt(container.workingDir);
  const cwd = cwdRaw ? rewritePaths(cwdRaw, mounts) : join(podDir, 'workdir');
  mkdirSync(home, { recursive: true });
  mkdirSync(cwd, { recursive: true });
  const processEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: String(objectAt(pod.metadata).name),
    HOME: home,
  };
  for (const [key, value] of Object.entries(env)) processEnv[key] = rewritePaths(value, mounts);
  // Its own process group, so a kill reaches `sleep` & co. that a `sh -c` script started.
  const child = spawn(argv[0], argv.slice(1), { cwd, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      log(`exec: "${argv[0]}": ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 137 : 1)));
  });
  const kill = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  return { child, exited, kill };
}
