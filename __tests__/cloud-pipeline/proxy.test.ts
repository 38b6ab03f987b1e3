import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { CloudPipelineError, DEFAULT_RETRY, createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';
import { HttpClient } from '../../src/lib/http-client.js';
import { RegistryClient } from '../../src/tools/registry.js';
import { describeWith } from '../helpers/services.js';
import { closeServer, loopbackLookup, makePki, startProxy, type Pki, type TestProxy } from './loopback-network.js';

const TOKEN = 'eyJhbGciOiJSUzUxMiJ9.proxy-test-admin-token.signature';
const API_HOST = 'api.cluster.test';
const REGISTRY_HOST = 'registry.cluster.test';

describeWith(['openssl'])('the API and the registry behind HTTPS_PROXY with a private CA', () => {
  let pki: Pki;
  let origin: Server;
  let plainRegistry: HttpServer;
  let port = 0;
  let plainPort = 0;
  let proxy: TestProxy;
  const seen: string[] = [];

  beforeAll(async () => {
    pki = makePki([API_HOST, REGISTRY_HOST, 'localhost']);
    origin = createServer({ cert: pki.cert, key: pki.key }, (request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? '-'}`);
      if (request.url?.startsWith('/v2/')) {
        response.writeHead(200, { 'docker-content-digest': `sha256:${'b'.repeat(64)}` }).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'OK', payload: [{ id: 1, name: 'ROLE_ADMIN' }] }));
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    port = (origin.address() as AddressInfo).port;
    plainRegistry = createHttpServer((request, response) => {
      seen.push(`plain ${request.method} ${request.url} host=${request.headers.host}`);
      response.writeHead(request.url === '/v2/' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => plainRegistry.listen(0, '127.0.0.1', resolve));
    plainPort = (plainRegistry.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await closeServer(origin);
    await closeServer(plainRegistry);
    pki.remove();
  });
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(() => proxy.close());
  afterEach(() => {
    proxy.log.length = 0;
    proxy.tunnelled.length = 0;
    seen.length = 0;
  });

  const apiUrl = () => `https://${API_HOST}:${port}/pipeline/restapi`;

  test('through the proxy with api-ca: the tunnel reaches the API, whose certificate is checked against api-ca; the proxy sees no token', async () => {
    const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, env: { HTTPS_PROXY: proxy.url } });
    await expect(client.roles.list()).resolves.toEqual([{ id: 1, name: 'ROLE_ADMIN' }]);
    client.close();
    expect(proxy.log).toEqual([`CONNECT ${API_HOST}:${port}`]);
    expect(seen).toEqual([`GET /pipeline/restapi/role/loadAll?loadUsers=false Bearer ${TOKEN}`]);
    // The origin's TLS runs inside the tunnel: the proxy carried only ciphertext.
    expect(Buffer.concat(proxy.tunnelled).includes(TOKEN)).toBe(false);
    expect(Buffer.concat(proxy.tunnelled).length).toBeGreaterThan(0);
  });

  test('through the proxy without api-ca (or with the wrong CA): a certificate error naming api-ca, not retried', async () => {
    for (const caFile of [undefined, pki.dir + '/other-ca.pem']) {
      const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, ...(caFile ? { caFile } : {}), env: { https_proxy: proxy.url }, retry: { baseDelayMs: 1 } });
      const error = (await client.roles.list().catch((e: unknown) => e)) as Error;
      client.close();
      expect(error).toBeInstanceOf(CloudPipelineError);
      expect(error.message).toMatch(/^Cloud Pipeline API GET \/role\/loadAll failed: .*(certificate|self[- ]signed).*\(set 'api-ca' to the PEM file of the CA that signed the certificate of api-url https:\/\/api\.cluster\.test:\d+\/pipeline\/restapi, or 'api-insecure'\)$/);
      expect(client.stats.requests).toBe(1);
    }
    expect(proxy.log).toEqual([`CONNECT ${API_HOST}:${port}`, `CONNECT ${API_HOST}:${port}`]);
    expect(seen).toEqual([]);
  });

  test('api-insecure through the proxy skips the check, as on a direct connection', async () => {
    const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, insecure: true, env: { HTTPS_PROXY: proxy.url } });
    await expect(client.roles.list()).resolves.toHaveLength(1);
    client.close();
    expect(proxy.log).toEqual([`CONNECT ${API_HOST}:${port}`]);
  });

  test('the lower-case variable wins over the upper-case one', async () => {
    const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, env: { https_proxy: proxy.url, HTTPS_PROXY: 'http://127.0.0.1:1' } });
    await expect(client.roles.list()).resolves.toHaveLength(1);
    client.close();
    expect(proxy.log).toHaveLength(1);
  });

  test('kept-alive tunnels are reused: many calls, one CONNECT', async () => {
    const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, env: { HTTPS_PROXY: proxy.url }, maxSockets: 1 });
    for (let i = 0; i < 3; i++) await client.roles.list();
    client.close();
    expect(seen).toHaveLength(3);
    expect(proxy.log).toEqual([`CONNECT ${API_HOST}:${port}`]);
  });

  test('NO_PROXY: a listed host, a suffix, host:port and * go direct (the proxy log stays empty); an unlisted host goes through', async () => {
    for (const noProxy of [API_HOST, '.cluster.test', 'cluster.test', `*.cluster.test`, `other.example, ${API_HOST}:${port}`, '*']) {
      const http = new HttpClient({ ca: pki.ca, env: { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }, lookup: loopbackLookup });
      const answer = await http.request({ method: 'GET', url: `${apiUrl()}/role/loadAll` });
      http.close();
      expect(answer.status).toBe(200);
    }
    expect(proxy.log).toEqual([]);
    expect(seen).toHaveLength(6);
    for (const noProxy of ['other.cluster.test', `${API_HOST}:1`, 'test.cluster']) {
      const http = new HttpClient({ ca: pki.ca, env: { HTTPS_PROXY: proxy.url, no_proxy: noProxy }, lookup: loopbackLookup });
      expect((await http.request({ method: 'GET', url: `${apiUrl()}/role/loadAll` })).status).toBe(200);
      http.close();
    }
    expect(proxy.log).toEqual(Array(3).fill(`CONNECT ${API_HOST}:${port}`));
  });

  test('loopback is never proxied, whatever the variables say', async () => {
    const client = createCloudPipelineClient({ url: `https://localhost:${port}/pipeline/restapi`, token: TOKEN, caFile: pki.caFile, env: { HTTPS_PROXY: proxy.url } });
    await expect(client.roles.list()).resolves.toHaveLength(1);
    client.close();
    expect(proxy.log).toEqual([]);
  });

  test('a proxy that wants credentials gets them from the proxy URL; a refusal names the proxy without them', async () => {
    const guarded = await startProxy({ requireAuth: `Basic ${Buffer.from('ci:pr0xy-s3cret').toString('base64')}` });
    try {
      const good = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, env: { HTTPS_PROXY: `http://ci:pr0xy-s3cret@127.0.0.1:${guarded.port}` } });
      await expect(good.roles.list()).resolves.toHaveLength(1);
      good.close();
      const bad = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, env: { HTTPS_PROXY: `http://ci:wrong-s3cret@127.0.0.1:${guarded.port}` } });
      const error = (await bad.roles.list().catch((e: unknown) => e)) as Error;
      bad.close();
      expect(error.message).toBe(
        `Cloud Pipeline API GET /role/loadAll failed: proxy http://127.0.0.1:${guarded.port} refused CONNECT ${API_HOST}:${port} (HTTP 407) ` +
          `(the proxy from HTTPS_PROXY; list the API's host in NO_PROXY to reach api-url ${apiUrl()} directly)`,
      );
      expect(error.message).not.toContain('s3cret');
    } finally {
      await guarded.close();
    }
  });

  test('a proxy answering CONNECT with 503 is retried like a busy API; one that keeps refusing is named', async () => {
    const busy = await startProxy({ busyConnects: 2 });
    try {
      const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, retry: { baseDelayMs: 1, maxDelayMs: 2 }, env: { HTTPS_PROXY: busy.url } });
      await expect(client.roles.list()).resolves.toHaveLength(1);
      expect(client.stats).toEqual({ requests: 3, retries: 2 });
      client.close();
      expect(busy.log).toEqual(Array(3).fill(`CONNECT ${API_HOST}:${port}`));
    } finally {
      await busy.close();
    }
    const refusing = await startProxy({ busyConnects: 100 });
    try {
      const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, retry: { attempts: DEFAULT_RETRY.attempts, baseDelayMs: 1, maxDelayMs: 2 }, env: { HTTPS_PROXY: refusing.url } });
      await expect(client.roles.list()).rejects.toThrow(`Cloud Pipeline API GET /role/loadAll failed: proxy ${refusing.url} refused CONNECT ${API_HOST}:${port} (HTTP 503)`);
      expect(client.stats.requests).toBe(DEFAULT_RETRY.attempts);
      client.close();
    } finally {
      await refusing.close();
    }
  });

  test('a proxy that accepts the connection and never answers CONNECT is bounded by the deadline, named with api-url', async () => {
    // Reads (and drops) what it is sent, answers nothing.
    const silent = createNetServer((socket) => socket.on('error', () => undefined).resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const proxyPort = (silent.address() as AddressInfo).port;
      const client = createCloudPipelineClient({ url: apiUrl(), token: TOKEN, caFile: pki.caFile, deadlineMs: 800, env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } });
      await expect(client.roles.list()).rejects.toThrow(`Cloud Pipeline API GET /role/loadAll failed: no complete answer within 800 ms from api-url ${apiUrl()}`);
      expect(client.stats.requests).toBe(1);
      client.close();
      expect(seen).toEqual([]);
    } finally {
      // Resolves only once the client has ended its pending CONNECT (the test times out otherwise).
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('the registry client uses the same proxy and CA: https through a tunnel, plain http through the proxy', async () => {
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    const secure = new RegistryClient({ host: `${REGISTRY_HOST}:${port}`, insecure: false }, undefined, { ca: pki.ca, env });
    expect(await secure.digest('team/app', '1')).toBe(`sha256:${'b'.repeat(64)}`);
    secure.close();
    const plain = new RegistryClient({ host: `${REGISTRY_HOST}:${plainPort}`, insecure: true }, undefined, { env });
    await plain.ping();
    plain.close();
    expect(proxy.log).toEqual([`CONNECT ${REGISTRY_HOST}:${port}`, `GET http://${REGISTRY_HOST}:${plainPort}/v2/`]);
    expect(seen).toEqual(['HEAD /v2/team/app/manifests/1 -', `plain GET /v2/ host=${REGISTRY_HOST}:${plainPort}`]);

    const untrusted = new RegistryClient({ host: `${REGISTRY_HOST}:${port}`, insecure: false }, undefined, { env });
    await expect(untrusted.ping()).rejects.toThrow(new RegExp(`^cannot reach the registry at https://${REGISTRY_HOST.replace(/\./g, '\\.')}:${port}/v2/: .*certificate.* \\(the registry's certificate is not trusted\\)$`));
    untrusted.close();
  });
});
