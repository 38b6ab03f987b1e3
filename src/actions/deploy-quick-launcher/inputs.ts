import { readFileSync } from 'node:fs';
import { InputError, errorCode } from '../../lib/errors.js';
import { DEFAULT_EDGE_HOST_PATH } from '../../lib/edge-layout.js';
import type { Handoff, Resolved } from '../../lib/handoff.js';
import type { InputReader } from '../../lib/inputs.js';
import { checkApiUrl } from '../../cloud-pipeline/api-url.js';
import { parseHomeHierarchy, type HomeHierarchy } from './provision/hierarchy.js';
import { DEFAULT_CONCURRENCY } from './provision/provision.js';
import {
  parseHomeAuto,
  parsePreferences,
  parseToolRegistration,
  parseSyncHomeFolders,
  parseSystemUsers,
  type PreferenceSetting,
  type SyncHomeFolders,
  type SystemUser,
} from './provision/parse-inputs.js';

/** deploy-quick-launcher's inputs, read once and checked; hand-offs may be pending (root action). */
export interface ParsedInputs {
  /** The kubeconfig content (plain or base64): a secret. Absent: the file `$KUBECONFIG` names (kubeconfig.ts `kubeconfigSource`). */
  kubeconfig?: string;
  context?: string;
  namespace: string;
  kubectlVersion?: string;
  kubectlMirror: string;
  edgeDeployment: string;
  edgeNodeSelector: Record<string, string>;
  edgeHostPath: string;
  installerImage?: string;
  rolloutTimeoutSeconds: number;
  lockTimeoutSeconds: number;
  /** Absent: the Cloud Pipeline side is not provisioned (rollout only). */
  api?: { url: string; token: string; caFile?: string; insecure: boolean };
  /** In the root action, the output folders of build-dist, render and build-images when those stages run too. */
  distribution: Handoff;
  edgeConfig: Handoff;
  toolsManifest?: Handoff;
  systemUsers: SystemUser[];
  homeHierarchy?: HomeHierarchy;
  syncHomeFolders: SyncHomeFolders;
  /** `home-sync-concurrency`: API calls in flight at once for the per-user and per-tool work (1..64). */
  homeSyncConcurrency: number;
  preferences: PreferenceSetting[];
  /** `storage.user.home.auto` (`home-storage-auto`): absent lets provisioning decide (on while the site never set it). */
  homeAuto?: boolean;
  /** `tool-cpu`/`tool-ram`: register a tool its push did not create with these. */
  toolRegistration?: { cpu: string; ram: string };
  registerTools: boolean;
  dryRun: boolean;
  /** Prove the rollout through the Edge (default true; `smoke-check: false` turns it off). */
  smokeCheck: boolean;
  /** An explicit Edge address (`smoke-check: https://…`); else the Edge Service's labels give it. */
  smokeAddress?: URL;
  summary: boolean;
}

/** The inputs the deploy works with: every hand-off folder known. */
export type Inputs = Resolved<ParsedInputs>;

export const DEFAULT_NODE_SELECTOR = 'cloud-pipeline/cp-edge=true';
export const DEFAULT_KUBECTL_MIRROR = 'https://dl.k8s.io/release';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** `30s`, `5m`, `1h` or a bare number of seconds, as whole seconds (1 s .. 24 h). */
export function parseDuration(input: string, value: string): number {
  const match = /^(\d+)\s*(s|m|h)?$/.exec(value.trim());
  if (!match) throw new InputError(input, `'${value}' is not a duration like 30s, 5m or 1h`);
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
  if (seconds < 1 || seconds > 86400) throw new InputError(input, `'${value}' is outside 1s..24h`);
  return seconds;
}

/** `key=value[,key=value]` label selector of the Edge node. */
export function parseNodeSelector(value: string, input = 'edge-node-selector'): Record<string, string> {
  const selector: Record<string, string> = {};
  for (const part of value.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== '')) {
    const [key, ...rest] = part.split('=');
    const label = rest.join('=');
    if (rest.length === 0 || !LABEL_KEY.test(key) || !LABEL_VALUE.test(label)) {
      throw new InputError(input, `'${part}' is not a label key=value`);
    }
    selector[key] = label;
  }
  if (Object.keys(selector).length === 0) throw new InputError(input, 'needs at least one key=value');
  return selector;
}

