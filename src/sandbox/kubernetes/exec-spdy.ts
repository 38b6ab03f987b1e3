import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { PassThrough } from 'node:stream';
import transport, { type SpdyStream } from 'spdy-transport';
import type { ExecHandler } from './exec-handler.js';
import { runExec, type ExecPlan } from './exec-session.js';

/** The remotecommand protocol served over SPDY (client-go offers v4, v3, v2, channel.k8s.io). */
export const SPDY_V4 = 'v4.channel.k8s.io';

/** True for the SPDY/3.1 upgrade kubectl sends (`Upgrade: SPDY/3.1`). */
export function isSpdyUpgrade(request: IncomingMessage): boolean {
  return /^spdy\/3\.1$/i.test(String(request.headers.upgrade ?? ''));
}

/** The `X-Stream-Protocol-Version` values offered (Node joins repeated headers with `, `). */
export function offeredStreamProtocols(request: IncomingMessage): string[] {
  return String(request.headers['x-stream-protocol-version'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The 403 apimachinery's httpstream.Handshake answers when no offered protocol is served.
 */
export function refuseSpdy(socket: Duplex, offered: string[]): void {
  const body = `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server supports [${SPDY_V4}]`;
  socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * spdystream's SYN_STREAM frames carry only the remotecommand headers (`streamtype`), while
 * spdy-transport's parser expects HTTP pseudo-headers on every stream: give it neutral ones on
 * this connection's parser only.
 */
function acceptBareStreams(parser: { parseKVs: (...args: unknown[]) => unknown }): void {
  const original = parser.parseKVs.bind(parser) as (buffer: unknown, callback: (error: unknown, headers?: Record<string, unknown>) => void) => unknown;
  parser.parseKVs = (buffer: unknown, callback: unknown) =>
    original(buffer, (error, headers) => {
      (callback as (error: unknown, headers?: Record<string, unknown>) => void)(error, error ? headers : { ':method': 'POST', ':path': '/', ...headers });
    });
}

/**
 * spdystream (the SPDY library of client-go and the kubelet) neither sends nor reads
 * WINDOW_UPDATE frames: flow control does not exist on these connections. spdy-transport would
 * stop after the initial 64 KiB window, so the stream's send windows stop counting.
 */
function ignoreSendWindow(stream: SpdyStream): void {
  const state = stream._spdyState;
  for (const side of [state.window.send, state.sessionWindow.send]) {
    side.update = (_size: number, callback?: () => void) => {
      if (callback) process.nextTick(callback);
    };
  }
}

/**
 * Serves one exec session over SPDY/3.1 as the kubelet's remotecommand v4 server does: answers
 * the upgrade with 101 and the negotiated `X-Stream-Protocol-Version`, replies to each stream the
 * client opens (`streamtype` error, stdin, stdout, stderr, resize), runs the command once the
 * expected streams exist, then writes stdout/stderr, ends them, writes the v4 status JSON on the
 * error stream and closes the connection.
 */
export function serveSpdyExec(socket: Duplex, head: Buffer, plan: ExecPlan, handler: ExecHandler): Promise<void> {
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${SPDY_V4}\r\n\r\n`);
  if (head.length > 0) socket.unshift(head);
  const connection = transport.connection.create(socket, { protocol: 'spdy', isServer: true });
  acceptBareStreams(connection._spdyState.parser);
  const expected = new Set(['error', ...(plan.stdout ? ['stdout'] : []), ...(plan.stderr ? ['stderr'] : []), ...(plan.request.stdin ? ['stdin'] : []), ...(plan.request.tty ? ['resize'] : [])]);
  const streams = new Map<string, SpdyStream>();
  const stdin = plan.request.stdin ? new PassThrough() : undefined;
  return new Promise<void>((resolve) => {
    let started = false;
    const finish = (): void => {
      socket.destroy();
      resolve();
    };
    connection.on('error', finish);
    // The client closes the connection once it has read the error stream (after the GOAWAY).
    connection.on('close', finish);
    connection.on('stream', (stream) => {
      const type = String(stream.headers.streamtype ?? '');
      ignoreSendWindow(stream);
      stream.respond(200, {});
      stream.on('error', () => undefined);
      streams.set(type, stream);
      if (type === 'stdin' && stdin) stream.pipe(stdin);
      else stream.resume();
      if (started || ![...expected].every((name) => streams.has(name))) return;
      started = true;
      const write = (name: string) => (chunk: Buffer): void => {
        streams.get(name)?.write(chunk);
      };
      void runExec(handler, plan, { stdin, stdout: plan.stdout ? write('stdout') : () => undefined, stderr: plan.stderr ? write('stderr') : () => undefined }).then((status) => {
        streams.get('stdout')?.end();
        streams.get('stderr')?.end();
        streams.get('error')?.end(Buffer.from(JSON.stringify(status)), () => connection.end());
        // A client that never closes: end our side after a while (the kubelet's idle timeout is longer).
        setTimeout(() => socket.end(), 60_000).unref();
      });
    });
  });
}
