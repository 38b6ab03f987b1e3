import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient, RegistryError, dockerCredentials } from '../../src/tools/registry.js';
import { describeWith } from '../helpers/services.js';
import { pushBusyboxWithDocker, uniqueNamespace } from '../../src/sandbox/tool-images.js';

const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';

/** A loopback server answering like a token-protected registry; records what it was asked. */
async function fakeRegistry(handler: (request: IncomingMessage, response: ServerResponse, port: number) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => handler(request, response, (server.address() as { port: number }).port));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('RegistryClient auth and errors (loopback fake)', () => {
  let fake: { server: Server; port: number };
  const seen: string[] = [];

  beforeAll(async () => {
    fake = await fakeRegistry((request, response, port) => {
      seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? '-'}`);
      if (request.url?.startsWith('/token')) {
        response.end(JSON.stringify({ token: request.headers.authorization === 'Basic dTpw' ? 'good-token' : 'anon-token' }));
      } else if (request.url === '/v2/') {
        response.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="fake"` }).end();
      } else if (request.headers.authorization !== 'Bearer good-token') {
        response.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="fake"` }).end();
      } else if (request.url === '/v2/team/app/manifests/1') {
        response.writeHead(200, { 'docker-content-digest': `sha256:${'a'.repeat(64)}` }).end();
      } else {
        response.writeHead(404).end();
      }
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('answers ping on a 401 (the registry is there) and follows the Bearer challenge with the login credentials', async () => {
    const client = new RegistryClient({ host: `127.0.0.1:${fake.port}`, insecure: true }, { basic: 'dTpw' });
    await client.ping();
    expect(await client.digest('team/app', '1')).toBe(`sha256:${'a'.repeat(64)}`);
    expect(await client.digest('team/app', 'missing')).toBeUndefined();
    expect(seen.some((line) => line.startsWith('GET /token?service=fake&scope=repository%3Ateam%2Fapp%3Apull Basic dTpw'))).toBe(true);
  });

  it('reports a refused token as an error, without the credentials', async () => {
    const client = new RegistryClient({ host: `127.0.0.1:${fake.port}`, insecure: true });
    const error = await client.digest('team/app', '1').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toBe(
      `127.0.0.1:${fake.port} refused HEAD /v2/team/app/manifests/1 (HTTP 401); check the login (docker/login-action) and its rights`,
    );
    expect((error as Error).message).not.toContain('dTpw');
  });

  it('reads credentials from the docker config that docker login writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qla-dockercfg-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { 'https://registry.example.com:5000/v1/': { auth: 'dTpw' } } }));
      expect(await dockerCredentials('registry.example.com:5000', { DOCKER_CONFIG: dir })).toEqual({ basic: 'dTpw' });
      expect(await dockerCredentials('other.example.com', { DOCKER_CONFIG: dir })).toBeUndefined();
      expect(await dockerCredentials('x', { DOCKER_CONFIG: join(dir, 'none') })).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names an unreachable registry', async () => {
    const closed = await fakeRegistry(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    await expect(new RegistryClient({ host: `127.0.0.1:${closed.port}`, insecure: true }).ping()).rejects.toThrow(
      `cannot reach the registry at http://127.0.0.1:${closed.port}/v2/: ECONNREFUSED`,
    );
  });
});

describeWith(['docker', 'registry'])('RegistryClient against a real registry', () => {
  const namespace = uniqueNamespace();
  const client = new RegistryClient({ host: registryHost, insecure: true });
  let repository = '';

  beforeAll(async () => {
    await pushBusyboxWithDocker(registryHost, namespace);
    repository = `${namespace}/busybox`;
  }, 60_000);

  it('reads a digest, retags server-side, lists tags', async () => {
    await client.ping();
    const digest = await client.digest(repository, '1');
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await client.digest(repository, 'nope')).toBeUndefined();
    expect(await client.retag(repository, '1', 'copy')).toBe(digest);
    expect(await client.digest(repository, 'copy')).toBe(digest);
    expect(await client.tags(repository)).toEqual(['1', 'copy']);
    expect(await client.tags(`${namespace}/absent`)).toEqual([]);
  });

  it('refuses to retag a tag that does not exist', async () => {
    await expect(client.retag(repository, 'nope', 'x')).rejects.toThrow(`GET ${repository}:nope answered HTTP 404`);
  });
});
