import { DEFAULT_CERT_DIR, DEFAULT_EDGE_APPS_DIR } from '../../lib/edge-layout.js';
import type { Handoff, Resolved } from '../../lib/handoff.js';
import type { InputReader } from '../../lib/inputs.js';
import { workFolder } from '../../lib/runner-temp.js';

export type ValidateMode = 'auto' | 'true' | 'false';

/** render-edge-config's inputs as given (a hand-off may be pending); hosts and templates are resolved in `request.ts`. */
export interface ParsedInputs {
  appLauncherHost?: string;
  toolLauncherHost?: string;
  appLauncherConfig?: string;
  toolLauncherConfig?: string;
  installConfig?: string;
  /** In the root action, build-dist's output folder when that stage runs too. */
  distribution?: Handoff;
  apiExternalUrl?: string;
  serviceUser: string;
  edgePort: string;
  /** A runner-side copy of the Edge's pki folder: only `nginx -t` reads it (the Edge resolves certificates). */
  certDir: string;
  edgeAppsDir: string;
  serverTemplate?: string;
  validate: ValidateMode;
  outputDir: string;
  summary: boolean;
}

/** The inputs the renderer works with: the distribution folder known. */
export type Inputs = Resolved<ParsedInputs>;

/** Reads every input of render-edge-config once. */
export function getInputs(reader: InputReader, env: NodeJS.ProcessEnv): ParsedInputs {
  return {
    appLauncherHost: reader.optional('app-launcher-host'),
    toolLauncherHost: reader.optional('tool-launcher-host'),
    appLauncherConfig: reader.optional('app-launcher-config'),
    toolLauncherConfig: reader.optional('tool-launcher-config'),
    installConfig: reader.optional('install-config'),
    distribution: reader.handoff('distribution'),
    apiExternalUrl: reader.optional('api-external-url'),
    serviceUser: reader.string('service-user', 'SHINY_PORTAL'),
    edgePort: reader.string('edge-port', '8181'),
    certDir: reader.string('cert-dir', DEFAULT_CERT_DIR),
    edgeAppsDir: reader.string('edge-apps-dir', DEFAULT_EDGE_APPS_DIR),
    serverTemplate: reader.optional('server-template'),
    validate: reader.choice('validate', ['auto', 'true', 'false'] as const, 'auto'),
    outputDir: reader.optional('output-dir') ?? workFolder(env, 'edge-config'),
    summary: reader.boolean('summary', true),
  };
}
