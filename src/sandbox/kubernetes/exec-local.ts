import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import { containerEnv } from './container-process.js';
import type { ExecHandler } from './exec-handler.js';
import { objectAt, objectsAt, type JsonObject } from './json.js';
import { podSpecMounts, rewritePaths, type LocalMount, type MountResolver } from './volumes.js';

/**
 * The exec handler used when no embedder installed one: runs the argv as a local process the way
 * Job containers run (the container's env, its hostPath and claim mount paths rewritten to their
 * local folders in the argv and env), in a per-pod folder. Other volume types are not visible.
 */
export function localExecHandler(api: KubeApi, resolverFor: (nodeName: string) => MountResolver, workDir: string): ExecHandler {
  return (request, io) =>
    new Promise<number>((resolve, reject) => {
      const pod = request.pod;
      const podSpec = objectAt(pod.spec);
      const container: JsonObject = objectsAt(podSpec.containers).find((candidate) => candidate.name === request.container) ?? {};
      const metadata = objectAt(pod.metadata);
      const resolver = resolverFor(String(podSpec.nodeName));
      const mounts: LocalMount[] = podSpecMounts(podSpec, request.namespace, container, resolver).map((mount) => ({ mountPath: mount.mountPath.replace(/\/+$/, '') || '/', local: mount.local }));
      const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOSTNAME: String(metadata.name) };
      for (const [key, value] of Object.entries(containerEnv(api, pod, container))) env[key] = rewritePaths(value, mounts);
      const cwd = join(workDir, 'exec', `${request.namespace}_${String(metadata.name)}`);
      mkdirSync(cwd, { recursive: true });
      const argv = request.command.map((part) => rewritePaths(part, mounts));
      const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...env, HOME: cwd }, stdio: [request.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => io.stdout(chunk));
      child.stderr?.on('data', (chunk: Buffer) => io.stderr(chunk));
      if (child.stdin) {
        child.stdin.on('error', () => undefined);
        if (io.stdin) io.stdin.pipe(child.stdin);
        else child.stdin.end();
      }
      child.on('error', (error: NodeJS.ErrnoException) => {
        // Worded as containerd's answer for a command that cannot start.
        const reason = error.code === 'ENOENT' ? 'executable file not found in $PATH' : error.message;
        reject(new Error(`error executing command in container: failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${reason}: unknown`));
      });
      child.on('close', (code, signal) => resolve(code ?? (signal ? 137 : 1)));
    });
}
