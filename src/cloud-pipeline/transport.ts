import { readFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationError, errorMessage } from '../lib/errors.js';
import { HttpClient, HttpLimitError, isCertificateError, type HttpResponse } from '../lib/http-client.js';
import { ProxyTunnelError } from '../lib/https-tunnel-agent.js';
import type { Logger } from '../lib/logger.js';
import { redactSecrets, redactUrlCredentials, truncate } from '../lib/redact.js';
import { checkApiUrl } from './api-url.js';
import { CloudPipelineAuthError, CloudPipelineError } from './errors.js';
import { DEFAULT_RETRY, RETRYABLE_STATUSES, isRetryableNetworkError, parseRetryAfter, retryDelay, type RetryPolicy } from './retry.js';

/** How to reach the API. */
export interface TransportOptions {
  /** Base URL ending in `/pipeline/restapi` (the `api-url` input; userinfo is refused). */
  url: string;
  /** Admin bearer token (JWT). Never logged, never part of an error. */
  token: string;
  /** PEM file with the CA that signed the API's certificate (the `api-ca` input), trusted directly and through a proxy. */
  caFile?: string;
  /** Skip TLS verification (the upstream installer's `curl -k`). */
  insecure?: boolean;
  /** Socket inactivity timeout per attempt in ms (default 60 s). */
  timeoutMs?: number;
  /** Overall deadline per attempt in ms, however the answer trickles in (default 60 s). */
  deadlineMs?: number;
  /** Largest answer read, in bytes (default 64 MiB). */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Most sockets kept open at once (default 64). */
  maxSockets?: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** How much of an answer an error quotes, counted after redaction. */
const QUOTE_CHARS = 200;

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
 * The HTTP layer of the Cloud Pipeline client: bearer auth, TLS options and the proxy from the
 * environment (through the shared HttpClient), a deadline and a size cap per attempt, retries of
 * 429/502/503/504 and connection resets (POSTs included: every write the provisioning makes is
 * idempotent), and the `{status, message, payload}` envelope.
 */
export class ApiTransport {
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  private readonly base: string;
  private readonly http: HttpClient;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    checkApiUrl(options.url);
    this.base = options.url.replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    let ca: string | undefined;
    if (options.caFile !== undefined) {
      try {
        ca = readFileSync(options.caFile, 'utf8');
      } catch (error) {
        throw new ConfigurationError(`CA file ${options.caFile} (api-ca) cannot be read: ${errorMessage(error)}`);
      }
    }
    const deadlineMs = options.deadlineMs ?? 60_000;
    this.http = new HttpClient({
      ...(ca !== undefined ? { ca } : {}),
      insecure: options.insecure === true,
      deadlineMs,
      idleTimeoutMs: options.timeoutMs ?? deadlineMs,
      ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
      maxSockets: options.maxSockets ?? 64,
      ...(options.env !== undefined ? { env: options.env } : {}),
    });
  }

  /** Closes kept-alive sockets. */
  dispose(): void {
    this.http.close();
  }

  /** Sends one call (retrying as the policy allows) and returns the envelope's payload. */
  async request<T>(method: string, path: string, spec: RequestSpec = {}): Promise<T> {
    const url = this.urlOf(path, spec.query);
    for (let attempt = 1; ; attempt++) {
      this.stats.requests++;
      let retryAfter: number | undefined;
      let failure: CloudPipelineError;
      try {
        const response = await this.http.request({ method, url, ...this.bodyOf(spec) });
        const { status, body: buffer } = response;
        const json = /json/i.test(response.header('content-type') ?? '');
        // A raw answer (an icon) that comes back as JSON is the API's ERROR envelope, never the content.
        if (spec.raw === true && status > 0 && status < 400 && !json) return buffer as T;
        const text = buffer.toString('utf8');
        if (status === 401 || status === 403) throw new CloudPipelineAuthError(method, path, status);
        if (!RETRYABLE_STATUSES.has(status)) return this.unwrap<T>(method, path, response, text);
        retryAfter = parseRetryAfter(response.header('retry-after'));
        failure = new CloudPipelineError(method, path, status, this.messageOf(text));
      } catch (error) {
        if (error instanceof CloudPipelineError || error instanceof CloudPipelineAuthError) throw error;
        // A proxy's 502/503/504 to CONNECT is the same "try again later" as the API's own.
        const busyProxy = error instanceof ProxyTunnelError && RETRYABLE_STATUSES.has(error.status);
        if (!busyProxy && !isRetryableNetworkError(error)) throw new CloudPipelineError(method, path, 0, this.explain(error));
        failure = new CloudPipelineError(method, path, 0, this.redact(errorMessage(error)));
      }
      if (attempt >= this.policy.attempts) throw failure;
      const wait = retryDelay(this.policy, attempt, retryAfter);
      this.stats.retries++;
      this.options.logger?.debug(`${method} ${path}: ${failure.apiMessage}; retry ${attempt} in ${wait} ms`);
      await sleep(wait);
    }
  }

