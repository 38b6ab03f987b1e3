import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from '../../lib/logger.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the Edge answers and how to trust it. */
export interface SmokeOptions {
  /** The Edge's address, e.g. `https://10.0.0.5:31091`; each host is asked for through it. */
  address: URL;
  hosts: string[];
  /** PEM of the CA that signed the Edge's certificates; else the system's. */
  ca?: string;
  /** Skip TLS verification (self-signed test clusters). */
  insecure?: boolean;
  attempts?: number;
  delayMs?: number;
  timeoutMs?: number;
}

export interface SmokeResult {
  host: string;
  path: string;
  status: number;
}

/**
 * One GET through the Edge address with the launcher's host as Host header and TLS server
 * name, as `curl --resolve host:port:address` would do. The body is read but never logged:
 * `/settings` carries the anonymous token.
 */
export function fetchThroughEdge(options: SmokeOptions, host: string, path: string): Promise<{ status: number; body: string }> {
  const secure = options.address.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  const port = options.address.port === '' ? (secure ? 443 : 80) : Number(options.address.port);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address.hostname,
        port,
        path,
        method: 'GET',
        headers: { Host: port === (secure ? 443 : 80) ? host : `${host}:${port}`, Accept: '*/*' },
        timeout: options.timeoutMs ?? 10_000,
        ...(secure ? { servername: host, rejectUnauthorized: !options.insecure, ...(options.ca ? { ca: options.ca } : {}) } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function checkOnce(options: SmokeOptions, host: string): Promise<SmokeResult[]> {
  const index = await fetchThroughEdge(options, host, '/');
  if (index.status !== 200) throw new Error(`GET https://${host}/ through ${options.address.host} answered ${index.status}`);
  if (!/<html/i.test(index.body)) throw new Error(`GET https://${host}/ through ${options.address.host} did not answer an HTML page`);
  const settings = await fetchThroughEdge(options, host, '/settings');
  if (settings.status !== 200) throw new Error(`GET https://${host}/settings through ${options.address.host} answered ${settings.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(settings.body);
  } catch {
    throw new Error(`GET https://${host}/settings through ${options.address.host} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || !(host in parsed)) {
    throw new Error(`GET https://${host}/settings through ${options.address.host} has no entry for ${host}`);
  }
  return [
    { host, path: '/', status: index.status },
    { host, path: '/settings', status: settings.status },
  ];
}

/**
 * The optional smoke check after a rollout: each launcher host serves its index page and a
 * `/settings` with its own entry. The Edge may need a moment after its restart, so each host
 * gets a few attempts.
 */
export async function smokeCheck(options: SmokeOptions, logger: Logger): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const host of options.hosts) {
    const attempts = options.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        results.push(...(await checkOnce(options, host)));
        logger.info(`smoke check: ${host} serves / and /settings through ${options.address.host}`);
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await sleep(options.delayMs ?? 1000);
      }
    }
  }
  return results;
}
