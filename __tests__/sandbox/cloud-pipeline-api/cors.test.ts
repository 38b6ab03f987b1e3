import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startCloudPipelineApi, type CloudPipelineApi } from '../../../src/sandbox/cloud-pipeline-api/index.js';

let api: CloudPipelineApi;
beforeAll(async () => {
  api = await startCloudPipelineApi();
});
afterAll(() => api.stop());

/** One raw HTTP exchange (node:http: a browser's Origin header is ours to set here). */
function exchange(method: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(`${api.url}${path}`);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const ORIGIN = 'https://apps.example.org';

describe('CORS as upstream answers it (SecurityConfig.java:38-52, JWTSecurityConfiguration.java:110)', () => {
  test('a preflight is answered without a token: origin echoed, method and headers echoed, credentials, max age', async () => {
    const answer = await exchange('OPTIONS', '/metadata/search', {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization, content-type',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(answer.headers['access-control-allow-methods']).toBe('GET');
    expect(answer.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    expect(answer.headers['access-control-max-age']).toBe('1800');
    expect(answer.headers.vary).toBe('Origin');
  });

  test('any method is allowed on a preflight, not only the simple ones', async () => {
    const answer = await exchange('OPTIONS', '/user/1', { Origin: ORIGIN, 'Access-Control-Request-Method': 'DELETE' });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-methods']).toBe('DELETE');
    expect(answer.headers['access-control-allow-headers']).toBeUndefined();
  });

  test('the actual answer carries the origin and credentials, but no preflight-only headers', async () => {
    const answer = await exchange('GET', '/whoami', { Origin: ORIGIN, Authorization: `Bearer ${api.token}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    expect(answer.headers['access-control-allow-methods']).toBeUndefined();
    expect(answer.headers['access-control-max-age']).toBeUndefined();
  });

  test('errors carry the CORS headers too, so a page can read a 401 or an ERROR envelope', async () => {
    const unauthorized = await exchange('GET', '/whoami', { Origin: ORIGIN, Authorization: 'Bearer wrong' });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['access-control-allow-origin']).toBe(ORIGIN);
    const missing = await exchange('GET', '/user?name=NOBODY', { Origin: ORIGIN, Authorization: `Bearer ${api.token}` });
    expect(missing.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  test('no CORS headers without an Origin or from the same origin', async () => {
    const plain = await exchange('GET', '/whoami', { Authorization: `Bearer ${api.token}` });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const same = await exchange('GET', '/whoami', { Origin: new URL(api.url).origin, Authorization: `Bearer ${api.token}` });
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a preflight to a path the API does not map is a 404 without CORS headers', async () => {
    const answer = await exchange('OPTIONS', '/no/such/endpoint', { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' });
    expect(answer.status).toBe(404);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
