import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetsOf, smokeCheck } from '../../../src/actions/deploy-quick-launcher/smoke.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { describeWith } from '../../helpers/services.js';
import { makePki, startProxy, type Pki, type TestProxy } from '../../cloud-pipeline/loopback-network.js';

const TOKEN = 'smoke-anon-token-77';
const seen: Array<{ host?: string; path?: string }> = [];

/** An Edge that routes by Host like nginx's server_name: only app.example.test is served. */
function edge(request: IncomingMessage, response: ServerResponse): void {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  seen.push({ host, path: request.url });
  if (host !== 'app.example.test' && host !== 'untyped.example.test') {
    response.statusCode = 404;
    response.end('unknown host');
  } else if (request.url === '/') {
    response.end('<html><head><link rel="stylesheet" href="css/bundle.css"></head><body>launcher<script src="/js/main.js"></script></body></html>');
  } else if (request.url === '/settings') {
    response.end(JSON.stringify({ [host]: { anonymousAccess: { token: TOKEN } } }));
  } else if (request.url === '/css/bundle.css' || request.url === '/js/main.js') {
    // What the real Edge does for a block without its own types: nginx's default text/plain.
    const typed = host === 'app.example.test';
    response.setHeader('Content-Type', typed ? (request.url.endsWith('.css') ? 'text/css' : 'application/javascript') : 'text/plain');
    response.end('/* asset */');
  } else {
    response.statusCode = 404;
    response.end();
  }
}

async function listen(server: Server): Promise<URL> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const secure = 'setSecureContext' in server;
  return new URL(`${secure ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

let plain: Server;
let plainUrl: URL;
beforeAll(async () => {
  plain = createHttpServer(edge);
  plainUrl = await listen(plain);
});
afterAll(async () => new Promise((resolve) => plain.close(resolve)));

describe('smokeCheck', () => {
  it('asks for each host through the Edge address and never logs the settings', async () => {
    const logger = new MemoryLogger();
    const results = await smokeCheck({ address: plainUrl, hosts: ['app.example.test'] }, logger);
    expect(results.map((result) => `${result.path} ${result.status}`)).toEqual(['/ 200', '/settings 200', '/css/bundle.css 200', '/js/main.js 200']);
    expect(seen.slice(-4)).toEqual([
      { host: 'app.example.test', path: '/' },
      { host: 'app.example.test', path: '/settings' },
      { host: 'app.example.test', path: '/css/bundle.css' },
      { host: 'app.example.test', path: '/js/main.js' },
    ]);
    expect(logger.text).toContain('app.example.test serves /, /settings, /css/bundle.css, /js/main.js');
    expect(logger.text).not.toContain(TOKEN);
  });

  it('fails clearly when a host is not served', async () => {
    await expect(smokeCheck({ address: plainUrl, hosts: ['tools.example.test'], waitSeconds: 0.05, delayMs: 10 }, new MemoryLogger())).rejects.toThrow(
      `GET https://tools.example.test/ through ${plainUrl.host} answered 404`,
    );
  });

  it('fails naming the Content-Type when the stylesheet is not served as text/css', async () => {
    await expect(smokeCheck({ address: plainUrl, hosts: ['untyped.example.test'], waitSeconds: 0 }, new MemoryLogger())).rejects.toThrow(
      `GET https://untyped.example.test/css/bundle.css through ${plainUrl.host} is served as 'text/plain', not text/css`,
    );
  });

  it.each([
    ['relative and absolute paths', '<link href="a.css" rel="stylesheet"><script src="./js/m.js"></script>', { css: '/a.css', js: '/js/m.js' }],
    ['other origins are not the Edge\'s to check', '<link rel="stylesheet" href="https://cdn.test/x.css"><script src="//cdn.test/y.js"></script>', {}],
    ['a link that is no stylesheet', '<link rel="icon" href="favicon.ico"><script>inline()</script>', {}],
  ])('assetsOf: %s', (_name, html, expected) => {
    expect(assetsOf(html)).toEqual(expected);
  });

  it('fails clearly when nothing listens', async () => {
    const closed = createHttpServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(smokeCheck({ address: url, hosts: ['app.example.test'], waitSeconds: 0 }, new MemoryLogger())).rejects.toThrow(/ECONNREFUSED/);
  });
});

