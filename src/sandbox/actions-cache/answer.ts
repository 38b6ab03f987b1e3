import type { IncomingHttpHeaders } from 'node:http';

/** One request as a protocol handler sees it: the body already read. */
export interface CacheRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers; the server writes it. */
export interface Answer {
  status: number;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
}

export function jsonAnswer(status: number, value: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** The body as JSON, or undefined when it is not a JSON object. */
export function jsonBody(request: CacheRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(request.body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
