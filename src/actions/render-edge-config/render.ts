import { EDGE_CERTIFICATE_MARKER, EDGE_RELATIVE, EDGE_ROUTE_MARKER, defaultCertificate, edgePaths, serverBlockName, type CertificatePair } from '../../lib/edge-layout.js';
import type { OutputFile } from '../../lib/output-folder.js';
import { renderTemplate, type TemplateSource } from '../../lib/template.js';
import { PRODUCER_VERSION } from '../../lib/version.js';
import { LAUNCHER_SOURCES, type LauncherKind, type RenderRequest } from './request.js';
import { mergeSettings, renderSettings, type Settings } from './settings.js';

/** The metadata key that marks a tool as an app of a launcher (CP_APPLICATIONS_TAG). */
const APP_TAG = 'app_type';

/** The templates one render uses, already read. */
export interface RenderTemplates {
  /** The action's own settings defaults, per launcher. */
  defaults: Record<LauncherKind, TemplateSource>;
  /** Merged over the defaults: the override template, else the distribution's default. */
  layers: Partial<Record<LauncherKind, TemplateSource>>;
  serverBlock: TemplateSource;
}

export interface RenderedLauncher {
  kind: LauncherKind;
  host: string;
  /** The server block's path in the output folder. */
  file: string;
  /** What the block names before the deploy resolves it on the Edge node (the default pair). */
  certificate: CertificatePair;
}

export interface RenderedEdgeConfig {
  hosts: string[];
  launchers: RenderedLauncher[];
  settings: Record<string, Settings>;
  files: OutputFile[];
}

/** Output folder paths: `external-apps/` mirrors the Edge's external-apps folder. */
export const OUTPUT_APPS_DIR = 'external-apps';
export const OUTPUT_SETTINGS_FILE = `${OUTPUT_APPS_DIR}/${EDGE_RELATIVE.settings}`;

/** Where a render points the blocks' certificate lines (the Edge's pki unless a copy is checked). */
export interface RenderPlacement {
  pkiDir?: string;
}

/**
 * The core of render-edge-config: a server block per launcher host and one hostname-keyed
 * settings.json (the launcher fetches `/settings` and reads `response[location.hostname]`).
 * Certificates are the Edge's business: each block names the Edge's default pair on lines ending
 * with EDGE_CERTIFICATE_MARKER, which the deploy resolves on the Edge node by the Edge's rule.
 * Pure: the shell reads templates and writes the result.
 */
export function renderEdgeConfig(request: RenderRequest, templates: RenderTemplates, placement: RenderPlacement = {}): RenderedEdgeConfig {
  const paths = edgePaths(request.edgeAppsDir);
  const settings: Record<string, Settings> = {};
  const launchers: RenderedLauncher[] = [];
  const files: OutputFile[] = [];

  for (const launcher of request.launchers) {
    const context = { host: launcher.host, apiUrl: request.apiUrl, tag: APP_TAG, serviceUser: request.serviceUser };
    const defaults = renderSettings(templates.defaults[launcher.kind], context);
    const layer = templates.layers[launcher.kind];
    settings[launcher.host] = layer ? mergeSettings(defaults, renderSettings(layer, context)) : defaults;

    const certificate = defaultCertificate(placement.pkiDir);
    const block = renderTemplate(templates.serverBlock, {
      label: LAUNCHER_SOURCES[launcher.kind].label,
      kind: launcher.kind,
      isApp: launcher.kind === 'app',
      host: launcher.host,
      listen: request.listen,
      certificate: certificate.certificate,
      certificateKey: certificate.key,
      certificateMarker: EDGE_CERTIFICATE_MARKER,
      root: paths.root,
      settingsFile: paths.settingsFile,
      extJsDir: paths.extJsDir,
      routeMarker: EDGE_ROUTE_MARKER,
      version: PRODUCER_VERSION,
    });
    const file = `${OUTPUT_APPS_DIR}/${serverBlockName(launcher.host)}`;
    files.push({ path: file, content: block });
    launchers.push({ kind: launcher.kind, host: launcher.host, file, certificate });
  }

  files.push({ path: OUTPUT_SETTINGS_FILE, content: `${JSON.stringify(settings, null, 2)}\n` });
  return { hosts: launchers.map((launcher) => launcher.host), launchers, settings, files };
}
