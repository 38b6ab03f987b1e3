import { readFileSync } from 'node:fs';
import type { OutgoingHttpHeaders, RequestOptions } from 'node:http';
import { Readable } from 'node:stream';
import { HttpClient } from '@actions/http-client';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';
import { ConfigurationError, errorMessage } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { CloudPipelineAuthError, CloudPipelineError } from './errors.js';
import { DEFAULT_RETRY, RETRYABLE_STATUSES, isRetryableNetworkError, parseRetryAfter, retryDelay, type RetryPolicy } from './retry.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** How to reach the API. */
export interface TransportOptions {
  /** Base URL ending in `/pipeline/restapi`. */
  url: string;
  /** Admin bearer token (JWT). Never logged, never part of an error. */
  token: string;
  /** PEM file with the CA that signed the API's certificate. */
  caFile?: string;
  /** Skip TLS verification (the upstream installer's `curl -k`). */
  insecure?: boolean;
  /** Per-request socket timeout in ms (default 60 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Most sockets kept open at once (default 64). */
  maxSockets?: number;
  logger?: Logger;
}

/** A file part of a multipart body (tool icons). */
export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface RequestSpec {
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
  multipart?: MultipartFile;
  /** Return the raw body as a Buffer instead of unwrapping the envelope (icons). */
  raw?: boolean;
}

/** Counters for summaries and benchmarks. */
export interface TransportStats {
  requests: number;
  retries: number;
}

interface Envelope {
  status?: string;
  message?: string;
  payload?: unknown;
}

/**
 * The HTTP layer of the Cloud Pipeline client: bearer auth, TLS options, the proxy from the
 * environment (through @actions/http-client), per-request timeouts, retries of 429/502/503/504
 * and connection resets (POSTs included: every write the provisioning makes is idempotent), and
 * the `{status, message, payload}` envelope.
 */
export class ApiTransport {
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  private readonly base: string;
  private readonly http: HttpClient;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    let ca: string | undefined;
    if (options.caFile !== undefined) {
      try {
        ca = readFileSync(options.caFile, 'utf8');
      } catch (error) {
        throw new ConfigurationError(`CA file ${options.caFile} cannot be read: ${errorMessage(error)}`);
      }
    }
    const caHandler: RequestHandler = {
      prepareRequest: (request: RequestOptions & { ca?: string }) => {
        if (ca !== undefined) request.ca = ca;
      },
      canHandleAuthentication: () => false,
      handleAuthentication: () => Promise.reject(new Error('not supported')),
    };
    this.http = new HttpClient('quick-launcher-actions', [caHandler], {
      allowRetries: false,
      allowRedirects: false,
      keepAlive: true,
      maxSockets: options.maxSockets ?? 64,
      socketTimeout: options.timeoutMs ?? 60_000,
      ignoreSslError: options.insecure === true,
    });
  }

  /** Closes kept-alive sockets. */
  dispose(): void {
    this.http.dispose();
  }

  /** Sends one call (retrying as the policy allows) and returns the envelope's payload. */
  async request<T>(method: string, path: string, spec: RequestSpec = {}): Promise<T> {
    const url = this.urlOf(path, spec.query);
    for (let attempt = 1; ; attempt++) {
      this.stats.requests++;
      let retryAfter: number | undefined;
      let failure: CloudPipelineError;
      try {
        const { headers, data } = this.bodyOf(spec);
        const response = await this.http.request(method, url, data, headers);
        const status = response.message.statusCode ?? 0;
        const buffer = response.readBodyBuffer ? await response.readBodyBuffer() : Buffer.from(await response.readBody());
        const json = /json/i.test(headerOf(response.message.headers['content-type']) ?? '');
        // A raw answer (an icon) that comes back as JSON is the API's ERROR envelope, never the content.
        if (spec.raw === true && status > 0 && status < 400 && !json) return buffer as T;
        const text = buffer.toString('utf8');
        if (status === 401 || status === 403) throw new CloudPipelineAuthError(method, path, status);
        if (!RETRYABLE_STATUSES.has(status)) return this.unwrap<T>(method, path, status, text);
        retryAfter = parseRetryAfter(headerOf(response.message.headers['retry-after']));
        failure = new CloudPipelineError(method, path, status, this.redact(messageOf(text)));
      } catch (error) {
        if (error instanceof CloudPipelineError || error instanceof CloudPipelineAuthError) throw error;
        if (!isRetryableNetworkError(error)) {
          const message = errorMessage(error).replace(/^Error: /, '');
          const hint = /certificate|SSL|TLS/i.test(message)
            ? "set 'api-ca-file' to the CA that signed the API's certificate, or 'api-insecure'"
            : `is ${this.base} reachable?`;
          throw new CloudPipelineError(method, path, 0, `${this.redact(message)} (${hint})`);
        }
        failure = new CloudPipelineError(method, path, 0, this.redact(errorMessage(error)));
      }
      if (attempt >= this.policy.attempts) throw failure;
      const wait = retryDelay(this.policy, attempt, retryAfter);
      this.stats.retries++;
      this.options.logger?.debug(`${method} ${path}: ${failure.apiMessage}; retry ${attempt} in ${wait} ms`);
      await sleep(wait);
    }
  }

  private urlOf(path: string, query: RequestSpec['query']): string {
    const url = new URL(this.base + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private bodyOf(spec: RequestSpec): { headers: OutgoingHttpHeaders; data: string | NodeJS.ReadableStream } {
    const headers: OutgoingHttpHeaders = { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' };
    if (spec.multipart) {
      const boundary = `----quick-launcher-${Math.random().toString(16).slice(2)}`;
      const part = spec.multipart;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType}\r\n\r\n`,
        ),
        part.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
      headers['Content-Length'] = body.length;
      return { headers, data: Readable.from([body]) };
    }
    if (spec.body !== undefined) {
      const data = JSON.stringify(spec.body);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(data);
      return { headers, data };
    }
    return { headers, data: '' };
  }

  private unwrap<T>(method: string, path: string, status: number, text: string): T {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      throw new CloudPipelineError(method, path, status, `the response is not JSON: ${this.redact(text.slice(0, 200))}`);
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      throw new CloudPipelineError(method, path, status, `unexpected answer: not a {status, payload} envelope: ${this.redact(text.slice(0, 200))}`);
    }
    // Result.status is OK, INFO, WARN or ERROR (controller/Result.java, ResultStatus.java): only ERROR fails.
    if (status >= 400 || envelope.status === 'ERROR' || !['OK', 'INFO', 'WARN'].includes(String(envelope.status))) {
      throw new CloudPipelineError(method, path, status, this.redact(typeof envelope.message === 'string' && envelope.message !== '' ? envelope.message : `HTTP ${status}, status ${String(envelope.status)}`));
    }
    // NON_EMPTY (JsonMapper.java:76): an empty payload is left out; callers read absent as empty.
    return envelope.payload as T;
  }

  /** Belt and braces: an API that echoes the token back still never gets it into our errors. */
  private redact(text: string): string {
    return this.options.token.length >= 8 ? text.split(this.options.token).join('***') : text;
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function messageOf(text: string): string {
  try {
    const envelope = JSON.parse(text) as Envelope;
    if (typeof envelope.message === 'string') return envelope.message;
  } catch {
    // not JSON: a proxy's error page, quoted below
  }
  return text.slice(0, 200) || 'no message';
}
