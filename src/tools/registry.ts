import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '../lib/errors.js';
import { HttpClient, HttpLimitError, isCertificateError, type HttpClientOptions, type HttpResponse } from '../lib/http-client.js';
import { redactUrlCredentials } from '../lib/redact.js';

/** The manifest media types a registry may hold for one image; asked for in this order. */
const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

/** Where a registry is and how to talk to it. */
export interface RegistryEndpoint {
  /** `host[:port]`. */
  host: string;
  /** Plain HTTP (loopback registries, or an `http://` registry input). */
  insecure: boolean;
}

/** A registry that answered with an error, or did not answer at all. */
export class RegistryError extends ConfigurationError {}

type Credentials = { basic: string } | undefined;

/** Credentials for `host` from the docker config that `docker login` writes, if any (never logged). */
export async function dockerCredentials(host: string, env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const dir = env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  try {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { auths?: Record<string, { auth?: string }> };
    for (const [key, value] of Object.entries(config.auths ?? {})) {
      const keyHost = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      if (keyHost === host && value.auth) return { basic: value.auth };
    }
  } catch {
    // No config (or an unreadable one) means anonymous access, as docker itself does.
  }
  return undefined;
}

function challengeParams(header: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="([^"]*)"/g)) params[match[1]] = match[2];
  return params;
}

/**
 * A small Docker Registry HTTP API v2 client: enough to ask whether a tag exists, read a digest
 * and retag an image server-side (GET the manifest, PUT it under another tag), so a reused image
 * is never pulled or rebuilt. Handles anonymous and `docker login` Basic/Bearer auth. It talks
 * through the actions' one HttpClient: HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured, a deadline and
 * a size cap on every answer, `http.ca` trusted for the registry's TLS.
 */
export class RegistryClient {
  private authorization: string | undefined;
  private readonly http: HttpClient;
  constructor(
    readonly endpoint: RegistryEndpoint,
    private readonly credentials: Credentials = undefined,
    http: HttpClientOptions = {},
  ) {
    this.http = new HttpClient(http);
  }

  get base(): string {
    return `${this.endpoint.insecure ? 'http' : 'https'}://${this.endpoint.host}`;
  }

  /** Closes kept-alive sockets. */
  close(): void {
    this.http.close();
  }

