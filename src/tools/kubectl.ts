import { lastLines, type CommandOptions, type CommandResult, type CommandRunner } from './exec.js';

/**
 * The kubectl binary: pure argv builders (exported, tested table-style) and a `Kubectl` class
 * whose verb methods share one `execute()`. The shape is Azure/k8s-deploy's `Kubectl`, with
 * options objects instead of positional booleans.
 */

/** Where every call goes: the cluster connection flags. */
export interface KubectlConnection {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** Discovery cache folder; one per run so answers never leak between clusters or tests. */
  cacheDir?: string;
  /** `--request-timeout`, e.g. `30s`. */
  requestTimeout?: string;
}

/** `<kind>/<name>` or `<kind>` with a name, e.g. `deployment/cp-edge`. */
export interface ObjectRef {
  kind: string;
  name: string;
}

/**
 * Client-side apply only: server-side apply is alpha and off on Kubernetes 1.15 (HTTP 415 on
 * `application/apply-patch+yaml`), the version classic Cloud Pipeline installs run.
 */
export interface ApplyOptions {
  dryRun?: 'client' | 'server';
}

export interface DeleteOptions {
  ignoreNotFound?: boolean;
  wait?: boolean;
}

export interface WaitOptions {
  /** e.g. `condition=complete`. */
  for: string;
  timeout?: string;
}

export interface LogsOptions {
  tail?: number;
  container?: string;
}

function ref(object: ObjectRef): string {
  return `${object.kind}/${object.name}`;
}

/** The connection flags, in a stable order, for every call. */
export function connectionArgs(connection: KubectlConnection): string[] {
  const args: string[] = [];
  if (connection.kubeconfig) args.push(`--kubeconfig=${connection.kubeconfig}`);
  if (connection.context) args.push(`--context=${connection.context}`);
  if (connection.namespace) args.push(`--namespace=${connection.namespace}`);
  if (connection.cacheDir) args.push(`--cache-dir=${connection.cacheDir}`);
  if (connection.requestTimeout) args.push(`--request-timeout=${connection.requestTimeout}`);
  return args;
}

/**
 * `apply -f -` (the manifest comes on stdin). `--validate=false` always: schema validation needs
 * the server's real OpenAPI documents, which a minimal or aggregated API server may not serve, and
 * the objects are built by code, not typed by hand.
 */
export function applyArgs(options: ApplyOptions = {}): string[] {
  const args = ['apply', '-f', '-', '--validate=false'];
  if (options.dryRun) args.push(`--dry-run=${options.dryRun}`);
  return args;
}

/** `create -f -` (used for the Lease: creation must fail when another deploy holds it). */
export function createArgs(): string[] {
  return ['create', '-f', '-', '--validate=false'];
}

/** `replace -f -` (optimistic: the object carries its resourceVersion, a conflict is an error). */
export function replaceArgs(): string[] {
  return ['replace', '-f', '-', '--validate=false'];
}

/** `get <kind>[/<name>] -o json`, optionally filtered by a label selector. */
export function getArgs(target: ObjectRef | { kind: string; selector?: string }): string[] {
  if ('name' in target) return ['get', ref(target), '-o', 'json'];
  const args = ['get', target.kind, '-o', 'json'];
  if (target.selector) args.push(`--selector=${target.selector}`);
  return args;
}

/** `get <kind>/<name>... -o json --ignore-not-found`: several objects in one call (a List; missing ones left out). */
export function getEachArgs(targets: readonly ObjectRef[]): string[] {
  return ['get', ...targets.map(ref), '-o', 'json', '--ignore-not-found'];
}

/**
 * `diff -f -` (client-side: kubectl computes the patch and asks the server for a dry run, which
 * every version since 1.13 serves): exit 0 = no difference, 1 = differences, >1 = error.
 */
export function diffArgs(): string[] {
  return ['diff', '-f', '-'];
}

/** `delete <kind>/<name>...`. */
export function deleteArgs(objects: readonly ObjectRef[], options: DeleteOptions = {}): string[] {
  const args = ['delete', ...objects.map(ref)];
  if (options.ignoreNotFound) args.push('--ignore-not-found');
  if (options.wait !== undefined) args.push(`--wait=${String(options.wait)}`);
  return args;
}

/**
 * `delete <kind> --selector=<s>`: every object of a kind with those labels (the pods a deleted
 * Job leaves to the garbage collector). `--wait=true` returns once they are gone, which works the
 * same on every kubectl, unlike `--cascade=foreground` (a boolean flag before kubectl 1.20).
 */
export function deleteSelectorArgs(kind: string, selector: string, options: DeleteOptions = {}): string[] {
  const args = ['delete', kind, `--selector=${selector}`];
  if (options.ignoreNotFound) args.push('--ignore-not-found');
  if (options.wait !== undefined) args.push(`--wait=${String(options.wait)}`);
  return args;
}

/** `version -o json`: the client's and the server's version in one call. */
export function versionArgs(): string[] {
  return ['version', '-o', 'json'];
}

