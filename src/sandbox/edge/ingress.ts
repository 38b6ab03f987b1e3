import { defaultCertificate } from '../../lib/edge-layout.js';

/**
 * The Edge's "ingress" mode for the API (docs/sandbox-edge.md, "The API through the Edge"):
 * upstream's http {} includes `/etc/nginx/ingress/cp-*.conf` first
 * (deploy/docker/cp-edge/nginx.conf:67-68); the image ships `ingress-config/*.conf.tmpl` there
 * (Dockerfile:156) and init, with `CP_KUBE_SERVICES_TYPE=ingress`, writes each template through
 * envsubst as `cp-*.conf` (init:117-133, the API timeouts defaulting to 60s at :119-121).
 */
export interface EdgeIngress {
  /** `CP_API_SRV_EXTERNAL_HOST`: the host name browsers reach the API by. */
  apiHost: string;
  /** Where the API listens: the stand-in's `http://127.0.0.1:<port>` (upstream: `https://CP_API_SRV_INTERNAL_HOST:PORT`). */
  apiBackend: string;
}

/** The container path of the include (nginx.conf:68) and of the API's block in it. */
const INGRESS_DIR = '/etc/nginx/ingress';
export const API_INGRESS_CONF = `${INGRESS_DIR}/cp-api-srv.conf`;

/** The include line upstream's http {} opens with (nginx.conf:67-68). */
const INGRESS_INCLUDE = `    # Configs to proxy the Cloud Pipeline services (e.g. API) in the "ingress" mode (upstream nginx.conf:67-68)\n    include ${INGRESS_DIR}/cp-*.conf;\n`;

/**
 * cp-api-srv.conf as init renders it from `ingress-config/cp-api-srv.conf.tmpl` (lines 1-45):
 * the web port with TLS for the API's host, `/` redirected to `/pipeline/`, `/favicon.ico` 404,
 * `/pipeline/` proxied to the API with the caller's Host and the 60s timeouts. Stand-in
 * differences: the Edge's own pair instead of `/etc/api/pki/…` (the sandbox mounts no API pki),
 * no `server.common.conf` include (the image part external apps never meet), no resolver (the
 * backend is an address), the backend plain HTTP on loopback, and no `/static/search.js`.
 */
export function apiIngressConf(ingress: EdgeIngress, pkiDir: string): string {
  if (!/^[a-z0-9.-]+$/i.test(ingress.apiHost)) throw new Error(`sandbox Edge: not a host name: ${ingress.apiHost}`);
  if (!/^https?:\/\/127\.0\.0\.1:\d+$/.test(ingress.apiBackend)) throw new Error(`sandbox Edge: the API backend must be http(s)://127.0.0.1:<port>, not ${ingress.apiBackend}`);
  const pair = defaultCertificate(pkiDir);
  return [
    'server {',
    '    listen                      8181 ssl;',
    `    server_name                 ${ingress.apiHost};`,
    '',
    '    # SSL (stand-in: the Edge\'s pair; upstream /etc/api/pki/ssl-public-cert.pem and ssl-private-key.pem)',
    `    ssl_certificate             ${pair.certificate};`,
    `    ssl_certificate_key         ${pair.key};`,
    '',
    '    location / {',
    '        return 301 $scheme://$host/pipeline/;',
    '    }',
    '',
    '    location /favicon.ico {',
    '        return 404;',
    '    }',
    '',
    '    location /pipeline/ {',
    `        proxy_pass       ${ingress.apiBackend};`,
    '        proxy_set_header Host $http_host;',
    '',
    '        proxy_connect_timeout   60s;',
    '        proxy_send_timeout      60s;',
    '        proxy_read_timeout      60s;',
    '    }',
    '}',
    '',
  ].join('\n');
}

/** The Edge's nginx.conf with the ingress include opening its http {}, where upstream has it. */
export function withIngressInclude(nginxConf: string): string {
  if (!/^http \{\n/m.test(nginxConf)) throw new Error('sandbox Edge: the Edge nginx.conf has no "http {" line for the ingress include');
  return nginxConf.replace(/^http \{\n/m, `http {\n${INGRESS_INCLUDE}\n`);
}
