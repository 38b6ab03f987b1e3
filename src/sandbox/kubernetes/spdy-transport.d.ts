/** The part of spdy-transport (no published types) the SPDY exec endpoint uses. */
declare module 'spdy-transport' {
  import type { Duplex } from 'node:stream';

  /** One direction of a flow-control window. */
  export interface WindowSide {
    update(size: number, callback?: () => void): void;
  }

  export interface SpdyStream extends Duplex {
    id: number;
    _spdyState: { window: { send: WindowSide }; sessionWindow: { send: WindowSide } };
    headers: Record<string, string>;
    respond(status: number, headers: Record<string, string>, callback?: () => void): void;
  }

  export interface SpdyConnection {
    on(event: 'stream', listener: (stream: SpdyStream) => void): this;
    on(event: 'error' | 'close', listener: (error?: Error) => void): this;
    end(callback?: () => void): void;
    _spdyState: { parser: { parseKVs: (...args: unknown[]) => unknown } };
  }

  const transport: {
    connection: { create(socket: Duplex, options: { protocol: 'spdy' | 'http2'; isServer: boolean; windowSize?: number }): SpdyConnection };
  };
  export default transport;
}
