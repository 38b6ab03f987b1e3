import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { HttpClient } from '../../src/lib/http-client.js';
import { closeServer, loopbackLookup, makePki, startProxy, type Pki, type TestProxy } from '../cloud-pipeline/loopback-network.js';
import { describeWith } from '../helpers/services.js';

const VIRTUAL = 'apps.launcher.test';
/** The address a request connects to: a name only the proxy or loopbackLookup resolves. */
const ADDRESS = 'edge.cluster.test';

describeWith(['openssl'])('HttpClient: connect to one address, send Host and TLS name of another (virtualHost)', () => {
  let pki: Pki;
  let secure: Server;
  let plain: HttpServer;
  let proxy: TestProxy;
  let securePort = 0;
  let plainPort = 0;
  const seen: string[] = [];
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const sni = (request.socket as TLSSocket).servername;
    seen.push(`${request.headers.host ?? '-'}${typeof sni === 'string' ? ` sni=${sni}` : ''}`);
    response.end('ok');
  };

  beforeAll(async () => {
    // The certificate names the virtual host only: a check against the address would fail.
    pki = makePki([VIRTUAL]);
    secure = createServer({ cert: pki.cert, key: pki.key }, answer);
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    securePort = (secure.address() as AddressInfo).port;
    plain = createHttpServer(answer);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    plainPort = (plain.address() as AddressInfo).port;
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await closeServer(secure);
    await closeServer(plain);
    pki.remove();
  });
  afterEach(() => {
    proxy.log.length = 0;
    seen.length = 0;
  });

  test('direct (NO_PROXY names the address): Host and SNI are the virtual host, the certificate is checked for it', async () => {
    const http = new HttpClient({ ca: pki.ca, env: { HTTPS_PROXY: proxy.url, NO_PROXY: ADDRESS }, lookup: loopbackLookup });
    const response = await http.request({ method: 'GET', url: `https://${ADDRESS}:${securePort}/`, virtualHost: VIRTUAL });
    expect(response.body.toString()).toBe('ok');
    // Without it, the certificate does not fit the address.
    await expect(http.request({ method: 'GET', url: `https://${ADDRESS}:${securePort}/` })).rejects.toThrow(/altnames|does not match|certificate/i);
    http.close();
    expect(seen).toEqual([`${VIRTUAL}:${securePort} sni=${VIRTUAL}`]);
    expect(proxy.log).toEqual([]);
  });

  test('through HTTPS_PROXY: CONNECT to the address, then TLS for the virtual host inside the tunnel', async () => {
    const http = new HttpClient({ ca: pki.ca, env: { HTTPS_PROXY: proxy.url } });
    for (const host of [VIRTUAL, VIRTUAL]) expect((await http.request({ method: 'GET', url: `https://${ADDRESS}:${securePort}/x`, virtualHost: host })).status).toBe(200);
    http.close();
    expect(proxy.log).toEqual([`CONNECT ${ADDRESS}:${securePort}`]);
    expect(seen).toEqual([`${VIRTUAL}:${securePort} sni=${VIRTUAL}`, `${VIRTUAL}:${securePort} sni=${VIRTUAL}`]);
  });

  test('plain http through HTTP_PROXY: a tunnel too (a forward proxy would replace the Host header); without virtualHost, the absolute form', async () => {
    const http = new HttpClient({ env: { HTTP_PROXY: proxy.url } });
    expect((await http.request({ method: 'GET', url: `http://${ADDRESS}:${plainPort}/a`, virtualHost: VIRTUAL })).status).toBe(200);
    expect((await http.request({ method: 'GET', url: `http://${ADDRESS}:${plainPort}/b` })).status).toBe(200);
    http.close();
    expect(proxy.log).toEqual([`CONNECT ${ADDRESS}:${plainPort}`, `GET http://${ADDRESS}:${plainPort}/b`]);
    expect(seen).toEqual([`${VIRTUAL}:${plainPort}`, `${ADDRESS}:${plainPort}`]);
  });
});
