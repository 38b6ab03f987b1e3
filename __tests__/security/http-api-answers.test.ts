import { afterEach, describe, expect, test } from '@jest/globals';
import { CloudPipelineError, createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';
import { secretForms } from '../../src/lib/redact.js';
import { serveHttp } from '../cloud-pipeline/loopback-network.js';

/** A realistic JWT-sized token: long enough that any 200-character cut can split it. */
const TOKEN = `eyJhbGciOiJSUzUxMiJ9.${'eyJzdWIiOiJQSVBFX0FETUlOIn0'.repeat(4)}.c2lnbmF0dXJlLW9mLXRoZS1hZG1pbi10b2tlbg`;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** An API answering every call with `status`, `type` and `body`. */
async function apiAnswering(status: number, type: string, body: string) {
  const server = await serveHttp((_request, response) => response.writeHead(status, { 'Content-Type': type }).end(body));
  closers.push(() => server.close());
  const url = `${server.url}/pipeline/restapi`;
  const client = createCloudPipelineClient({ url, token: TOKEN, retry: { attempts: 1 } });
  closers.push(() => client.close());
  return { client, url };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CloudPipelineError);
  return error as Error;
}

/** No run of 12 characters of the token, nor of any of its base64 forms, is in `text`. */
function expectNoPieceOfToken(text: string): void {
  for (const form of [TOKEN, ...secretForms(TOKEN)]) {
    for (let start = 0; start + 12 <= form.length; start += 6) expect(text).not.toContain(form.slice(start, start + 12));
  }
}

describe('finding 6: an error body is redacted before it is cut', () => {
  test.each([150, 180, 190, 199, 200, 201])('a token starting at character %i of a non-JSON error page never shows, in part or whole', async (at) => {
    const { client } = await apiAnswering(500, 'text/html', `${'x'.repeat(at)}${TOKEN}${'y'.repeat(300)}`);
    const error = await failure(client.users.list());
    expectNoPieceOfToken(error.message);
    if (at + 3 <= 200) expect(error.message).toContain('***');
  });

  test('a token straddling the cut of a retryable answer (502 from a gateway) never shows', async () => {
    const { client } = await apiAnswering(502, 'text/plain', `${'g'.repeat(190)}${TOKEN}`);
    const error = await failure(client.users.list());
    expectNoPieceOfToken(error.message);
    expect(error.message).toBe(`Cloud Pipeline API GET /users failed (HTTP 502): ${'g'.repeat(190)}***`);
  });

  test.each([
    ['the token in base64', Buffer.from(TOKEN).toString('base64')],
    ['a Basic header of user:token', `Basic ${Buffer.from(`PIPE_ADMIN:${TOKEN}`).toString('base64')}`],
    ['the token in base64url after two bytes', Buffer.from(`ab${TOKEN}`).toString('base64url')],
    ['a JSON document holding the token, in base64', Buffer.from(JSON.stringify({ authorization: `Bearer ${TOKEN}` })).toString('base64')],
  ])('%s echoed in an ERROR envelope never shows', async (_name, echoed) => {
    const { client } = await apiAnswering(400, 'application/json', JSON.stringify({ status: 'ERROR', message: `rejected header ${echoed}` }));
    const error = await failure(client.users.list());
    expectNoPieceOfToken(error.message);
    expect(error.message).toContain('rejected header');
  });
});

describe('finding 13: a non-JSON answer names the call and api-url, with the status and the first characters', () => {
  test('an HTML login page with HTTP 200', async () => {
    const page = `<html><head><title>Sign in</title></head><body><form action="/saml/login">${'<p>x</p>'.repeat(50)}</form></body></html>`;
    const { client, url } = await apiAnswering(200, 'text/html; charset=utf-8', page);
    const error = await failure(client.users.whoami());
    expect(error.message).toBe(
      `Cloud Pipeline API GET /whoami failed (HTTP 200): not a JSON answer from api-url ${url} ` +
        `(text/html; charset=utf-8; a login page or a proxy's error page?): ${page.slice(0, 200)}…`,
    );
  });

  test("a proxy's error page that quotes the request's Authorization header", async () => {
    const { client, url } = await apiAnswering(407, 'text/html', `<h1>Access denied</h1><pre>Authorization: Bearer ${TOKEN}</pre>`);
    const error = await failure(client.roles.list());
    expect(error.message).toBe(
      `Cloud Pipeline API GET /role/loadAll failed (HTTP 407): not a JSON answer from api-url ${url} ` +
        `(text/html; a login page or a proxy's error page?): <h1>Access denied</h1><pre>Authorization: Bearer ***</pre>`,
    );
  });

  test('an empty answer without Content-Type', async () => {
    const server = await serveHttp((_request, response) => response.writeHead(200).end());
    closers.push(() => server.close());
    const client = createCloudPipelineClient({ url: `${server.url}/pipeline/restapi`, token: TOKEN });
    closers.push(() => client.close());
    const error = await failure(client.users.list());
    expect(error.message).toBe(`Cloud Pipeline API GET /users failed (HTTP 200): not a JSON answer from api-url ${server.url}/pipeline/restapi (no Content-Type; a login page or a proxy's error page?): an empty answer`);
  });
});
