import { existsSync, readFileSync } from 'node:fs';
import { renderTemplate } from './template.js';

const TEMPLATE = new URL('../../templates/nginx/edge.conf.hbs', import.meta.url);

/** The parts of an Edge-like nginx.conf: where it lives, what it listens on, what it includes. */
export interface EdgeNginxConf {
  /** nginx's prefix: pid, logs and temp folders go here. */
  prefix: string;
  /** The external-apps folder whose `*.conf` files are included. */
  appsDir: string;
  listen: string;
  certificate: string;
  certificateKey: string;
  /** `stderr` (so `nginx -t` prints warnings) or a file. */
  errorLog: string;
}

const MIME_TYPES = '/etc/nginx/mime.types';

/**
 * Renders the Edge's include layout (`http { … include <apps-dir>/*.conf; }` beside a default
 * server), used by render-edge-config's `nginx -t` check and by the sandbox Edge.
 */
export function renderEdgeNginxConf(conf: EdgeNginxConf): string {
  return renderTemplate(
    { text: readFileSync(TEMPLATE, 'utf8'), input: 'edge.conf', file: '(built-in) edge.conf' },
    {
      ...conf,
      mimeTypes: existsSync(MIME_TYPES) ? MIME_TYPES : false,
      // Workers of a root master run as nobody, who cannot read files in 0700 temp folders.
      runAsRoot: process.getuid?.() === 0,
    },
  );
}