describeWith(['openssl'])('smokeCheck over TLS', () => {
  let dir: string;
  let secure: Server;
  let secureUrl: URL;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ql-smoke-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=app.example.test', '-addext', 'subjectAltName=DNS:app.example.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    secure = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) }, edge);
    secureUrl = await listen(secure);
  });
  afterAll(async () => {
    await new Promise((resolve) => secure.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the host as TLS server name and verifies against the given CA', async () => {
    const ca = await readFile(join(dir, 'cert.pem'), 'utf8');
    await expect(smokeCheck({ address: secureUrl, hosts: ['app.example.test'], ca }, new MemoryLogger())).resolves.toHaveLength(4);
  });

  it('refuses an untrusted certificate unless told to skip verification', async () => {
    await expect(smokeCheck({ address: secureUrl, hosts: ['app.example.test'], waitSeconds: 0 }, new MemoryLogger())).rejects.toThrow(/self-signed|self signed/);
    await expect(smokeCheck({ address: secureUrl, hosts: ['app.example.test'], insecure: true }, new MemoryLogger())).resolves.toHaveLength(4);
  });
});

describeWith(['openssl'])('smokeCheck behind a proxy', () => {
  let pki: Pki;
  let proxy: TestProxy;
  let secure: Server;
  let plainPort: number;
  let securePort: number;
  beforeAll(async () => {
    // The Edge's certificate names the launcher host, not the address it is reached at.
    pki = makePki(['app.example.test']);
    secure = createHttpsServer({ key: pki.key, cert: pki.cert }, edge);
    securePort = Number((await listen(secure)).port);
    plainPort = Number(plainUrl.port);
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => secure.close(resolve));
    pki.remove();
  });

  it('reaches the Edge address through a CONNECT tunnel, with the launcher host as Host and TLS name, checked against the CA', async () => {
    // edge.cluster.test stands for a remote Edge: only the proxy can resolve it (loopback is never proxied).
    const address = new URL(`https://edge.cluster.test:${securePort}`);
    seen.length = 0;
    const results = await smokeCheck({ address, hosts: ['app.example.test'], ca: pki.ca, env: { HTTPS_PROXY: proxy.url }, waitSeconds: 0 }, new MemoryLogger());
    expect(results).toHaveLength(4);
    expect(proxy.log).toEqual([`CONNECT edge.cluster.test:${securePort}`]);
    expect(seen.map((request) => request.host)).toEqual(['app.example.test', 'app.example.test', 'app.example.test', 'app.example.test']);
    // Another CA: the certificate check through the tunnel is the Edge's, not skipped.
    await expect(smokeCheck({ address, hosts: ['app.example.test'], ca: pki.otherCa, env: { HTTPS_PROXY: proxy.url }, waitSeconds: 0 }, new MemoryLogger())).rejects.toThrow(/certificate/);
  });

  it('plain http goes through a tunnel too, so the Host header reaches the Edge as sent', async () => {
    proxy.log.length = 0;
    seen.length = 0;
    const address = new URL(`http://edge.cluster.test:${plainPort}`);
    await expect(smokeCheck({ address, hosts: ['app.example.test'], env: { HTTP_PROXY: proxy.url }, waitSeconds: 0 }, new MemoryLogger())).resolves.toHaveLength(4);
    expect(proxy.log).toEqual([`CONNECT edge.cluster.test:${plainPort}`]);
    expect(seen.map((request) => request.host)).toEqual(['app.example.test', 'app.example.test', 'app.example.test', 'app.example.test']);
  });
});
