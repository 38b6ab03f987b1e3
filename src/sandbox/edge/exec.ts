import { spawn } from 'node:child_process';
import type { KubeApi } from '../kubernetes/api.js';
import { containerEnv } from '../kubernetes/container-process.js';
import type { ExecHandler, ExecIO, ExecRequest } from '../kubernetes/exec-handler.js';
import { objectAt, objectsAt } from '../kubernetes/json.js';
import type { ContainerFs } from './container.js';
import { EDGE_PATHS } from './image.js';
import { canEnforceReadOnly, findExecutable, withReadOnly } from './read-only-mounts.js';

/** What the exec handler needs from the Edge stand-in at the time of each call. */
export interface ExecTarget {
  fs(): ContainerFs;
  /** The Edge container's name in the Deployment (`cp-edge`). */
  container: string;
  /** The API, for the container's env (`env`, `envFrom` of cp-config-global); none without it. */
  api?: KubeApi;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/** `sh`, `sh -s`, `bash -e -s …`, `busybox sh`: a shell that reads its script from stdin. */
function readsScript(command: readonly string[]): boolean {
  const argv = command[0]?.split('/').pop() === 'busybox' ? command.slice(1) : command;
  if (!SHELLS.has(argv[0]?.split('/').pop() ?? '')) return false;
  const options = argv.slice(1).filter((arg) => arg.startsWith('-'));
  const operands = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  return !options.some((option) => option.includes('c')) && (operands.length === 0 || options.some((option) => option.includes('s')));
}

/**
 * `kubectl exec` into the Edge container: the argv runs on this machine with container paths
 * rewritten to the container's folders (`/var/run/sync-routes.lock`, `/etc/nginx/...`, the volume
 * mounts; also a shell script given on stdin), in the container's `/`, with a PATH whose first entry holds the container's `nginx`
 * (the shim that reaches this Edge's nginx); `sh`, `flock` and coreutils are the host's, as the
 * Edge image has them. Output names container paths again.
 */
export function edgeExecHandler(target: ExecTarget): ExecHandler {
  return async (request: ExecRequest, io: ExecIO) => {
    const podName = String((request.pod.metadata as { name?: string } | undefined)?.name ?? '');
    if (request.container && request.container !== target.container) {
      throw new Error(`container ${request.container} is not valid for pod ${podName}`);
    }
    const fs = target.fs();
    const argv = request.command.map((arg) => fs.rewrite(arg));
    const container = objectsAt(objectAt(request.pod.spec).containers).find((candidate) => candidate.name === target.container) ?? {};
    let declared: Record<string, string> = {};
    if (target.api) {
      try {
        declared = containerEnv(target.api, request.pod, container);
      } catch {
        declared = {};
      }
    }
    const env = {
      ...Object.fromEntries(Object.entries(declared).map(([key, value]) => [key, fs.rewrite(value)])),
      PATH: [fs.local(EDGE_PATHS.nginxBinaryDir), fs.local('/usr/local/openresty/bin'), process.env.PATH ?? '/usr/bin:/bin'].join(':'),
      HOME: fs.local('/root'),
      TMPDIR: fs.local('/tmp'),
      HOSTNAME: podName,
      LANG: 'C',
    };
    if (!findExecutable(argv[0] ?? '', env.PATH)) {
      // containerd's answer for a command that cannot start, reported as the session's error.
      throw new Error(`error executing command in container: failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: "${request.command[0]}": executable file not found in $PATH: unknown`);
    }
    const readOnly = (await canEnforceReadOnly()) ? fs.volumes.filter((mount) => mount.readOnly).map((mount) => mount.local) : [];
    const command = withReadOnly(argv, readOnly);
    return new Promise<number>((resolve, reject) => {
      const child = spawn(command[0], command.slice(1), { cwd: fs.root, env, stdio: [request.stdin && io.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
      const named = (chunk: Buffer): Buffer => Buffer.from(fs.unrewrite(chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => io.stdout(named(chunk)));
      child.stderr?.on('data', (chunk: Buffer) => io.stderr(named(chunk)));
      if (child.stdin && io.stdin) {
        const input = child.stdin;
        input.on('error', () => undefined);
        if (readsScript(request.command)) {
          // A script on stdin names container paths like an argv does; other stdin (a tar stream) is passed as is.
          let script = '';
          io.stdin.on('data', (chunk: Buffer | string) => (script += chunk.toString()));
          io.stdin.on('end', () => input.end(fs.rewrite(script)));
        } else {
          io.stdin.pipe(input);
        }
      }
      child.on('error', (error: NodeJS.ErrnoException) => {
        // containerd's answer for a command that cannot start, reported as the session's error.
        const reason = error.code === 'ENOENT' ? 'executable file not found in $PATH' : error.message;
        reject(new Error(`error executing command in container: failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: "${request.command[0]}": ${reason}: unknown`));
      });
      child.on('close', (code, signal) => resolve(code ?? (signal ? 137 : 1)));
    });
  };
}
