/**
 * A small network on loopback for the proxy and TLS tests: a private CA and a certificate made
 * with the real openssl, and a real HTTP proxy (CONNECT tunnels and absolute-form requests) on
 * 127.0.0.1. Names under `.cluster.test` stand for remote hosts: the proxy resolves them to
 * 127.0.0.1 and refuses every other name, so no test traffic can leave this machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REMOTE_SUFFIX = '.cluster.test';

/** Maps names under .cluster.test to 127.0.0.1, as /etc/hosts would; any other name is not found. */
export const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  const resolved = hostname.endsWith(REMOTE_SUFFIX) || hostname === 'localhost' ? '127.0.0.1' : undefined;
  if (resolved === undefined) {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
  } else if (options.all) {
    (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: resolved, family: 4 }]);
  } else {
    callback(null, resolved, 4);
  }
};

export interface Pki {
  dir: string;
  /** PEM file of the private CA. */
  caFile: string;
  ca: string;
  cert: Buffer;
  key: Buffer;
  /** PEM of a second CA that signed nothing here. */
  otherCa: string;
  remove(): void;
}

/** A private CA and a server certificate for `names` (DNS SANs) and 127.0.0.1, made with openssl. */
export function makePki(names: string[]): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'qla-pki-'));
  const file = (name: string) => join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  for (const ca of ['ca', 'other-ca']) {
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file(`${ca}.key`), '-out', file(`${ca}.pem`), '-days', '2', '-subj', `/CN=Test ${ca}`]);
  }
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${names[0]}`]);
  const san = [...names.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',');
  writeFileSync(file('ext.cnf'), `subjectAltName=${san}\n`);
  run(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('ext.cnf')]);
  return {
    dir,
    caFile: file('ca.pem'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    cert: readFileSync(file('server.pem')),
    key: readFileSync(file('server.key')),
    otherCa: readFileSync(file('other-ca.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** One line per request: `CONNECT host:port` or `GET http://…`, with ` auth=<header>` when sent. */
  log: string[];
  /** Every byte that passed through tunnels, client to origin. */
  tunnelled: Buffer[];
  close(): Promise<void>;
}

/**
 * A real forward proxy on 127.0.0.1: CONNECT opens a TCP tunnel, an absolute-form request is
 * forwarded. With `requireAuth`, requests without that exact Proxy-Authorization get HTTP 407;
 * the first `busyConnects` CONNECTs get HTTP 503.
 */
export async function startProxy(options: { requireAuth?: string; busyConnects?: number } = {}): Promise<TestProxy> {
  let busy = options.busyConnects ?? 0;
  const log: string[] = [];
  const tunnelled: Buffer[] = [];
  const sockets = new Set<Socket>();
  const refusedAuth = (header: string | undefined) => options.requireAuth !== undefined && header !== options.requireAuth;
  const target = (host: string) => (host.endsWith(REMOTE_SUFFIX) || host === '127.0.0.1' || host === 'localhost' ? '127.0.0.1' : undefined);
  const server: Server = createServer((request, response) => {
    const auth = request.headers['proxy-authorization'];
    log.push(`${request.method} ${request.url}${auth ? ` auth=${auth}` : ''}`);
    if (refusedAuth(auth)) return void response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
    const url = new URL(request.url ?? '');
    const address = target(url.hostname);
    if (address === undefined) return void response.writeHead(502).end('not a test host');
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const forward = httpRequest({ host: address, port: url.port || 80, method: request.method, path: url.pathname + url.search, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', () => response.writeHead(502).end());
    request.pipe(forward);
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    sockets.add(client);
    const auth = request.headers['proxy-authorization'];
    log.push(`CONNECT ${request.url}${auth ? ` auth=${auth}` : ''}`);
    const [host, port] = (request.url ?? '').split(/:(?=\d+$)/);
    const address = target(host);
    if (busy > 0) {
      busy--;
      client.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    if (refusedAuth(auth) || address === undefined) {
      client.end(refusedAuth(auth) ? 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n' : 'HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.on('data', (chunk: Buffer) => tunnelled.push(chunk));
      client.pipe(upstream).pipe(client);
    });
    sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
  });
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    tunnelled,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Closes a server and its open connections. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** An http server on 127.0.0.1 answering with `handler`; returns its base URL and a close function. */
export async function serveHttp(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}