/** What `kubectl exec` runs: a command in one container of one pod. */
export interface ExecOptions {
  pod: string;
  container?: string;
  /** The command and its arguments, passed as argv (no shell parses them). */
  command: readonly string[];
  /** Pass stdin to the command (`-i`). */
  stdin?: boolean;
}

/** `exec <pod> [-i] [--container=<c>] -- <argv...>`. */
export function execArgs(options: ExecOptions): string[] {
  if (options.command.length === 0) throw new Error('kubectl exec needs a command');
  const args = ['exec', options.pod];
  if (options.stdin) args.push('-i');
  if (options.container) args.push(`--container=${options.container}`);
  return [...args, '--', ...options.command];
}

export function rolloutRestartArgs(target: ObjectRef): string[] {
  return ['rollout', 'restart', ref(target)];
}

export function rolloutStatusArgs(target: ObjectRef, options: { timeout?: string } = {}): string[] {
  const args = ['rollout', 'status', ref(target), '--watch=true'];
  if (options.timeout) args.push(`--timeout=${options.timeout}`);
  return args;
}

export function waitArgs(target: ObjectRef, options: WaitOptions): string[] {
  const args = ['wait', ref(target), `--for=${options.for}`];
  if (options.timeout) args.push(`--timeout=${options.timeout}`);
  return args;
}

export function logsArgs(target: ObjectRef, options: LogsOptions = {}): string[] {
  const args = ['logs', ref(target)];
  if (options.container) args.push(`--container=${options.container}`);
  if (options.tail !== undefined) args.push(`--tail=${options.tail}`);
  return args;
}

export function describeArgs(target: ObjectRef): string[] {
  return ['describe', ref(target)];
}

/** `annotate <kind>/<name> k=v --overwrite`. */
export function annotateArgs(target: ObjectRef, annotations: Record<string, string>): string[] {
  return ['annotate', ref(target), ...Object.entries(annotations).map(([key, value]) => `${key}=${value}`), '--overwrite'];
}

/** `auth can-i <verb> <resource>[.<group>][/<name>] [--subresource=<sub>]`: exit 0 = yes, 1 = no. */
export function authCanIArgs(check: { verb: string; resource: string; group?: string; name?: string; subresource?: string }): string[] {
  const target = `${check.resource}${check.group ? `.${check.group}` : ''}${check.name ? `/${check.name}` : ''}`;
  return ['auth', 'can-i', check.verb, target, ...(check.subresource ? [`--subresource=${check.subresource}`] : [])];
}

/** A kubectl call that exited non-zero: the verb and kubectl's last stderr lines. */
export class KubectlError extends Error {
  override name = 'KubectlError';
  constructor(
    readonly verb: string,
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`kubectl ${verb} failed (exit ${exitCode}): ${lastLines(stderr, 5) || 'no output'}`);
  }

  /** kubectl's "Error from server (NotFound)". */
  get notFound(): boolean {
    return /\(NotFound\)|not found/i.test(this.stderr);
  }
  /** RBAC: "Error from server (Forbidden)". */
  get forbidden(): boolean {
    return /\(Forbidden\)|forbidden/i.test(this.stderr);
  }
  get alreadyExists(): boolean {
    return /\(AlreadyExists\)|already exists/i.test(this.stderr);
  }
  get conflict(): boolean {
    return /\(Conflict\)|the object has been modified/i.test(this.stderr);
  }
}

/** Per-call extras: stdin, and the exit codes that are answers rather than failures. */
export interface ExecuteOptions {
  input?: string;
  okExitCodes?: readonly number[];
  /** A watch bounded by its own `--timeout` (rollout status, wait): no `--request-timeout`, which would cut the watch. */
  longRunning?: boolean;
}

/** Exit codes a command run by `kubectl exec` may report (kubectl exits with the command's code). */
const EXEC_EXIT_CODES: readonly number[] = Array.from({ length: 255 }, (_value, index) => index + 1);

/** kubectl bound to one binary, one connection and one CommandRunner. */
export class Kubectl {
  constructor(
    readonly binary: string,
    readonly connection: KubectlConnection,
    private readonly runner: CommandRunner,
  ) {}

  /** The one place that runs kubectl; a non-zero exit (not listed as ok) is a KubectlError. */
  async execute(args: readonly string[], options: ExecuteOptions = {}): Promise<CommandResult> {
    const commandOptions: CommandOptions = options.input === undefined ? {} : { input: Buffer.from(options.input) };
    const connection = options.longRunning ? { ...this.connection, requestTimeout: undefined } : this.connection;
    // The flags go before a `--` (exec): what follows it is the command's own argv.
    const split = args.indexOf('--');
    const argv = split < 0 ? [...args, ...connectionArgs(connection)] : [...args.slice(0, split), ...connectionArgs(connection), ...args.slice(split)];
    const result = await this.runner(this.binary, argv, commandOptions);
    if (result.exitCode !== 0 && !(options.okExitCodes ?? []).includes(result.exitCode)) {
      throw new KubectlError(args.slice(0, args[0] === 'rollout' ? 2 : 1).join(' '), result.exitCode, result.stderr);
    }
    return result;
  }

