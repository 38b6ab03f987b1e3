import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { YAMLError, parseDocument } from 'yaml';
import { runnerTemp } from '../../lib/runner-temp.js';
import { InputError, errorCode } from '../../lib/errors.js';

/** A kubeconfig checked and narrowed to one context, with every credential it holds. */
export interface Kubeconfig {
  /** The YAML to write, with `current-context` set to the chosen context. */
  text: string;
  context: string;
  contexts: string[];
  /** The API server of the chosen context (for the log; never a credential). */
  server?: string;
  /** Every credential value (and its decoded form) for the runner to mask. */
  secrets: string[];
}

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

/**
 * Plain YAML always has a `:`; base64 never does. Users paste either (Azure/k8s-set-context#146
 * added an explicit encoding input; detecting it spares one).
 */
export function decodeKubeconfig(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed !== '' && !trimmed.includes(':') && BASE64.test(trimmed)) {
    return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return raw;
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function named(list: unknown, field: string): Array<{ name: string; body: Mapping }> {
  if (!Array.isArray(list)) return [];
  return list.filter(isMapping).map((entry) => ({
    name: typeof entry.name === 'string' ? entry.name : '',
    body: isMapping(entry[field]) ? entry[field] : {},
  }));
}

const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];

/** Every credential in a kubeconfig, with base64 `*-data` values also decoded (derived secrets are not masked by the runner on their own). */
function kubeconfigSecrets(config: Mapping): string[] {
  const found = new Set<string>();
  const add = (value: unknown, encoded = false): void => {
    if (typeof value !== 'string' || value.trim().length < 4) return;
    found.add(value);
    if (encoded && BASE64.test(value)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      for (const line of decoded.split(/\r?\n/)) if (line.trim().length >= 8 && !line.startsWith('-----')) found.add(line.trim());
    }
  };
  for (const { body } of named(config.clusters, 'cluster')) {
    add(body['certificate-authority-data'], true);
    // Userinfo in a server URL (`https://user:pass@host`) is a credential too.
    const userinfo = typeof body.server === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(body.server)?.[1] : undefined;
    if (userinfo) {
      // The whole userinfo and the password (not the user name alone: masking a word such as
      // 'admin' would blank it everywhere in the log), raw and percent-decoded.
      const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : undefined;
      for (const part of [userinfo, ...(password ? [password] : [])]) for (const form of [part, safeDecode(part)]) add(form);
    }
  }
  for (const { body: user } of named(config.users, 'user')) {
    for (const field of SECRET_FIELDS) add(user[field], field.endsWith('-data'));
    const provider = user['auth-provider'];
    if (isMapping(provider) && isMapping(provider.config)) for (const value of Object.values(provider.config)) add(value);
    const exec = user.exec;
    if (isMapping(exec) && Array.isArray(exec.env)) {
      for (const entry of exec.env) if (isMapping(entry)) add(entry.value);
    }
    if (isMapping(exec) && Array.isArray(exec.args)) for (const value of execArgSecrets(exec.args)) add(value);
  }
  return [...found];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Flags of exec credential plugins whose value is a credential (kubelogin, aws, gke-gcloud-auth-plugin, generic). */
const SECRET_FLAG = /^--?[A-Za-z0-9-]*(token|secret|password|passwd|key|credential)[A-Za-z0-9-]*$/i;

/**
 * The credentials among an exec plugin's args: the value of `--token=…`, `--oidc-client-secret=…`
 * and the like, and the argument after such a flag given alone (`--token VALUE`).
 */
export function execArgSecrets(args: unknown[]): string[] {
  const found: string[] = [];
  const keep = (value: string) => {
    if (!/^(true|false)$/i.test(value)) found.push(value); // a boolean flag value is no credential, and masking it would hide every 'true' in the log
  };
  args.forEach((arg, index) => {
    if (typeof arg !== 'string') return;
    const equals = arg.indexOf('=');
    if (equals > 0 && SECRET_FLAG.test(arg.slice(0, equals))) keep(arg.slice(equals + 1));
    else if (equals < 0 && SECRET_FLAG.test(arg)) {
      const next = args[index + 1];
      if (typeof next === 'string' && !next.startsWith('-')) keep(next);
    }
  });
  return found;
}

/** A server URL without its userinfo (`https://user:pass@host` → `https://***@host`), for the log and errors. */
export function redactServer(server: string): string {
  return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}

/**
 * The kubeconfig to use: the `kubeconfig` input, else the one file `$KUBECONFIG` names (set by
 * azure/k8s-set-context, aws eks update-kubeconfig, get-gke-credentials). Neither: an InputError
 * naming `kubeconfig`. Errors never echo the content.
 */
export async function kubeconfigSource(input: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  if (input !== undefined && input.trim() !== '') return input;
  const variable = env.KUBECONFIG?.trim();
  if (!variable) throw new InputError('kubeconfig', 'is required: give the kubeconfig content, or set KUBECONFIG in an earlier step (e.g. azure/k8s-set-context)');
  const paths = variable.split(delimiter).filter((path) => path !== '');
  if (paths.length !== 1) throw new InputError('kubeconfig', `is not given and $KUBECONFIG lists ${paths.length} files; give the kubeconfig content, or one file in KUBECONFIG`);
  try {
    return await readFile(paths[0], 'utf8');
  } catch (error) {
    throw new InputError('kubeconfig', `is not given and $KUBECONFIG names ${paths[0]}, which cannot be read (${errorCode(error) ?? 'error'})`);
  }
}

/**
 * Parses the `kubeconfig` input (plain or base64) and selects `context` (else the file's
 * current context, else its only one). Errors name the input and never echo the content: the
 * YAML parser's messages quote the offending line, so only the line number is kept.
 */
export function parseKubeconfig(raw: string, context?: string): Kubeconfig {
  const text = decodeKubeconfig(raw);
  // `merge`: `<<: *creds` keys are resolved (as kubectl's YAML reader does), so credentials reached through them are found and masked.
  const document = parseDocument(text, { prettyErrors: false, merge: true });
  if (document.errors.length > 0) {
    const error: YAMLError = document.errors[0];
    const line = error.linePos?.[0]?.line;
    throw new InputError('kubeconfig', `is not valid YAML${line ? ` (line ${line})` : ''}; pass the kubeconfig content, plain or base64`);
  }
  const config: unknown = document.toJS({ maxAliasCount: 100 });
  if (!isMapping(config) || !Array.isArray(config.clusters) || !Array.isArray(config.contexts)) {
    throw new InputError('kubeconfig', 'is not a kubeconfig (no clusters and contexts lists)');
  }
  const secrets = kubeconfigSecrets(config);
  const contexts = named(config.contexts, 'context');
  const names = contexts.map((entry) => entry.name).filter((name) => name !== '');
  if (names.length === 0) throw new InputError('kubeconfig', 'has no named contexts');
  let chosen = context;
  if (chosen === undefined) {
    const current = config['current-context'];
    if (typeof current === 'string' && names.includes(current)) chosen = current;
    else if (names.length === 1) chosen = names[0];
    else throw new InputError('context', `is required: the kubeconfig has no current context and several contexts (${names.join(', ')})`);
  }
  const selected = contexts.find((entry) => entry.name === chosen);
  if (!selected) throw new InputError('context', `'${chosen}' is not a context in the kubeconfig; it has: ${names.join(', ')}`);
  const clusterName = selected.body.cluster;
  const cluster = named(config.clusters, 'cluster').find((entry) => entry.name === clusterName);
  if (!cluster) throw new InputError('kubeconfig', `context '${chosen}' names cluster '${JSON.stringify(clusterName)}', which it does not define`);
  const userName = selected.body.user;
  if (userName !== undefined && !named(config.users, 'user').some((entry) => entry.name === userName)) {
    throw new InputError('kubeconfig', `context '${chosen}' names user '${JSON.stringify(userName)}', which it does not define`);
  }
  document.set('current-context', chosen);
  const server = cluster.body.server;
  return {
    text: document.toString(),
    context: chosen,
    contexts: names,
    ...(typeof server === 'string' ? { server: redactServer(server) } : {}),
    secrets,
  };
}

/** The folder for the kubeconfig: RUNNER_TEMP on a runner, else the OS temp folder. */
export function kubeconfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return runnerTemp(env);
}

/** Writes the kubeconfig readable by the owner only (0600) and returns its path. */
export async function writeKubeconfig(text: string, dir: string = kubeconfigDir()): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `quick-launcher-kubeconfig-${randomBytes(6).toString('hex')}`);
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600); // a umask cannot widen it, but make the mode explicit
  return path;
}

/** Removes a kubeconfig written by writeKubeconfig; a missing file is fine (post runs always). */
export async function removeKubeconfig(path: string): Promise<void> {
  await rm(path, { force: true });
}