function httpUrl(input: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, `'${value}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(input, `'${value}' must be an http(s) URL`);
  return url;
}

/** The hierarchy template: inline JSON, or the path of a JSON file. */
function readHierarchy(value: string | undefined): HomeHierarchy | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith('{') || value.startsWith('[')) return parseHomeHierarchy(value, 'home-hierarchy-template');
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (error) {
    throw new InputError('home-hierarchy-template', `cannot read ${value}: ${errorCode(error) ?? String(error)}`);
  }
  return parseHomeHierarchy(text, 'home-hierarchy-template');
}

function optionalField<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Reads every input of deploy-quick-launcher once; each bad value is an InputError naming it. */
export function getInputs(reader: InputReader, _env: NodeJS.ProcessEnv): ParsedInputs {
  const namespace = reader.string('namespace', 'default');
  if (!DNS_LABEL.test(namespace)) throw new InputError('namespace', `'${namespace}' is not a namespace name`);
  const edgeDeployment = reader.string('edge-deployment', 'cp-edge');
  if (!DNS_NAME.test(edgeDeployment)) throw new InputError('edge-deployment', `'${edgeDeployment}' is not a deployment name`);
  const edgeHostPath = reader.string('edge-host-path', DEFAULT_EDGE_HOST_PATH).replace(/\/+$/, '');
  if (!edgeHostPath.startsWith('/') || edgeHostPath.split('/').includes('..') || /[\s'"$`\\]/.test(edgeHostPath)) {
    throw new InputError('edge-host-path', `'${edgeHostPath}' must be an absolute path without '..', spaces or quotes`);
  }
  const apiUrl = reader.optional('api-url');
  const apiToken = reader.optional('api-token');
  if (apiToken !== undefined && apiUrl === undefined) throw new InputError('api-url', "is required when 'api-token' is given");
  const api = apiUrl === undefined ? undefined : {
    url: checkApiUrl(apiUrl).toString().replace(/\/+$/, ''),
    token: apiToken ?? (() => { throw new InputError('api-token', "is required when 'api-url' is given"); })(),
    ...(reader.optional('api-ca') ? { caFile: reader.optional('api-ca') } : {}),
    insecure: reader.boolean('api-insecure', false),
  };
  const smoke = reader.optional('smoke-check')?.trim();
  const smokeOff = smoke !== undefined && /^(false|off|no)$/i.test(smoke);
  const smokeAddress = smoke === undefined || smokeOff || /^(true|on|yes)$/i.test(smoke) ? undefined : httpUrl('smoke-check', smoke);
  const toolsManifest = reader.handoff('tools-manifest');
  const installerImage = reader.optional('installer-image');
  if (installerImage !== undefined && /\s/.test(installerImage)) throw new InputError('installer-image', `'${installerImage}' is not an image reference`);
  return {
    kubeconfig: reader.optional('kubeconfig'),
    context: reader.optional('context'),
    namespace,
    kubectlVersion: reader.optional('kubectl-version'),
    kubectlMirror: reader.string('kubectl-mirror', DEFAULT_KUBECTL_MIRROR),
    edgeDeployment,
    edgeNodeSelector: parseNodeSelector(reader.string('edge-node-selector', DEFAULT_NODE_SELECTOR)),
    edgeHostPath,
    installerImage,
    rolloutTimeoutSeconds: parseDuration('rollout-timeout', reader.string('rollout-timeout', '5m')),
    lockTimeoutSeconds: parseDuration('lock-timeout', reader.string('lock-timeout', '10m')),
    api,
    distribution: reader.requiredHandoff('distribution'),
    edgeConfig: reader.requiredHandoff('edge-config'),
    toolsManifest,
    systemUsers: parseSystemUsers(reader.string('system-users', '')),
    homeHierarchy: readHierarchy(reader.optional('home-hierarchy-template')),
    syncHomeFolders: parseSyncHomeFolders(reader.string('sync-home-folders', 'system')),
    homeSyncConcurrency: reader.integer('home-sync-concurrency', DEFAULT_CONCURRENCY, { min: 1, max: 64 }),
    preferences: parsePreferences(reader.string('preferences', '')),
    ...optionalField('homeAuto', parseHomeAuto(reader.string('home-storage-auto', ''))),
    ...optionalField('toolRegistration', parseToolRegistration(reader.string('tool-cpu', ''), reader.string('tool-ram', ''))),
    registerTools: reader.boolean('register-tools', toolsManifest !== undefined),
    dryRun: reader.boolean('dry-run', false),
    smokeCheck: !smokeOff,
    ...(smokeAddress ? { smokeAddress } : {}),
    summary: reader.boolean('summary', true),
  };
}
