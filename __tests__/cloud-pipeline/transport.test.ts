import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from '@jest/globals';
import { ConfigurationError } from '../../src/lib/errors.js';
import { CloudPipelineAuthError, CloudPipelineError, createCloudPipelineClient, type CloudPipelineClient } from '../../src/cloud-pipeline/index.js';

const TOKEN = 'eyJhbGciOiJSUzUxMiJ9.test-admin-token.sig';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Seen {
  method: string;
  url: string;
  body: string;
  authorization?: string;
}

/** A loopback server answering call N with `answers[N]` (the last one repeats). */
async function scripted(answers: ((request: IncomingMessage, response: ServerResponse) => void)[]): Promise<{ client: CloudPipelineClient; seen: Seen[]; url: string }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', body, authorization: request.headers.authorization });
      const answer = answers[Math.min(seen.length, answers.length) - 1];
      answer?.(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/pipeline/restapi`;
  const client = createCloudPipelineClient({ url: `${url}/`, token: TOKEN, timeoutMs: 300, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  cleanups.push(
    () => client.close(),
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { client, seen, url };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
const ok = (payload: unknown) => json(200, { status: 'OK', payload });
const drop = (request: IncomingMessage) => request.socket.destroy();

describe('Cloud Pipeline transport', () => {
  test('sends the bearer token and JSON body, unwraps the payload', async () => {
    const { client, seen } = await scripted([ok({ id: 7, userName: 'A', roles: [] })]);
    await expect(client.users.create({ userName: 'A', roleIds: [2] })).resolves.toEqual({ id: 7, userName: 'A', roles: [], groups: [] });
    expect(seen).toEqual([{ method: 'POST', url: '/pipeline/restapi/user', body: '{"userName":"A","roleIds":[2]}', authorization: `Bearer ${TOKEN}` }]);
  });

  test('NON_EMPTY answers: a user without roles, an empty list without payload, read as empty', async () => {
    const { client } = await scripted([ok({ id: 7, userName: 'A' }), json(200, { status: 'OK' }), json(200, { status: 'OK' })]);
    await expect(client.users.whoami()).resolves.toEqual({ id: 7, userName: 'A', roles: [], groups: [] });
    await expect(client.users.list()).resolves.toEqual([]);
    await expect(client.preferences.list()).resolves.toEqual([]);
  });

  test('an answer of another shape is an error naming the call, never a TypeError', async () => {
    const { client } = await scripted([ok({ id: 'seven', userName: 'A' }), ok({ users: [] }), ok([{ id: 1, name: 'x' }]), json(200, ['not an envelope']), ok({ token: 42 })]);
    await expect(client.users.whoami()).rejects.toThrow('Cloud Pipeline API GET /whoami failed (HTTP 200): unexpected answer: user.id should be a number, got string');
    await expect(client.users.list()).rejects.toThrow('Cloud Pipeline API GET /users failed (HTTP 200): unexpected answer: users should be a list, got object');
    await expect(client.tools.load('r', 'g/t')).rejects.toThrow('GET /tool/load failed (HTTP 200): unexpected answer: tool should be an object, got a list');
    await expect(client.roles.list()).rejects.toThrow(/GET \/role\/loadAll failed \(HTTP 200\): unexpected answer: not a \{status, payload\} envelope/);
    await expect(client.users.token('A')).rejects.toThrow('GET /user/token failed (HTTP 200): unexpected answer: payload.token should be a non-empty string, got number');
  });

  test('retries a POST after 503, 429 with Retry-After, a dropped connection and a timeout, resending the same body', async () => {
    const { client, seen } = await scripted([
      json(503, { status: 'ERROR', message: 'busy' }),
      json(429, { status: 'ERROR', message: 'slow down' }, { 'Retry-After': '0' }),
      drop,
      () => undefined, // never answers: the socket timeout fires
      ok([{ name: 'a' }]),
    ]);
    await expect(client.preferences.update([{ name: 'a', value: '1', visible: false }])).resolves.toEqual([{ name: 'a' }]);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(Array(5).fill('POST /pipeline/restapi/preferences [{"name":"a","value":"1","visible":false}]'));
    expect(client.stats).toEqual({ requests: 5, retries: 4 });
  });

  test('an ERROR envelope is a failure naming method, path, status and the API message', async () => {
    const { client } = await scripted([json(200, { status: 'ERROR', message: "User with name 'A' already exists" })]);
    const error = await client.users.create({ userName: 'A' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudPipelineError);
    expect(error).toMatchObject({ method: 'POST', path: '/user', status: 200, apiMessage: "User with name 'A' already exists" });
    expect((error as Error).message).toBe("Cloud Pipeline API POST /user failed (HTTP 200): User with name 'A' already exists");
  });

  test('find* turns "not found" into undefined, other errors stay errors', async () => {
    const { client } = await scripted([json(200, { status: 'ERROR', message: "User with name 'X' not found" }), json(500, { status: 'ERROR', message: 'database down' })]);
    await expect(client.users.find('X')).resolves.toBeUndefined();
    await expect(client.users.find('Y')).rejects.toThrow('Cloud Pipeline API GET /user failed (HTTP 500): database down');
  });

  test('gives up after the attempts, with the last failure', async () => {
    const { client, seen } = await scripted([json(502, { status: 'ERROR', message: 'bad gateway' })]);
    await expect(client.roles.list()).rejects.toThrow('Cloud Pipeline API GET /role/loadAll failed (HTTP 502): bad gateway');
    expect(seen).toHaveLength(6);
  });

  test('a non-JSON answer is quoted; 401 is a configuration error without the token', async () => {
    const html = (_q: IncomingMessage, response: ServerResponse) => response.writeHead(500, { 'Content-Type': 'text/html' }).end('<html>oops</html>');
    const { client, url } = await scripted([html, json(401, { message: 'Unauthorized' })]);
    await expect(client.users.list()).rejects.toThrow(`GET /users failed (HTTP 500): not a JSON answer from api-url ${url} (text/html; a login page or a proxy's error page?): <html>oops</html>`);
    const error = await client.users.whoami().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudPipelineAuthError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  test('an API that echoes the token never gets it into an error', async () => {
    const echo = (request: IncomingMessage, response: ServerResponse) => json(200, { status: 'ERROR', message: `bad ${request.headers.authorization}` })(request, response);
    const { client } = await scripted([echo]);
    const error = (await client.users.list().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('Cloud Pipeline API GET /users failed (HTTP 200): bad Bearer ***');
  });

  test('a CA file that cannot be read is named', () => {
    expect(() => createCloudPipelineClient({ url: 'https://127.0.0.1:1/pipeline/restapi', token: TOKEN, caFile: '/nonexistent/ca.pem' })).toThrow(
      /^CA file \/nonexistent\/ca\.pem \(api-ca\) cannot be read/,
    );
  });
});
