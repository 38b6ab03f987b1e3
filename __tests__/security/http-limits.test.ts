import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from '@jest/globals';
import { CloudPipelineError, createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_RESPONSE_BYTES, HttpLimitError } from '../../src/lib/http-client.js';
import { RegistryClient, RegistryError } from '../../src/tools/registry.js';
import { serveHttp } from '../cloud-pipeline/loopback-network.js';

const TOKEN = 'eyJhbGciOiJSUzUxMiJ9.limits-test-admin-token.sig';
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Sends one byte every `everyMs` until the client goes away: never idle, never done. */
function trickle(response: ServerResponse, everyMs: number): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  const timer = setInterval(() => response.write(' '), everyMs);
  response.on('close', () => clearInterval(timer));
}

async function api(handler: Parameters<typeof serveHttp>[0], options: { deadlineMs?: number; maxResponseBytes?: number; timeoutMs?: number }) {
  const server = await serveHttp(handler);
  closers.push(() => server.close());
  const url = `${server.url}/pipeline/restapi`;
  const client = createCloudPipelineClient({ url, token: TOKEN, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...options });
  closers.push(() => client.close());
  return { client, url };
}

describe('finding 8: every call has an overall deadline and a size cap, both naming api-url', () => {
  test('a trickling API (a byte every 100 ms, idle timeout 1 s) fails at the deadline, named, and is not retried', async () => {
    let closedByClient: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (closedByClient = resolve));
    const { client, url } = await api(
      (_request, response) => {
        response.on('close', () => closedByClient());
        trickle(response, 100);
      },
      { deadlineMs: 1500, timeoutMs: 1000 },
    );
    const error = (await client.users.list().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CloudPipelineError);
    expect(error.message).toBe(`Cloud Pipeline API GET /users failed: no complete answer within 1500 ms from api-url ${url} (the API answers too slowly, or a proxy holds the connection)`);
    expect(client.stats).toEqual({ requests: 1, retries: 0 });
    // The client hung up: the server stops trickling (the test times out otherwise).
    await closed;
  }, 20_000);

  test('an answer declaring more than the cap is refused before its body is read', async () => {
    let written = 0;
    const { client, url } = await api(
      (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(8 * 1024 * 1024) });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (written < 8 * 1024 * 1024 && response.write(chunk)) written += chunk.length;
        };
        response.on('drain', pump);
        pump();
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    await expect(client.users.list()).rejects.toThrow(`Cloud Pipeline API GET /users failed: the answer is larger than 1 MiB from api-url ${url} (is api-url the API's /pipeline/restapi address?)`);
    expect(client.stats.requests).toBe(1);
  });

  test('a chunked answer without Content-Length that grows past the cap is cut off', async () => {
    let stopped = false;
    let onStop: () => void = () => undefined;
    const stop = new Promise<void>((resolve) => (onStop = resolve));
    const { client } = await api(
      (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (!stopped && sent < 64 * 1024 * 1024 && response.write(chunk)) sent += chunk.length;
        };
        response.on('drain', pump);
        response.on('close', () => {
          stopped = true;
          onStop();
        });
        pump();
      },
      { maxResponseBytes: 2 * 1024 * 1024 },
    );
    await expect(client.users.list()).rejects.toThrow(/failed: the answer is larger than 2 MiB from api-url http:\/\/127\.0\.0\.1:\d+\/pipeline\/restapi/);
    // The client hung up long before the server's 64 MiB were sent (the test times out otherwise).
    await stop;
    expect(stopped).toBe(true);
  }, 20_000);

  test('an answer exactly at the cap is read whole', async () => {
    const body = JSON.stringify({ status: 'OK', payload: [] });
    const { client } = await api((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body), { maxResponseBytes: body.length });
    await expect(client.users.list()).resolves.toEqual([]);
  });

  test('the defaults are generous: a 16 MiB answer is read whole, and the messages say 60 s and 64 MiB', async () => {
    const big = JSON.stringify({ status: 'OK', payload: [{ name: 'p', value: 'v'.repeat(16 * 1024 * 1024) }] });
    const { client } = await api((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(big), {});
    await expect(client.preferences.list()).resolves.toHaveLength(1);
    expect(new HttpLimitError('deadline', DEFAULT_DEADLINE_MS).message).toBe('no complete answer within 60 s');
    expect(new HttpLimitError('size', DEFAULT_MAX_RESPONSE_BYTES).message).toBe('the answer is larger than 64 MiB');
  });

  test('the registry client is bounded the same way', async () => {
    const server = await serveHttp((_request, response) => trickle(response, 100));
    closers.push(() => server.close());
    const registry = new RegistryClient({ host: `127.0.0.1:${server.port}`, insecure: true }, undefined, { deadlineMs: 1000, idleTimeoutMs: 800 });
    closers.push(() => registry.close());
    const error = await registry.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toBe(`registry at http://127.0.0.1:${server.port}/v2/: no complete answer within 1 s`);
  });
});
