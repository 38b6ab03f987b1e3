import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient } from '../../lib/http-client.js';
import type { Logger } from '../../lib/logger.js';

/** Where the Edge answers and how to trust it. */
export interface SmokeOptions {
  /** The Edge's address, e.g. `https://10.0.0.5:31091`; each host is asked for through it. */
  address: URL;
  hosts: string[];
  /** PEM of the CA that signed the Edge's certificates; else the system's. */
  ca?: string;
  /** Skip TLS verification (self-signed test clusters). */
  insecure?: boolean;
  /** How long a host may take to answer as expected (default 60 s: a real Edge's init sleeps and nginx takes its time). */
  waitSeconds?: number;
  delayMs?: number;
  /** Deadline of one request (default 10 s). */
  timeoutMs?: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env); they apply to the Edge's address. */
  env?: NodeJS.ProcessEnv;
}

export interface SmokeResult {
  host: string;
  path: string;
  status: number;
}

/** The shared HTTP client as the smoke check uses it: the Edge's CA (or none checked), the proxy rules, a deadline per request. */
function edgeClient(options: SmokeOptions): HttpClient {
  return new HttpClient({
    ...(options.ca ? { ca: options.ca } : {}),
    insecure: options.insecure === true,
    deadlineMs: options.timeoutMs ?? 10_000,
    ...(options.env ? { env: options.env } : {}),
  });
}

/**
 * One GET through the Edge address with the launcher's host as Host header and TLS server
 * name, as `curl --resolve host:port:address` would do (HttpRequest.virtualHost), through a proxy
 * when the environment names one for the address. The body is read but never logged:
 * `/settings` carries the anonymous token. Without `client`, one is made for this request.
 */
export async function fetchThroughEdge(options: SmokeOptions, host: string, path: string, client?: HttpClient): Promise<{ status: number; body: string; contentType: string }> {
  const http = client ?? edgeClient(options);
  try {
    const response = await http.request({ method: 'GET', url: new URL(path, options.address), virtualHost: host, headers: { Accept: '*/*' } });
    return { status: response.status, body: response.body.toString('utf8'), contentType: response.header('content-type') ?? '' };
  } finally {
    if (!client) http.close();
  }
}

/** The first stylesheet and the first script the index page loads (same-origin, relative or absolute path). */
export function assetsOf(html: string): { css?: string; js?: string } {
  const local = (ref: string | undefined): string | undefined => {
    if (!ref || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) return undefined;
    return ref.startsWith('/') ? ref : `/${ref.replace(/^\.\//, '')}`;
  };
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((match) => match[0]).filter((tag) => /rel\s*=\s*["']?stylesheet/i.test(tag));
  const css = local(/href\s*=\s*["']([^"']+)["']/i.exec(links[0] ?? '')?.[1]);
  const script = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)].map((match) => match[1])[0];
  const js = local(script);
  return { ...(css ? { css } : {}), ...(js ? { js } : {}) };
}

const TYPES = { css: /^text\/css\b/i, js: /^(application|text)\/javascript\b/i } as const;

async function checkOnce(options: SmokeOptions, host: string, client: HttpClient): Promise<SmokeResult[]> {
  const where = `through ${options.address.host}`;
  const get = (path: string) => fetchThroughEdge(options, host, path, client);
  const index = await get('/');
  if (index.status !== 200) throw new Error(`GET https://${host}/ ${where} answered ${index.status}`);
  if (!/<html/i.test(index.body)) throw new Error(`GET https://${host}/ ${where} did not answer an HTML page`);
  const settings = await get('/settings');
  if (settings.status !== 200) throw new Error(`GET https://${host}/settings ${where} answered ${settings.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(settings.body);
  } catch {
    throw new Error(`GET https://${host}/settings ${where} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || !(host in parsed)) {
    throw new Error(`GET https://${host}/settings ${where} has no entry for ${host}`);
  }
  const results: SmokeResult[] = [
    { host, path: '/', status: index.status },
    { host, path: '/settings', status: settings.status },
  ];
  // The real Edge's http {} has no types: a block without its own serves CSS as text/plain, which browsers refuse.
  for (const [kind, path] of Object.entries(assetsOf(index.body)) as Array<['css' | 'js', string]>) {
    const asset = await get(path);
    if (asset.status !== 200) throw new Error(`GET https://${host}${path} ${where} answered ${asset.status}`);
    if (!TYPES[kind].test(asset.contentType)) {
      throw new Error(`GET https://${host}${path} ${where} is served as '${asset.contentType || 'no Content-Type'}', not ${kind === 'css' ? 'text/css' : 'application/javascript'}`);
    }
    results.push({ host, path, status: asset.status });
  }
  return results;
}

/**
 * The smoke check after a rollout: each launcher host serves its index page, a `/settings` with
 * its own entry, and the stylesheet and script the index loads with their Content-Types. The Edge
 * may need a while after a start, so each host is retried up to `waitSeconds` (bounded).
 */
export async function smokeCheck(options: SmokeOptions, logger: Logger): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  const deadline = Date.now() + (options.waitSeconds ?? 60) * 1000;
  const client = edgeClient(options);
  try {
    for (const host of options.hosts) {
      for (;;) {
        try {
          const checked = await checkOnce(options, host, client);
          results.push(...checked);
          logger.info(`smoke check: ${host} serves ${checked.map((result) => result.path).join(', ')} through ${options.address.host}`);
          break;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await sleep(options.delayMs ?? 2000);
        }
      }
    }
  } finally {
    client.close();
  }
  return results;
}
