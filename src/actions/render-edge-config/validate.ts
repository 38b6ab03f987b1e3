import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultCertificate, edgeCertificateFor, resolveCertificateLines } from '../../lib/edge-layout.js';
import { renderEdgeNginxConf } from '../../lib/edge-nginx-conf.js';
import { ConfigurationError, type FileLocation } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Nginx, NginxMessage } from '../../tools/nginx.js';
import type { OpenSsl } from '../../tools/openssl.js';
import { OUTPUT_APPS_DIR, renderEdgeConfig, type RenderedEdgeConfig, type RenderTemplates } from './render.js';
import type { RenderRequest } from './request.js';
import { templateLineFor } from './template-lines.js';

/**
 * `nginx -t` refused the rendered set; the message lists each problem with file and line, and
 * the template line that wrote it. `location`, the first problem's template line, becomes the
 * step's annotation.
 */
export class NginxValidationError extends ConfigurationError {
  override name = 'NginxValidationError';
  constructor(
    message: string,
    readonly location?: FileLocation,
  ) {
    super(message);
  }
}

/** Where in the server-block template an nginx problem in a rendered block comes from, if found. */
function templateLocation(message: NginxMessage, sandboxAppsDir: string, rendered: RenderedEdgeConfig, template: RenderTemplates['serverBlock']): FileLocation | undefined {
  if (!message.file?.startsWith(`${sandboxAppsDir}/`) || message.line === undefined) return undefined;
  const path = `${OUTPUT_APPS_DIR}/${message.file.slice(sandboxAppsDir.length + 1)}`;
  const file = rendered.files.find((candidate) => candidate.path === path);
  // Only server blocks come from the template (settings.json is JSON written by the action).
  if (!file || !path.endsWith('.srv.conf')) return undefined;
  const line = templateLineFor(template.text, String(file.content), message.line);
  return line === undefined ? undefined : { file: template.file, line };
}

export interface ValidationTools {
  nginx: Nginx;
  openssl: OpenSsl;
}

/** A runner-side copy of the Edge's pki folder (the `cert-dir` input), when one is readable here. */
export interface CertificateFolder {
  dir: string;
  files: readonly string[];
}

/** What the launcher must be served with: a browser refuses CSS and module JS sent as text/plain. */
const REQUIRED_TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'application/javascript' };

/**
 * The extensions of REQUIRED_TYPES a server block gives no type. The Edge's http {} has no types
 * (nginx's built-in ones cover only html, gif and jpg), so a block must carry its own `types {}`
 * or include the image's /etc/nginx/mime.types; nginx -t cannot see the difference.
 */
function missingTypes(block: string): string[] {
  const text = block.replace(/#.*$/gm, '');
  if (/^\s*include\s+\S*mime\.types\s*;/m.test(text)) return [];
  const mapped = new Set<string>();
  for (const match of text.matchAll(/\btypes\s*\{([^}]*)\}/g)) {
    for (const entry of match[1].split(';')) {
      const [, ...extensions] = entry.trim().split(/\s+/);
      for (const extension of extensions) mapped.add(extension);
    }
  }
  return Object.keys(REQUIRED_TYPES).filter((extension) => !mapped.has(extension));
}

/**
 * The `listen` value for the runner-side copy: `nginx -t` binds every listen socket, and the
 * Edge node's own address (`10.0.0.5:8181`) cannot be bound on the runner, so an `IPV4:PORT` is
 * checked on loopback with the same port, as the paths are moved into a temp folder.
 */
export function runnerListen(listen: string): string {
  const colon = listen.lastIndexOf(':');
  return colon === -1 ? listen : `127.0.0.1:${listen.slice(colon + 1)}`;
}

/**
 * For a bind error that remains (a privileged port for a runner that is not root): which input
 * the address comes from, since nginx names only the address.
 */
export function listenHint(messages: readonly NginxMessage[], given: string, checked: string): string | undefined {
  if (!messages.some((message) => /\bbind\(\) to /.test(message.text))) return undefined;
  return `(the listen address comes from input 'edge-port' = ${JSON.stringify(given)}, checked on the runner as ${checked}; nginx -t must be able to bind it here, else set validate: false)`;
}

function describe(message: NginxMessage, sandboxAppsDir: string, source: FileLocation | undefined): string {
  let where = '';
  if (message.file) {
    const relative = message.file.startsWith(`${sandboxAppsDir}/`)
      ? `${OUTPUT_APPS_DIR}/${message.file.slice(sandboxAppsDir.length + 1)}`
      : message.file;
    where = `${relative}:${message.line ?? '?'}: `;
  }
  return `${where}[${message.level}] ${message.text}${source ? ` (written by ${source.file}:${source.line})` : ''}`;
}

