import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '../background.js';
import type { ContainerFs } from './container.js';
import { EDGE_PATHS } from './image.js';
import { buildNginxView } from './nginx-view.js';

/** What an nginx command printed and how it ended. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface NginxArgs {
  flags: string[];
  config?: string;
  prefix?: string;
  globals?: string;
  signal?: string;
}

const VALUED = new Set(['c', 'p', 'g', 's', 'e']);

/** nginx's own option parsing (ngx_get_options): flags may be grouped, values attached or next. */
export function parseNginxArgs(argv: readonly string[]): NginxArgs | string {
  const parsed: NginxArgs = { flags: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (!arg.startsWith('-')) return `invalid option: "${arg}"`;
    for (let at = 1; at < arg.length; at += 1) {
      const flag = arg[at];
      if (VALUED.has(flag)) {
        const value = at + 1 < arg.length ? arg.slice(at + 1) : argv[++index];
        if (value === undefined) return `option "-${flag}" requires ${flag === 's' ? 'signal name' : 'file name'}`;
        if (flag === 'c') parsed.config = value;
        else if (flag === 'p') parsed.prefix = value;
        else if (flag === 'g') parsed.globals = value;
        else if (flag === 's') parsed.signal = value;
        break;
      }
      if (!'?hvVtTq'.includes(flag)) return `invalid option: "${arg.slice(at)}"`;
      parsed.flags.push(flag);
    }
  }
  return parsed;
}

function run(binary: string, args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ exitCode: 127, stdout, stderr: `${stderr}${error.message}\n` }));
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The nginx of the Edge container, run by the host's nginx binary over a view of the container's
 * configuration: commands (`nginx -t`, `nginx -s reload`, `nginx -c … -t`) behave as the Edge
 * image's OpenResty would (compiled-in prefix and default configuration, a signal goes to the
 * master named by the pid file), and one master process is the Edge's web server.
 */
export class EdgeNginx {
  private master: ChildProcess | undefined;
  /** nginx masters a container command started (they daemonize, as the Edge's nginx.conf lets them). */
  private readonly daemons = new Set<number>();
  private queue: Promise<unknown> = Promise.resolve();
  reloads = 0;
  starts = 0;
  /** Why the last start served nothing (init ignores it: the pod stays Ready). */
  lastStartError: string | undefined;

  constructor(
    private readonly binary: string,
    private readonly fs: () => ContainerFs,
    private readonly stateDir: string,
    /** Container port -> loopback port (8181 -> the Edge's published port). */
    private readonly ports: ReadonlyMap<number, number>,
  ) {}

  get webPort(): number {
    return this.ports.get(8181) ?? 8181;
  }

