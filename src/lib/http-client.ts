import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { HttpTunnelAgent, HttpsTunnelAgent } from './https-tunnel-agent.js';
import { proxyAuthorization, proxyRoute } from './proxy-env.js';

/** How the one HTTP client of the actions (the Cloud Pipeline API, the registry) talks. */
export interface HttpClientOptions {
  /** PEM text of the CA(s) trusted for the origin's TLS, directly and through a proxy tunnel (replaces the default roots). */
  ca?: string;
  /** Skip the origin's TLS verification. */
  insecure?: boolean;
  /** Whole-request deadline in ms: connecting, the proxy tunnel, the headers and the whole body (default 60 s). */
  deadlineMs?: number;
  /** Socket inactivity timeout in ms (default: the deadline). */
  idleTimeoutMs?: number;
  /** Largest answer body read, in bytes (default 64 MiB). */
  maxResponseBytes?: number;
  /** Most sockets per origin (default 64). */
  maxSockets?: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Resolves host names for direct connections (default dns.lookup); a proxy resolves the names it is given. */
  lookup?: LookupFunction;
}

export const DEFAULT_DEADLINE_MS = 60_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface HttpRequest {
  method: string;
  /** Where to connect; with `virtualHost`, its host is only the address (the proxy rules and NO_PROXY apply to it). */
  url: string | URL;
  /**
   * The name to send as Host and as TLS server name, and to check the certificate for, instead of
   * the URL's host, like `curl --resolve name:port:address` (the smoke check asks the Edge's
   * address for each launcher host). Through a proxy, even plain http goes through a CONNECT
   * tunnel, so that the Host header reaches the address unchanged.
   */
  virtualHost?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The first value of a header, by lower-case name. */
  header(name: string): string | undefined;
}

/** A request that ran past its deadline or whose answer was larger than allowed. */
export class HttpLimitError extends Error {
  override name = 'HttpLimitError';
  constructor(
    readonly limit: 'deadline' | 'size',
    /** The deadline in ms or the size in bytes. */
    readonly value: number,
  ) {
    super(limit === 'deadline' ? `no complete answer within ${formatMs(value)}` : `the answer is larger than ${formatBytes(value)}`);
  }
}

/** Node's codes for a certificate the client does not trust or that does not fit the host. */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

/** True when `error` says the peer's certificate was not trusted or did not match. */
export function isCertificateError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return CERTIFICATE_CODES.test(code) || (error instanceof Error && /certificate/i.test(error.message));
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

/**
 * One HTTP(S) client for every call the actions make over the network: the proxy from the
 * environment (CONNECT tunnels for https, absolute-form requests for http, NO_PROXY honoured,
 * loopback always direct), the CA applied to the origin's TLS whichever way it is reached, an
 * overall deadline and a size cap on every answer, kept-alive sockets.
 */
export class HttpClient {
  private readonly agents = new Map<string, HttpAgent>();
  private readonly deadlineMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** Sends one request and reads the whole answer (bounded); network errors reject with Node's error and code. */
  request(spec: HttpRequest): Promise<HttpResponse> {
    const url = new URL(spec.url);
    if (url.username !== '' || url.password !== '') return Promise.reject(new Error('credentials in a request URL are refused'));
    const { proxy } = proxyRoute(url, this.options.env ?? process.env);
    const https = url.protocol === 'https:';
    const headers: OutgoingHttpHeaders = { ...spec.headers };
    let target: { host: string; port: string; path: string; agent: HttpAgent; secure: boolean };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const virtual = spec.virtualHost;
    if (virtual !== undefined) headers.host = url.port === '' ? virtual : `${virtual}:${url.port}`;
    if (proxy === undefined || https || virtual !== undefined) {
      target = { host, port: url.port, path: url.pathname + url.search, agent: this.agentFor(https, proxy), secure: https };
    } else {
      // Plain http through a proxy: the absolute URL goes to the proxy, which forwards it.
      const authorization = proxyAuthorization(proxy);
      if (authorization) headers['proxy-authorization'] = authorization;
      headers.host = url.host;
      const proxyHttps = proxy.protocol === 'https:';
      target = { host: proxy.hostname.replace(/^\[|\]$/g, ''), port: proxy.port, path: url.href, agent: this.agentFor(proxyHttps, undefined, true), secure: proxyHttps };
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
        request.destroy();
      };
      const timer = setTimeout(() => fail(new HttpLimitError('deadline', this.deadlineMs)), this.deadlineMs);
      const send = target.secure ? httpsRequest : httpRequest;
      const request = send(
        {
          method: spec.method,
          host: target.host,
          ...(target.port ? { port: target.port } : {}),
          path: target.path,
          headers,
          agent: target.agent,
          // SNI and the certificate check: the virtual host's name (https.Agent keeps its connections apart by it).
          ...(https && virtual !== undefined ? { servername: virtual } : {}),
        },
        (response) => {
          const declared = Number(response.headers['content-length']);
          if (Number.isFinite(declared) && declared > this.maxBytes) {
            fail(new HttpLimitError('size', this.maxBytes));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxBytes) fail(new HttpLimitError('size', this.maxBytes));
            else chunks.push(chunk);
          });
          response.once('error', fail);
          response.once('aborted', () => fail(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' })));
          response.once('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            const responseHeaders = response.headers;
            resolve({
              status: response.statusCode ?? 0,
              headers: responseHeaders,
              body: Buffer.concat(chunks),
              header: (name) => {
                const value = responseHeaders[name.toLowerCase()];
                return Array.isArray(value) ? value[0] : value;
              },
            });
          });
        },
      );
      request.setTimeout(this.options.idleTimeoutMs ?? this.deadlineMs, () =>
        fail(Object.assign(new Error('Request timeout: the connection was idle too long'), { code: 'ETIMEDOUT' })),
      );
      request.once('error', fail);
      request.end(spec.body);
    });
  }

  /** Closes kept-alive sockets. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agentFor(https: boolean, proxy: URL | undefined, toProxy = false): HttpAgent {
    const key = `${https ? 'https' : 'http'}|${proxy?.href ?? ''}|${toProxy ? 'proxy' : 'origin'}`;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      const lookup = proxy === undefined && !toProxy && this.options.lookup !== undefined ? { lookup: this.options.lookup } : {};
      // `timeout` bounds the proxy's answer to CONNECT too: an open tunnel request never outlives the deadline by much.
      const common = { keepAlive: true, maxSockets: this.options.maxSockets ?? 64, timeout: this.options.idleTimeoutMs ?? this.deadlineMs, ...lookup };
      // The origin's trust settings; a proxy's own TLS is checked against the default roots.
      const tls = toProxy ? {} : { ...(this.options.ca !== undefined ? { ca: this.options.ca } : {}), rejectUnauthorized: this.options.insecure !== true };
      if (!https) agent = proxy === undefined ? new HttpAgent(common) : new HttpTunnelAgent(proxy, common);
      else if (proxy === undefined) agent = new HttpsAgent({ ...common, ...tls });
      else agent = new HttpsTunnelAgent(proxy, { ...common, ...tls });
      this.agents.set(key, agent);
    }
    return agent;
  }
}