  /** A failure that is not retried, with what to do about it. */
  private explain(error: unknown): string {
    const message = this.redact(errorMessage(error).replace(/^Error: /, ''));
    const api = `api-url ${this.redact(this.base)}`;
    if (error instanceof HttpLimitError) {
      return error.limit === 'deadline'
        ? `${message} from ${api} (the API answers too slowly, or a proxy holds the connection)`
        : `${message} from ${api} (is api-url the API's /pipeline/restapi address?)`;
    }
    if (isCertificateError(error)) return `${message} (set 'api-ca' to the PEM file of the CA that signed the certificate of ${api}, or 'api-insecure')`;
    if (error instanceof ProxyTunnelError) return `${message} (the proxy from HTTPS_PROXY; list the API's host in NO_PROXY to reach ${api} directly)`;
    return `${message} (is ${api} reachable?)`;
  }

  private urlOf(path: string, query: RequestSpec['query']): string {
    const url = new URL(this.base + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private bodyOf(spec: RequestSpec): { headers: OutgoingHttpHeaders; body?: string | Buffer } {
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
      return { headers, body };
    }
    if (spec.body !== undefined) {
      const body = JSON.stringify(spec.body);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
      return { headers, body };
    }
    return { headers };
  }

  private unwrap<T>(method: string, path: string, response: HttpResponse, text: string): T {
    const { status } = response;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      const type = response.header('content-type') ?? 'no Content-Type';
      throw new CloudPipelineError(
        method,
        path,
        status,
        `not a JSON answer from api-url ${this.redact(this.base)} (${type}; a login page or a proxy's error page?): ${this.quote(text)}`,
      );
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      throw new CloudPipelineError(method, path, status, `unexpected answer: not a {status, payload} envelope: ${this.quote(text)}`);
    }
    // Result.status is OK, INFO, WARN or ERROR (controller/Result.java, ResultStatus.java): only ERROR fails.
    if (status >= 400 || envelope.status === 'ERROR' || !['OK', 'INFO', 'WARN'].includes(String(envelope.status))) {
      throw new CloudPipelineError(method, path, status, this.redact(typeof envelope.message === 'string' && envelope.message !== '' ? envelope.message : `HTTP ${status}, status ${String(envelope.status)}`));
    }
    // NON_EMPTY (JsonMapper.java:76): an empty payload is left out; callers read absent as empty.
    return envelope.payload as T;
  }

  /** Belt and braces: an API that echoes the token (or its base64) back still never gets it into our errors; URLs lose their userinfo. */
  private redact(text: string): string {
    return redactUrlCredentials(redactSecrets(text, [this.options.token]));
  }

  /** The first characters of an answer, redacted BEFORE the cut so a secret cut in two cannot escape. */
  private quote(text: string): string {
    return truncate(this.redact(text), QUOTE_CHARS) || 'an empty answer';
  }

  /** The API's message from a retryable answer, or the start of its body. */
  private messageOf(text: string): string {
    try {
      const envelope = JSON.parse(text) as Envelope;
      if (typeof envelope.message === 'string') return this.redact(envelope.message);
    } catch {
      // not JSON: a proxy's error page, quoted below
    }
    return truncate(this.redact(text), QUOTE_CHARS) || 'no message';
  }
}
