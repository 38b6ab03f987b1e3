import { Agent as HttpAgent, request as httpRequest, type AgentOptions as HttpAgentOptions, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent, request as httpsRequest, type AgentOptions, type RequestOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import { describeProxy, proxyAuthorization } from './proxy-env.js';

/** A proxy that refused the tunnel (HTTP 407, 403, 502 …) or could not be reached. */
export class ProxyTunnelError extends Error {
  override name = 'ProxyTunnelError';
  constructor(
    readonly proxy: string,
    readonly target: string,
    /** The proxy's answer to CONNECT, 0 when none came. */
    readonly status: number,
    detail: string,
  ) {
    super(`proxy ${proxy} ${status ? `refused CONNECT ${target} (HTTP ${status})` : `did not open a tunnel to ${target}: ${detail}`}`);
  }
}

/**
 * Opens a CONNECT tunnel through `proxy` to the host and port of `options`; `done` gets the raw
 * socket. Requests still waiting for the proxy are kept in `pending`, so an agent's destroy() ends them.
 */
function openTunnel(proxy: URL, options: RequestOptions, defaultPort: number, pending: Set<ClientRequest>, done: (error: Error | null, socket?: Socket) => void): void {
  const host = String(options.host ?? options.hostname ?? 'localhost');
  const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? defaultPort}`;
  const authorization = proxyAuthorization(proxy);
  const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
  const connectRequest = send({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers: { host: target, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
    agent: false,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
  pending.add(connectRequest);
  connectRequest.once('close', () => pending.delete(connectRequest));
  connectRequest.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
    if (response.statusCode !== 200) {
      socket.destroy();
      done(new ProxyTunnelError(describeProxy(proxy), target, response.statusCode ?? 0, ''));
      return;
    }
    if (head.length > 0) socket.unshift(head);
    done(null, socket);
  });
  connectRequest.once('timeout', () => connectRequest.destroy(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' })));
  connectRequest.once('error', (error: Error) => done(new ProxyTunnelError(describeProxy(proxy), target, 0, error.message)));
  connectRequest.end();
}

/**
 * An https Agent whose connections are CONNECT tunnels through an HTTP(S) proxy. The origin's TLS
 * is made inside the tunnel from the Agent's own options, so its `ca` and `rejectUnauthorized`
 * apply to the origin exactly as on a direct connection (and a request's `servername`, for SNI);
 * kept-alive tunnels are reused.
 */
export class HttpsTunnelAgent extends Agent {
  /** CONNECT requests still waiting for the proxy; ended by destroy() so none outlives the client. */
  private readonly pending = new Set<ClientRequest>();

  constructor(
    private readonly proxy: URL,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    openTunnel(this.proxy, options, 443, this.pending, (error, socket) => {
      if (error || !socket) return callback?.(error, socket as Duplex);
      const tlsOptions: ConnectionOptions = { ...(options as ConnectionOptions), socket, host };
      callback?.(null, connect(tlsOptions));
    });
    return undefined;
  }

  override destroy(): void {
    for (const connectRequest of this.pending) connectRequest.destroy();
    this.pending.clear();
    super.destroy();
  }
}

/**
 * An http Agent whose connections are CONNECT tunnels through a proxy: plain HTTP inside, for a
 * request whose Host header is not the address it connects to (HttpRequest.virtualHost), which
 * a forward proxy given an absolute URL would replace (RFC 9112 3.2.2).
 */
export class HttpTunnelAgent extends HttpAgent {
  private readonly pending = new Set<ClientRequest>();

  constructor(
    private readonly proxy: URL,
    options: HttpAgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    openTunnel(this.proxy, options, 80, this.pending, (error, socket) => callback?.(error, socket as Duplex));
    return undefined;
  }

  override destroy(): void {
    for (const connectRequest of this.pending) connectRequest.destroy();
    this.pending.clear();
    super.destroy();
  }
}