  async apply(manifest: string, options: ApplyOptions = {}): Promise<string> {
    return (await this.execute(applyArgs(options), { input: manifest })).stdout;
  }
  async create(manifest: string): Promise<string> {
    return (await this.execute(createArgs(), { input: manifest })).stdout;
  }
  async replace(manifest: string): Promise<string> {
    return (await this.execute(replaceArgs(), { input: manifest })).stdout;
  }
  /** The object as JSON, or undefined when it does not exist. */
  async get<T = unknown>(target: ObjectRef): Promise<T | undefined> {
    try {
      return JSON.parse((await this.execute(getArgs(target))).stdout) as T;
    } catch (error) {
      if (error instanceof KubectlError && error.notFound) return undefined;
      throw error;
    }
  }
  /**
   * Several named objects in one kubectl call (one process start instead of one each), by
   * `kind/name` (kind as given, lower-case); a missing object is absent from the map.
   */
  async getEach<T extends { kind?: string; metadata?: { name?: string } }>(targets: readonly ObjectRef[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (targets.length === 0) return found;
    const stdout = (await this.execute(getEachArgs(targets))).stdout.trim();
    if (stdout === '') return found;
    const parsed = JSON.parse(stdout) as T & { items?: T[] };
    for (const item of parsed.items ?? [parsed]) found.set(`${(item.kind ?? '').toLowerCase()}/${item.metadata?.name ?? ''}`, item);
    return found;
  }
  /** The `items` of a list. */
  async list<T = unknown>(kind: string, selector?: string): Promise<T[]> {
    const list = JSON.parse((await this.execute(getArgs({ kind, selector }))).stdout) as { items?: T[] };
    return list.items ?? [];
  }
  /** The diff text; empty when the cluster already matches. */
  async diff(manifest: string): Promise<string> {
    return (await this.execute(diffArgs(), { input: manifest, okExitCodes: [1] })).stdout;
  }
  async delete(objects: readonly ObjectRef[], options: DeleteOptions = {}): Promise<void> {
    if (objects.length > 0) await this.execute(deleteArgs(objects, options));
  }
  async deleteSelected(kind: string, selector: string, options: DeleteOptions = {}): Promise<void> {
    await this.execute(deleteSelectorArgs(kind, selector, options));
  }
  /** The client's and the server's `gitVersion` (e.g. `v1.15.4`); the server's absent if it did not answer. */
  async version(): Promise<{ client?: string; server?: string }> {
    const result = await this.execute(versionArgs(), { okExitCodes: [1] });
    const parsed = JSON.parse(result.stdout || '{}') as { clientVersion?: { gitVersion?: string }; serverVersion?: { gitVersion?: string } };
    if (!parsed.serverVersion && result.exitCode !== 0) throw new KubectlError('version', result.exitCode, result.stderr);
    return { ...(parsed.clientVersion?.gitVersion ? { client: parsed.clientVersion.gitVersion } : {}), ...(parsed.serverVersion?.gitVersion ? { server: parsed.serverVersion.gitVersion } : {}) };
  }
  /**
   * Runs a command in a container; resolves with its exit code and output whatever the code
   * (the caller decides what a non-zero exit means). A refused or failed session is a KubectlError.
   */
  async exec(options: ExecOptions & { input?: string }): Promise<CommandResult> {
    const result = await this.execute(execArgs(options), { ...(options.input !== undefined ? { input: options.input } : {}), okExitCodes: EXEC_EXIT_CODES, longRunning: true });
    // kubectl exits with the command's own code and says so; any other non-zero exit is kubectl's
    // (refused, no such pod, the session broke).
    if (result.exitCode !== 0 && !/command terminated with exit code \d+/.test(result.stderr)) {
      throw new KubectlError('exec', result.exitCode, result.stderr);
    }
    return result;
  }
  async rolloutRestart(target: ObjectRef): Promise<void> {
    await this.execute(rolloutRestartArgs(target));
  }
  async rolloutStatus(target: ObjectRef, options: { timeout?: string } = {}): Promise<string> {
    return (await this.execute(rolloutStatusArgs(target, options), { longRunning: true })).stdout;
  }
  async wait(target: ObjectRef, options: WaitOptions): Promise<void> {
    await this.execute(waitArgs(target, options), { longRunning: true });
  }
  async logs(target: ObjectRef, options: LogsOptions = {}): Promise<string> {
    return (await this.execute(logsArgs(target, options))).stdout;
  }
  async describe(target: ObjectRef): Promise<string> {
    return (await this.execute(describeArgs(target))).stdout;
  }
  /** Whether the kubeconfig's identity may do it (a SelfSubjectAccessReview). */
  async canI(check: Parameters<typeof authCanIArgs>[0]): Promise<boolean> {
    return (await this.execute(authCanIArgs(check), { okExitCodes: [1] })).exitCode === 0;
  }
  async annotate(target: ObjectRef, annotations: Record<string, string>): Promise<void> {
    await this.execute(annotateArgs(target, annotations));
  }
}
