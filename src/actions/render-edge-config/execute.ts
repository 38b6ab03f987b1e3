import { readdir } from 'node:fs/promises';
import type { Logger } from '../../lib/logger.js';
import type { Manifest } from '../../lib/manifest.js';
import { writeOutputFolder } from '../../lib/output-folder.js';
import { markdownTable } from '../../lib/markdown.js';
import { execRunner, findOnPath } from '../../tools/exec.js';
import { Nginx } from '../../tools/nginx.js';
import { OpenSsl } from '../../tools/openssl.js';
import type { Inputs } from './inputs.js';
import { readInstallConfig } from './install-config.js';
import { EDGE_CONFIG_KIND, chooseValidation, planRender } from './plan.js';
import type { RenderedEdgeConfig } from './render.js';
import { resolveRequest, type RenderRequest } from './request.js';
import { loadTemplates } from './templates.js';
import { validateWithNginx, type CertificateFolder, type ValidationTools } from './validate.js';

/**
 * render-edge-config's work once its inputs are parsed: load the templates, render them by the
 * plan, check with nginx -t, write the output folder; and the summary of what it wrote.
 */

/**
 * `cert-dir` as a runner-side copy of the Edge's pki folder, when it can be read here: only the
 * `nginx -t` check uses it (the output never does: the Edge resolves certificates itself).
 */
async function certificateFolder(certDir: string): Promise<CertificateFolder | undefined> {
  const files = await readdir(certDir).catch(() => undefined);
  return files && files.length > 0 ? { dir: certDir, files } : undefined;
}

/**
 * The tools for `nginx -t`, or, when validation is off or (with `auto`) impossible here, why it
 * does not run (for the summary).
 */
async function validationTools(mode: Inputs['validate'], logger: Logger): Promise<{ tools?: ValidationTools; skipped?: string }> {
  if (mode === 'false') return { skipped: 'not run (validate: false)' };
  const nginx = await findOnPath('nginx');
  const openssl = await findOnPath('openssl');
  const choice = chooseValidation(mode, { nginx: nginx !== undefined, openssl: openssl !== undefined });
  if (choice.run && nginx && openssl) return { tools: { nginx: new Nginx(nginx, execRunner), openssl: new OpenSsl(openssl, execRunner) } };
  if (!choice.run && choice.warning) logger.warning(choice.warning);
  return { skipped: `not run: ${!choice.run && choice.warning ? choice.warning : 'nginx or openssl is not on PATH'}` };
}

/** What the step wrote, and whether and how `nginx -t` checked it. */
export interface WriteResult {
  rendered: RenderedEdgeConfig;
  manifest: Manifest;
  /** One line for the summary: passed (and with which certificates), or why it did not run. */
  nginxTest: string;
}

/**
 * Renders what the Edge needs to serve the launcher: everything is computed and checked before
 * the output folder is written, so bad input leaves no folder behind.
 */
export async function renderAndWrite(inputs: Inputs, env: NodeJS.ProcessEnv, logger: Logger): Promise<WriteResult> {
  return writeRendered(inputs, resolveRequest(inputs, env, readInstallConfig(inputs.installConfig)), logger);
}

/** renderAndWrite once the request is resolved (what the stage calls after its input checks). */
export async function writeRendered(inputs: Inputs, request: RenderRequest, logger: Logger): Promise<WriteResult> {
  const templates = await loadTemplates(request, { distribution: inputs.distribution, serverTemplate: inputs.serverTemplate });
  const { rendered, inputsDigest } = planRender(request, templates);
  for (const launcher of rendered.launchers) logger.info(`${launcher.kind} launcher: ${launcher.host} -> ${launcher.file}`);

  const { tools, skipped } = await validationTools(inputs.validate, logger);
  let nginxTest = skipped ?? 'not run';
  if (tools) {
    const certificates = await certificateFolder(request.certDir);
    await logger.group('nginx -t on the rendered configuration', () => validateWithNginx(request, templates, certificates, tools, logger));
    nginxTest = `passed, inside the Edge's http {}, with ${certificates ? `the certificates in ${request.certDir}` : 'throw-away self-signed certificates'}`;
  }

  const manifest = await writeOutputFolder(inputs.outputDir, rendered.files, { kind: EDGE_CONFIG_KIND, action: 'render-edge-config', inputsDigest });
  return { rendered, manifest, nginxTest };
}

/** The job summary: hosts, their server blocks and certificates, every file with its digest. */
export function summaryMarkdown(rendered: RenderedEdgeConfig, manifest: Manifest, outputDir: string, nginxTest: string): string {
  return [
    '### Quick Launcher: Edge configuration',
    '',
    markdownTable(
      ['launcher', 'host', 'server block'],
      rendered.launchers.map((launcher) => [launcher.kind, `[${launcher.host}](https://${launcher.host}/)`, launcher.file]),
    ),
    '',
    `nginx -t: ${nginxTest}`,
    '',
    "Certificates are resolved on the Edge by its own rule (the longest `<suffix>-public-cert.pem` in `/etc/edge/pki` that ends the host, else `ssl-*.pem`) when the deploy installs the blocks.",
    '',
    markdownTable(['file', 'size', 'sha256'], manifest.files.map((file) => [file.path, String(file.size), file.sha256])),
    '',
    `Output folder: \`${outputDir}\``,
    '',
  ].join('\n');
}