  /** One request; a failure to get an answer is a RegistryError naming the URL. */
  private async fetch(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpResponse> {
    try {
      return await this.http.request({ method, url, headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      const shown = redactUrlCredentials(url.replace(/\?.*$/, ''));
      if (error instanceof HttpLimitError) throw new RegistryError(`registry at ${shown}: ${error.message}`);
      const code = (error as { code?: string }).code;
      const hint = isCertificateError(error) ? ' (the registry\'s certificate is not trusted)' : '';
      throw new RegistryError(`cannot reach the registry at ${shown}: ${code && !/CERT|SELF_SIGNED|UNABLE_TO/.test(code) ? code : errorMessage(error)}${hint}`);
    }
  }

  private async send(path: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer }, scope: string): Promise<HttpResponse> {
    const url = `${this.base}${path}`;
    const method = init.method ?? 'GET';
    const attempt = () => this.fetch(url, method, { ...init.headers, ...(this.authorization ? { authorization: this.authorization } : {}) }, init.body);
    let response = await attempt();
    if (response.status === 401) {
      await this.authenticate(response.header('www-authenticate') ?? '', scope);
      response = await attempt();
    }
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError(`${this.endpoint.host} refused ${method} ${path} (HTTP ${response.status}); check the login (docker/login-action) and its rights`);
    }
    return response;
  }

  private async authenticate(challenge: string, scope: string): Promise<void> {
    if (/^basic/i.test(challenge)) {
      if (!this.credentials) throw new RegistryError(`${this.endpoint.host} needs a login (run docker/login-action first)`);
      this.authorization = `Basic ${this.credentials.basic}`;
      return;
    }
    const params = challengeParams(challenge);
    if (!/^bearer/i.test(challenge) || !params.realm) {
      throw new RegistryError(`${this.endpoint.host} asked for an unsupported authentication: ${challenge.split(' ')[0] || 'none'}`);
    }
    let url: URL;
    try {
      url = new URL(params.realm);
    } catch {
      throw new RegistryError(`${this.endpoint.host} named a token service that is not a URL: ${redactUrlCredentials(params.realm)}`);
    }
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', scope);
    const response = await this.fetch(url.href, 'GET', this.credentials ? { authorization: `Basic ${this.credentials.basic}` } : {});
    if (response.status !== 200) throw new RegistryError(`${this.endpoint.host}: token request refused (HTTP ${response.status})`);
    const body = jsonOf(response, `${this.endpoint.host}: the token service`) as { token?: string; access_token?: string };
    this.authorization = `Bearer ${body.token ?? body.access_token ?? ''}`;
  }

  /** Checks that the registry answers the v2 API (a 401 counts: it is there). */
  async ping(): Promise<void> {
    const url = `${this.base}/v2/`;
    const response = await this.fetch(url, 'GET', {});
    if (response.status !== 200 && response.status !== 401) {
      throw new RegistryError(`${url} answered HTTP ${response.status}; is this a Docker registry (v2 API)?`);
    }
  }

  /** The manifest digest of `repository:tag`, or undefined when the tag does not exist. */
  async digest(repository: string, tag: string): Promise<string | undefined> {
    const response = await this.send(
      `/v2/${repository}/manifests/${tag}`,
      { method: 'HEAD', headers: { accept: MANIFEST_TYPES.join(', ') } },
      `repository:${repository}:pull`,
    );
    if (response.status === 404) return undefined;
    if (!ok(response)) throw new RegistryError(`HEAD ${repository}:${tag} answered HTTP ${response.status}`);
    const digest = response.header('docker-content-digest');
    if (!digest) throw new RegistryError(`HEAD ${repository}:${tag} gave no Docker-Content-Digest`);
    return digest;
  }

  /** Points `repository:to` at the manifest of `repository:from`, server-side; returns the digest. */
  async retag(repository: string, from: string, to: string): Promise<string> {
    const scope = `repository:${repository}:pull,push`;
    const got = await this.send(`/v2/${repository}/manifests/${from}`, { headers: { accept: MANIFEST_TYPES.join(', ') } }, scope);
    if (!ok(got)) throw new RegistryError(`GET ${repository}:${from} answered HTTP ${got.status}`);
    const type = got.header('content-type') ?? MANIFEST_TYPES[0];
    const put = await this.send(`/v2/${repository}/manifests/${to}`, { method: 'PUT', headers: { 'content-type': type, 'content-length': String(got.body.length) }, body: got.body }, scope);
    if (!ok(put)) throw new RegistryError(`PUT ${repository}:${to} answered HTTP ${put.status}`);
    const digest = put.header('docker-content-digest');
    if (!digest) throw new RegistryError(`PUT ${repository}:${to} gave no Docker-Content-Digest`);
    return digest;
  }

  /** The tags of a repository ([] when it does not exist). */
  async tags(repository: string): Promise<string[]> {
    const response = await this.send(`/v2/${repository}/tags/list`, {}, `repository:${repository}:pull`);
    if (response.status === 404) return [];
    if (!ok(response)) throw new RegistryError(`tags of ${repository} answered HTTP ${response.status}`);
    const body = jsonOf(response, `tags of ${repository}`) as { tags?: string[] | null };
    return (body.tags ?? []).sort();
  }
}

function ok(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** The body as JSON; anything else is a RegistryError naming what was asked. */
function jsonOf(response: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(response.body.toString('utf8')) as unknown;
  } catch {
    throw new RegistryError(`${what} answered HTTP ${response.status} with a body that is not JSON (${response.header('content-type') ?? 'no Content-Type'})`);
  }
}