/**
 * Checks a request with the real `nginx -t` inside a copy of the Edge's include layout, under an
 * http {} that mirrors the Edge's (no types, server_names_hash_bucket_size 128, a default_server
 * on the port), so a duplicate server_name or a conflicting block shows up as it would on the
 * Edge. The blocks are rendered again with the external-apps folder moved into a temp folder
 * and an `IPV4:PORT` listen address moved to loopback (runnerListen);
 * their marked certificate lines point at the pair the Edge's rule picks from `certificates`
 * (a copy of the Edge's pki on the runner) when given, else at throw-away self-signed files.
 * Line numbers are unchanged, so errors point into the output folder's files. Errors, `[warn]`
 * lines and a block without types for the launcher's html, css and js all fail.
 */
export async function validateWithNginx(
  request: RenderRequest,
  templates: RenderTemplates,
  certificates: CertificateFolder | undefined,
  tools: ValidationTools,
  logger: Logger,
): Promise<void> {
  const sandbox = await mkdtemp(join(tmpdir(), 'qla-nginx-t-'));
  try {
    const appsDir = join(sandbox, 'external-apps');
    const pki = join(sandbox, 'pki');
    const listen = runnerListen(request.listen);
    const rendered = renderEdgeConfig({ ...request, edgeAppsDir: appsDir, listen }, templates, { pkiDir: pki });
    await mkdir(pki, { recursive: true });
    const fallback = defaultCertificate(pki);
    await tools.openssl.selfSigned({ certificate: fallback.certificate, key: fallback.key, commonName: 'nginx-t.invalid' });
    const byFile = new Map(rendered.launchers.map((launcher) => [launcher.file, launcher.host]));
    for (const file of rendered.files) {
      const path = join(sandbox, file.path);
      await mkdir(dirname(path), { recursive: true });
      const host = byFile.get(file.path);
      const content = host && certificates ? resolveCertificateLines(String(file.content), edgeCertificateFor(host, certificates.files, certificates.dir)) : file.content;
      await writeFile(path, content);
    }
    for (const folder of ['temp', 'sites-enabled/custom-domains']) await mkdir(join(sandbox, folder), { recursive: true });
    const config = join(sandbox, 'nginx.conf');
    await writeFile(
      config,
      renderEdgeNginxConf({
        appsDir,
        sitesDir: join(sandbox, 'sites-enabled'),
        locsDir: join(sandbox, 'external-locs'),
        listen,
        certificate: fallback.certificate,
        certificateKey: fallback.key,
        errorLog: 'stderr',
        accessLog: join(sandbox, 'access.log'),
        pid: join(sandbox, 'nginx.pid'),
        tempDir: join(sandbox, 'temp'),
      }),
    );
    const result = await tools.nginx.test(config, sandbox);
    const problems = result.messages.filter((message) => message.level !== 'notice' && message.level !== 'info');
    const untyped = rendered.launchers.flatMap((launcher) => {
      const missing = missingTypes(String(rendered.files.find((file) => file.path === launcher.file)?.content ?? ''));
      return missing.length === 0 ? [] : [`  ${launcher.file}: [warn] no type for ${missing.map((extension) => `.${extension}`).join(', ')}: the Edge's http {} has no types, so they would be served as text/plain (add a types {} block or include /etc/nginx/mime.types)`];
    });
    if (result.exitCode !== 0 || problems.length > 0 || untyped.length > 0) {
      const sources = problems.map((message) => templateLocation(message, appsDir, rendered, templates.serverBlock));
      const lines = [...problems.map((message, index) => `  ${describe(message, appsDir, sources[index])}`), ...untyped];
      if (lines.length === 0) lines.push(`  nginx -t exited with ${result.exitCode}`);
      const hint = listenHint(problems, request.listen, listen);
      if (hint) lines.push(`  ${hint}`);
      throw new NginxValidationError(`nginx -t rejected the rendered Edge configuration:\n${lines.join('\n')}`, sources.find((source) => source !== undefined));
    }
    const checked = certificates ? `certificates picked from ${certificates.dir} by the Edge's rule` : 'throw-away certificates';
    logger.info(`nginx -t: the rendered configuration is valid (${rendered.launchers.length} server block(s), ${checked})`);
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}
