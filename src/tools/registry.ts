import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '../lib/errors.js';

/** The manifest media types a registry may hold for one image; asked for in this order. */
export const MANIFEST_TYPES = [
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
 * is never pulled or rebuilt. Handles anonymous and `docker login` Basic/Bearer auth.
 */
export class RegistryClient {
  private authorization: string | undefined;
  constructor(
    readonly endpoint: RegistryEndpoint,
    private readonly credentials: Credentials = undefined,
  ) {}

  get base(): string {
    return `${this.endpoint.insecure ? 'http' : 'https'}://${this.endpoint.host}`;
  }

  private async send(path: string, init: RequestInit & { headers?: Record<string, string> }, scope: string): Promise<Response> {
    const url = `${this.base}${path}`;
    const attempt = async (): Promise<Response> => {
      try {
        return await fetch(url, {
          ...init,
          headers: { ...init.headers, ...(this.authorization ? { authorization: this.authorization } : {}) },
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new RegistryError(`cannot reach the registry at ${url}: ${cause ?? errorMessage(error)}`);
      }
    };
    let response = await attempt();
    if (response.status === 401) {
      await response.body?.cancel();
      await this.authenticate(response.headers.get('www-authenticate') ?? '', scope);
      response = await attempt();
    }
    if (!response.ok) await response.body?.cancel();
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError(`${this.endpoint.host} refused ${init.method ?? 'GET'} ${path} (HTTP ${response.status}); check the login (docker/login-action) and its rights`);
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
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', scope);
    const response = await fetch(url, { headers: this.credentials ? { authorization: `Basic ${this.credentials.basic}` } : {} });
    if (!response.ok) throw new RegistryError(`${this.endpoint.host}: token request refused (HTTP ${response.status})`);
    const body = (await response.json()) as { token?: string; access_token?: string };
    this.authorization = `Bearer ${body.token ?? body.access_token ?? ''}`;
  }

  /** Checks that the registry answers the v2 API (a 401 counts: it is there). */
  async ping(): Promise<void> {
    const url = `${this.base}/v2/`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new RegistryError(`cannot reach the registry at ${url}: ${cause ?? errorMessage(error)}`);
    }
    await response.body?.cancel();
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
    if (!response.ok) throw new RegistryError(`HEAD ${repository}:${tag} answered HTTP ${response.status}`);
    const digest = response.headers.get('docker-content-digest');
    if (!digest) throw new RegistryError(`HEAD ${repository}:${tag} gave no Docker-Content-Digest`);
    return digest;
  }

  /** Points `repository:to` at the manifest of `repository:from`, server-side; returns the digest. */
  async retag(repository: string, from: string, to: string): Promise<string> {
    const scope = `repository:${repository}:pull,push`;
    const got = await this.send(`/v2/${repository}/manifests/${from}`, { headers: { accept: MANIFEST_TYPES.join(', ') } }, scope);
    if (!got.ok) throw new RegistryError(`GET ${repository}:${from} answered HTTP ${got.status}`);
    const type = got.headers.get('content-type') ?? MANIFEST_TYPES[0];
    const body = new Uint8Array(await got.arrayBuffer());
    const put = await this.send(`/v2/${repository}/manifests/${to}`, { method: 'PUT', headers: { 'content-type': type }, body }, scope);
    await put.body?.cancel();
    if (!put.ok) throw new RegistryError(`PUT ${repository}:${to} answered HTTP ${put.status}`);
    const digest = put.headers.get('docker-content-digest');
    if (!digest) throw new RegistryError(`PUT ${repository}:${to} gave no Docker-Content-Digest`);
    return digest;
  }

  /** The tags of a repository ([] when it does not exist). */
  async tags(repository: string): Promise<string[]> {
    const response = await this.send(`/v2/${repository}/tags/list`, {}, `repository:${repository}:pull`);
    if (response.status === 404) return [];
    if (!response.ok) throw new RegistryError(`tags of ${repository} answered HTTP ${response.status}`);
    const body = (await response.json()) as { tags?: string[] | null };
    return (body.tags ?? []).sort();
  }
}
