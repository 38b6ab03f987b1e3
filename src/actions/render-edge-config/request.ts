import { serverBlockName } from '../../lib/edge-layout.js';
import { InputError } from '../../lib/errors.js';
import type { ParsedInputs } from './inputs.js';
import { checkApiUrl, checkHost, checkListen, checkPath, checkUserName, isPort } from './nginx-values.js';

export type LauncherKind = 'app' | 'tool';

/** Where each launcher's settings come from when its own input is empty (issue #2604 names). */
export const LAUNCHER_SOURCES = {
  app: {
    label: 'app launcher',
    hostInput: 'app-launcher-host',
    hostVariable: 'CP_APPLICATION_LAUNCHER_EXTERNAL_HOST',
    configInput: 'app-launcher-config',
    configVariable: 'CP_APPLICATION_LAUNCHER_CONFIG_PATH',
  },
  tool: {
    label: 'tool launcher',
    hostInput: 'tool-launcher-host',
    hostVariable: 'CP_TOOL_LAUNCHER_EXTERNAL_HOST',
    configInput: 'tool-launcher-config',
    configVariable: 'CP_TOOL_LAUNCHER_CONFIG_PATH',
  },
} as const;

/** A value and where it came from, for error messages. */
interface Sourced {
  value: string;
  origin: string;
}

/** One launcher to render. */
export interface LauncherRequest {
  kind: LauncherKind;
  host: string;
  /** The input blamed for problems with this launcher's host or settings template. */
  configInput: string;
  /** An override settings template: a path on the runner, with where the path came from. */
  configPath?: string;
  configOrigin?: string;
}

/** Everything the core needs, validated. */
export interface RenderRequest {
  launchers: LauncherRequest[];
  apiUrl: string;
  serviceUser: string;
  listen: string;
  certDir: string;
  edgeAppsDir: string;
}

/** The longest file name Linux file systems take (NAME_MAX): each host has a `<host>.srv.conf`. */
const MAX_FILE_NAME = 255;

function pick(input: string, inputValue: string | undefined, variable: string, env: NodeJS.ProcessEnv, installConfig: ReadonlyMap<string, string>): Sourced | undefined {
  if (inputValue !== undefined) return { value: inputValue, origin: `input '${input}'` };
  const fromEnv = env[variable]?.trim();
  if (fromEnv) return { value: fromEnv, origin: `environment variable ${variable}` };
  const fromFile = installConfig.get(variable)?.trim();
  if (fromFile) return { value: fromFile, origin: `install-config ${variable}` };
  return undefined;
}

function checkSourcedHost(sourced: Sourced, input: string): string {
  if (sourced.origin === `input '${input}'`) return checkHost(sourced.value, input);
  try {
    return checkHost(sourced.value, input);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(input, `(from ${sourced.origin}) ${error.message.replace(`Input '${input}': `, '')}`);
    throw error;
  }
}

function resolveApiUrl(inputs: ParsedInputs, env: NodeJS.ProcessEnv, installConfig: ReadonlyMap<string, string>): string {
  if (inputs.apiExternalUrl !== undefined) return checkApiUrl(inputs.apiExternalUrl, 'api-external-url');
  const host = pick('api-external-url', undefined, 'CP_API_SRV_EXTERNAL_HOST', env, installConfig);
  if (!host) {
    throw new InputError('api-external-url', 'is required: give https://<api-host>/pipeline/restapi, or set CP_API_SRV_EXTERNAL_HOST');
  }
  const port = pick('api-external-url', undefined, 'CP_API_SRV_EXTERNAL_PORT', env, installConfig);
  const hostName = checkSourcedHost(host, 'api-external-url');
  if (port && !isPort(port.value)) {
    throw new InputError('api-external-url', `(from ${port.origin}) ${JSON.stringify(port.value)} is not a port number in 1..65535`);
  }
  const suffix = port && Number(port.value) !== 443 ? `:${Number(port.value)}` : '';
  return checkApiUrl(`https://${hostName}${suffix}/pipeline/restapi`, 'api-external-url');
}

/**
 * Resolves and validates what to render: each launcher's host from its input, else the
 * environment, else the install-config file; at least one is needed; hosts must differ.
 */
export function resolveRequest(inputs: ParsedInputs, env: NodeJS.ProcessEnv, installConfig: ReadonlyMap<string, string>): RenderRequest {
  const given = { app: inputs.appLauncherHost, tool: inputs.toolLauncherHost };
  const configs = { app: inputs.appLauncherConfig, tool: inputs.toolLauncherConfig };
  const launchers: LauncherRequest[] = [];
  for (const kind of ['app', 'tool'] as const) {
    const source = LAUNCHER_SOURCES[kind];
    const host = pick(source.hostInput, given[kind], source.hostVariable, env, installConfig);
    if (!host) continue;
    const config = pick(source.configInput, configs[kind], source.configVariable, env, installConfig);
    const hostName = checkSourcedHost(host, source.hostInput);
    if (serverBlockName(hostName).length > MAX_FILE_NAME) {
      throw new InputError(
        source.hostInput,
        `${JSON.stringify(hostName)} has ${hostName.length} characters: its server block ${serverBlockName('<host>')} would exceed the ${MAX_FILE_NAME}-character limit of a file name (at most ${MAX_FILE_NAME - serverBlockName('').length} characters)`,
      );
    }
    launchers.push({
      kind,
      host: hostName,
      configInput: source.configInput,
      ...(config ? { configPath: config.value, configOrigin: config.origin } : {}),
    });
  }
  if (launchers.length === 0) {
    throw new InputError(
      'app-launcher-host',
      'no launcher host given: set app-launcher-host and/or tool-launcher-host (or CP_APPLICATION_LAUNCHER_EXTERNAL_HOST / CP_TOOL_LAUNCHER_EXTERNAL_HOST)',
    );
  }
  if (launchers.length === 2 && launchers[0].host === launchers[1].host) {
    throw new InputError('tool-launcher-host', `'${launchers[1].host}' is also the app launcher's host; each launcher needs its own host name`);
  }
  return {
    launchers,
    apiUrl: resolveApiUrl(inputs, env, installConfig),
    serviceUser: checkUserName(inputs.serviceUser, 'service-user'),
    listen: checkListen(inputs.edgePort, 'edge-port'),
    certDir: checkPath(inputs.certDir, 'cert-dir'),
    edgeAppsDir: checkPath(inputs.edgeAppsDir, 'edge-apps-dir'),
  };
}
