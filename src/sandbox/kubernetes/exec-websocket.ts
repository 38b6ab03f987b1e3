import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { PassThrough } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ExecHandler } from './exec-handler.js';
import { runExec, type ExecPlan } from './exec-session.js';

/** The channel protocol kubectl 1.30+ asks for first (client-go remotecommand StreamProtocolV5Name). */
const WEBSOCKET_V5 = 'v5.channel.k8s.io';
/** The binary v4 protocol every server since 1.4 serves over WebSocket. */
const WEBSOCKET_V4 = 'v4.channel.k8s.io';

/** Channel ids of the binary protocols; 255 is v5's CLOSE signal (followed by the channel id). */
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

/** The WebSocket channel protocols a server of the profile negotiates, preferred first. */
export function webSocketProtocols(v5: boolean): string[] {
  return v5 ? [WEBSOCKET_V5, WEBSOCKET_V4] : [WEBSOCKET_V4];
}

/** The protocols a WebSocket upgrade offers (`Sec-WebSocket-Protocol`, comma separated). */
export function offeredProtocols(request: IncomingMessage): string[] {
  return String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The answer of a server whose streaming endpoint does not speak the offered protocols: the
 * legacy wsstream handshake refuses with 403 and a plain-text reason (x/net/websocket), which
 * client-go reports as an upgrade failure and kubectl 1.30+ answers by falling back to SPDY.
 */
export function refuseWebSocket(socket: Duplex, offered: string[], supported: string[]): void {
  const body = `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${supported.join(' ')}]`;
  socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

const frame = (channel: number, data: Buffer): Buffer => Buffer.concat([Buffer.from([channel]), data]);

/**
 * Serves one exec session over an accepted WebSocket: stdin from channel 0 (ended by v5's CLOSE
 * signal or the connection's end), stdout on 1, stderr on 2, then the status on 3 and a normal
 * closure. Resize messages (channel 4) are accepted and ignored.
 */
function session(ws: WebSocket, plan: ExecPlan, handler: ExecHandler): Promise<void> {
  const stdin = plan.request.stdin ? new PassThrough() : undefined;
  ws.on('message', (data: RawData) => {
    const message = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (message.length === 0) return;
    if (message[0] === STDIN) stdin?.write(message.subarray(1));
    else if (message[0] === CLOSE && message[1] === STDIN) stdin?.end();
  });
  ws.on('close', () => stdin?.end());
  const send = (channel: number) => (chunk: Buffer): void => {
    if (ws.readyState === ws.OPEN) ws.send(frame(channel, chunk));
  };
  return runExec(handler, plan, {
    stdin,
    stdout: plan.stdout ? send(STDOUT) : () => undefined,
    stderr: plan.stderr ? send(STDERR) : () => undefined,
  }).then((status) => {
    send(ERROR)(Buffer.from(JSON.stringify(status)));
    ws.close(1000);
  });
}

/** Completes the WebSocket handshake with the negotiated protocol and serves the session. */
export function serveWebSocketExec(request: IncomingMessage, socket: Duplex, head: Buffer, protocol: string, plan: ExecPlan, handler: ExecHandler): Promise<void> {
  const server = new WebSocketServer({ noServer: true, handleProtocols: () => protocol });
  return new Promise<void>((resolve) => {
    server.handleUpgrade(request, socket, head, (ws) => {
      void session(ws, plan, handler).finally(() => {
        server.close();
        resolve();
      });
    });
  });
}
