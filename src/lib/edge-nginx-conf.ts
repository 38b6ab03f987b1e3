import { readFileSync } from 'node:fs';
import { renderTemplate } from './template.js';

const TEMPLATE = new URL('../../templates/nginx/edge.conf.hbs', import.meta.url);

/** The parts of an Edge-like nginx.conf: where its files live, what it listens on, what it includes. */
export interface EdgeNginxConf {
  /** The external-apps folder whose `*.conf` files are included (`/etc/nginx/external-apps`). */
  appsDir: string;
  /** sync-routes' route folder (`/etc/nginx/sites-enabled`): `*.loc.conf`, `custom-domains/*.srv.conf`. */
  sitesDir: string;
  /** Location-only external apps (`/etc/nginx/external-locs`), included in the main server. */
  locsDir: string;
  /** The web port (`8181`) or `IPV4:PORT`. */
  listen: string;
  certificate: string;
  certificateKey: string;
  /** `stderr` (so `nginx -t` prints warnings) or a file. */
  errorLog: string;
  accessLog: string;
  pid: string;
  /** The folder of nginx's temp folders. */
  tempDir: string;
}

/**
 * Renders the Edge's nginx.conf as far as external apps meet it (upstream nginx.conf:66-99 and
 * its main server at :230-251, with the external-locs of :247), used by render-edge-config's `nginx -t` and by the sandbox Edge.
 */
export function renderEdgeNginxConf(conf: EdgeNginxConf): string {
  return renderTemplate(
    { text: readFileSync(TEMPLATE, 'utf8'), input: 'edge.conf', file: '(built-in) edge.conf' },
    {
      ...conf,
      // The Edge runs nginx as root (nginx.conf:15); elsewhere `user` would only print a [warn].
      runAsRoot: process.getuid?.() === 0,
    },
  );
}
