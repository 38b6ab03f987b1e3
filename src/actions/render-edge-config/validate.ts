import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderEdgeNginxConf } from '../../lib/edge-nginx-conf.js';
import { ConfigurationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Nginx, NginxMessage } from '../../tools/nginx.js';
import type { OpenSsl } from '../../tools/openssl.js';
import { OUTPUT_APPS_DIR, renderEdgeConfig, type RenderTemplates } from './render.js';
import type { RenderRequest } from './request.js';

/** `nginx -t` refused the rendered set; the message lists each problem with file and line. */
export class NginxValidationError extends ConfigurationError {
  override name = 'NginxValidationError';
}

export interface ValidationTools {
  nginx: Nginx;
  openssl: OpenSsl;
}

function describe(message: NginxMessage, sandboxAppsDir: string): string {
  let where = '';
  if (message.file) {
    const relative = message.file.startsWith(`${sandboxAppsDir}/`)
      ? `${OUTPUT_APPS_DIR}/${message.file.slice(sandboxAppsDir.length + 1)}`
      : message.file;
    where = `${relative}:${message.line ?? '?'}: `;
  }
  return `${where}[${message.level}] ${message.text}`;
}

/**
 * Checks a request with the real `nginx -t` inside a copy of the Edge's include layout: the
 * same templates are rendered again with the Edge paths moved into a temp folder, where
 * throw-away self-signed certificates stand in for the Edge's. Line numbers are unchanged, so
 * errors point into the output folder's files. Errors and `[warn]` lines (e.g. a duplicate
 * server_name) both fail.
 */
export async function validateWithNginx(
  request: RenderRequest,
  templates: RenderTemplates,
  certificateNames: readonly string[],
  tools: ValidationTools,
  logger: Logger,
): Promise<void> {
  const sandbox = await mkdtemp(join(tmpdir(), 'qla-nginx-t-'));
  try {
    const appsDir = join(sandbox, 'external-apps');
    const pki = join(sandbox, 'pki');
    const moved = { ...request, edgeAppsDir: appsDir, certDir: pki };
    const rendered = renderEdgeConfig(moved, templates, certificateNames);
    for (const file of rendered.files) {
      const path = join(sandbox, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    await mkdir(pki, { recursive: true });
    await mkdir(join(sandbox, 'temp'), { recursive: true });
    const pairs = [{ certificate: join(pki, 'ssl-public-cert.pem'), key: join(pki, 'ssl-private-key.pem') }];
    for (const launcher of rendered.launchers) pairs.push(launcher.certificate);
    const made = new Set<string>();
    for (const pair of pairs) {
      if (made.has(pair.certificate)) continue;
      made.add(pair.certificate);
      await tools.openssl.selfSigned({ certificate: pair.certificate, key: pair.key, commonName: 'nginx-t.invalid' });
    }
    const config = join(sandbox, 'nginx.conf');
    await writeFile(
      config,
      renderEdgeNginxConf({ prefix: sandbox, errorLog: 'stderr', appsDir, listen: request.listen, certificate: pairs[0].certificate, certificateKey: pairs[0].key }),
    );
    const result = await tools.nginx.test(config, sandbox);
    const problems = result.messages.filter((message) => message.level !== 'notice' && message.level !== 'info');
    if (result.exitCode !== 0 || problems.length > 0) {
      const lines = problems.map((message) => `  ${describe(message, appsDir)}`);
      if (lines.length === 0) lines.push(`  nginx -t exited with ${result.exitCode}`);
      throw new NginxValidationError(`nginx -t rejected the rendered Edge configuration:\n${lines.join('\n')}`);
    }
    logger.info(`nginx -t: the rendered configuration is valid (${rendered.launchers.length} server block(s))`);
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}