  /** Whether the master is running (a failed start leaves none). */
  get running(): boolean {
    return this.master !== undefined && this.master.exitCode === null;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private view(config: string): { config: string; unview: (text: string) => string } {
    const dir = join(this.stateDir, 'view', createHash('sha256').update(config).digest('hex').slice(0, 12));
    return buildNginxView(this.fs(), config, dir, this.ports);
  }

  /**
   * The command line of the container's `nginx` as this machine ran it (container paths in it
   * rewritten to local folders by the exec session), run as the container's nginx.
   */
  hostCommand(argv: readonly string[], cwd: string): Promise<CommandResult> {
    return this.command(argv.map((arg) => this.fs().unrewrite(arg)), cwd);
  }

  /** Runs an nginx command line inside the container (container paths). */
  command(argv: readonly string[], cwd = '/'): Promise<CommandResult> {
    return this.serial(() => this.runCommand(argv, cwd));
  }

  private async runCommand(argv: readonly string[], cwd: string): Promise<CommandResult> {
    const args = parseNginxArgs(argv);
    if (typeof args === 'string') return { exitCode: 1, stdout: '', stderr: `nginx: ${args}\n` };
    if (args.flags.some((flag) => 'vV?h'.includes(flag))) return run(this.binary, argv.filter((arg) => /^-[vV?h]+$/.test(arg)));
    const prefix = args.prefix ? posix.resolve(cwd, args.prefix) : EDGE_PATHS.openrestyPrefix;
    const config = args.config ? posix.resolve(prefix, args.config) : EDGE_PATHS.openrestyConf;
    if (!existsSync(this.fs().local(config))) {
      return { exitCode: 1, stdout: '', stderr: `nginx: [emerg] open() "${config}" failed (2: No such file or directory)\n` };
    }
    if (args.signal === 'reload') this.view(EDGE_PATHS.nginxConf); // the master re-reads its own file
    const view = this.view(config);
    const translated = ['-c', view.config, '-p', `${this.fs().local(prefix).replace(/\/$/, '')}/`];
    for (const flag of args.flags) translated.push(`-${flag}`);
    if (args.globals) translated.push('-g', this.fs().rewrite(args.globals));
    if (args.signal) translated.push('-s', args.signal);
    const before = args.signal === 'reload' ? this.workers() : undefined;
    const logSize = args.signal === 'reload' ? this.errorLogSize() : 0;
    const result = await run(this.binary, translated);
    if (args.signal === 'reload' && result.exitCode === 0) {
      this.reloads += 1;
      if (before) await this.reloaded(before, logSize);
    }
    const starting = !args.signal && !args.flags.some((flag) => flag === 't' || flag === 'T');
    const daemon = starting && result.exitCode === 0 ? this.pidOfFile() : undefined;
    if (daemon !== undefined) this.daemons.add(daemon);
    return { exitCode: result.exitCode, stdout: view.unview(result.stdout), stderr: view.unview(result.stderr) };
  }

  /**
   * init:202-206: `nginx -p /etc/nginx/ -c /etc/nginx/nginx.conf`, not checked. Resolves true when
   * the Edge port answers, false when nginx exited (the reason in `lastStartError`).
   */
  start(): Promise<boolean> {
    return this.serial(async () => {
      this.starts += 1;
      this.lastStartError = undefined;
      const view = this.view(EDGE_PATHS.nginxConf);
      const prefix = `${this.fs().local(EDGE_PATHS.nginxPrefix).replace(/\/$/, '')}/`;
      // stand-in: in the foreground, so the master is this process's child.
      const child = spawn(this.binary, ['-p', prefix, '-c', view.config, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      this.master = child;
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if (child.exitCode !== null || child.signalCode !== null) {
          await new Promise((resolve) => setImmediate(resolve));
          this.lastStartError = view.unview(output.trim()) || `nginx exited with ${child.exitCode}`;
          this.master = undefined;
          return false;
        }
        if (await portOpen(this.webPort)) return true;
        await sleep(50);
      }
      this.lastStartError = `nginx did not listen on 127.0.0.1:${this.webPort}: ${view.unview(output.trim())}`;
      return false;
    });
  }

  /** Stops the master (SIGQUIT, graceful) and any nginx master a container command started. */
  stop(): Promise<void> {
    return this.serial(async () => {
      const master = this.master;
      this.master = undefined;
      if (master && master.exitCode === null && master.signalCode === null) {
        // Graceful first (init's `nginx -s quit`); a connection that stays open (a proxied
        // WebSocket) must not hold the restart: fast shutdown after 5 s, as the kubelet ends a pod.
        const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
        master.kill('SIGQUIT');
        const timer = setTimeout(() => master.kill('SIGTERM'), 5000);
        await exited;
        clearTimeout(timer);
      }
      for (const pid of this.daemons) {
        if (processAlive(pid)) process.kill(pid, 'SIGQUIT');
        for (let attempt = 0; attempt < 100 && processAlive(pid); attempt += 1) await sleep(50);
      }
      this.daemons.clear();
    });
  }

  /** The master's worker processes (Linux /proc). */
  private workers(): Set<number> | undefined {
    const pid = this.master?.pid;
    if (pid === undefined || this.master?.exitCode !== null) return undefined;
    try {
      return new Set(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return undefined;
    }
  }

  private errorLogSize(): number {
    const log = this.fs().local('/etc/nginx/logs/error.log');
    return existsSync(log) ? statSync(log).size : 0;
  }

  /**
   * stand-in: waits (up to about 2 s) until the master took the reload (new workers, the old ones
   * gone: they stop accepting only once told to quit) or refused it (an [emerg] in its error
   * log), so a test's next request meets the state the reload produced; real nginx applies it
   * moments after `nginx -s reload` returns.
   */
  private async reloaded(before: Set<number>, logSize: number): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const now = this.workers();
      if (!now || ([...now].some((pid) => !before.has(pid)) && [...before].every((pid) => !now.has(pid)))) return;
      const log = this.fs().local('/etc/nginx/logs/error.log');
      if (existsSync(log) && statSync(log).size > logSize && readFileSync(log, 'utf8').slice(logSize).includes('[emerg]')) return;
      await sleep(20);
    }
  }

  private pidOfFile(): number | undefined {
    const pidFile = this.fs().local('/usr/local/openresty/nginx/logs/nginx.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }
}
