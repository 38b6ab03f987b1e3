import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { request } from 'node:https';
import { startKubernetesApi, type KubernetesApi } from '../../../src/sandbox/kubernetes/index.js';
import { describeWith } from '../../helpers/services.js';

interface Reply {
  status: number;
  body: string;
  json: Record<string, unknown>;
}

let cluster: KubernetesApi;

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const url = new URL(path, cluster.url);
    const req = request(url, {
      method,
      ca: cluster.certificateAuthority,
      headers: { Authorization: `Bearer ${cluster.token}`, 'Content-Type': 'application/json', ...(payload === undefined ? {} : { 'Content-Length': Buffer.byteLength(payload) }), ...headers },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // watch streams and logs are not one JSON document
        }
        resolve({ status: res.statusCode ?? 0, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const CM = '/api/v1/namespaces/default/configmaps';
const DEPLOY = '/apis/apps/v1/namespaces/default/deployments';

// The stand-in makes its TLS certificate with the openssl CLI.
describeWith(['openssl'])('the Kubernetes API stand-in over HTTPS', () => {
  beforeAll(async () => {
    cluster = await startKubernetesApi();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  test('discovery and version answer as kubectl expects', async () => {
    expect((await call('GET', '/version')).json.gitVersion).toMatch(/^v1\.33\./);
    expect((await call('GET', '/api')).json.versions).toEqual(['v1']);
    const groups = (await call('GET', '/apis')).json.groups as { name: string }[];
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['apps', 'batch', 'coordination.k8s.io']));
    const batch = (await call('GET', '/apis/batch/v1')).json.resources as { name: string }[];
    expect(batch.map((r) => r.name)).toEqual(['jobs', 'jobs/status']);
    expect((await call('GET', '/openapi/v2')).status).toBe(404);
  });

  test('errors are Status objects: NotFound, AlreadyExists, Conflict, Invalid, Unauthorized', async () => {
    expect((await call('GET', `${CM}/nope`)).json).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'configmaps "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'configmaps' }, code: 404,
    });
    expect((await call('POST', CM, { metadata: { name: 'one' }, data: { a: '1' } })).status).toBe(201);
    const again = await call('POST', CM, { metadata: { name: 'one' } });
    expect([again.status, again.json.reason, again.json.message]).toEqual([409, 'AlreadyExists', 'configmaps "one" already exists']);
    const stale = await call('PUT', `${CM}/one`, { metadata: { name: 'one', resourceVersion: '1' }, data: {} });
    expect([stale.status, stale.json.reason]).toEqual([409, 'Conflict']);
    const big = await call('POST', CM, { metadata: { name: 'big' }, data: { a: 'x'.repeat(1024 * 1024 + 1) } });
    expect([big.status, big.json.reason, big.json.message]).toEqual([422, 'Invalid', 'ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes']);
    const noToken = await call('GET', CM, undefined, { Authorization: 'Bearer wrong' });
    expect([noToken.status, noToken.json.reason]).toEqual([401, 'Unauthorized']);
    const missingNs = await call('POST', '/api/v1/namespaces/ghost/configmaps', { metadata: { name: 'x' } });
    expect([missingNs.status, missingNs.json.message]).toEqual([404, 'namespaces "ghost" not found']);
  });

  test('metadata: uid, global resourceVersion, generation bumped only by spec changes, status kept on the main resource', async () => {
    const created = (await call('POST', DEPLOY, { metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } }, status: { replicas: 9 } })).json;
    const meta = created.metadata as Record<string, unknown>;
    expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.generation).toBe(1);
    expect(created.status).toBeUndefined();
    const labelled = (await call('PATCH', `${DEPLOY}/web`, { metadata: { labels: { x: 'y' } } }, { 'Content-Type': 'application/merge-patch+json' })).json;
    expect((labelled.metadata as Record<string, unknown>).generation).toBe(1);
    expect(Number((labelled.metadata as Record<string, unknown>).resourceVersion)).toBeGreaterThan(Number(meta.resourceVersion));
    const scaled = (await call('PATCH', `${DEPLOY}/web`, { spec: { replicas: 2 }, status: { replicas: 7 } }, { 'Content-Type': 'application/merge-patch+json' })).json;
    expect((scaled.metadata as Record<string, unknown>).generation).toBe(2);
    expect((scaled.status as Record<string, unknown> | undefined)?.replicas).not.toBe(7);
    await cluster.idle();
  });

  test('dryRun=All answers the result and changes nothing; the request log does not count it', async () => {
    cluster.clearRequests();
    const dry = await call('POST', `${CM}?dryRun=All`, { metadata: { name: 'dry' }, data: { a: '1' } });
    expect(dry.status).toBe(201);
    expect((await call('GET', `${CM}/dry`)).status).toBe(404);
    const deleteDry = await call('DELETE', `${CM}/one`, { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
    expect(deleteDry.status).toBe(200);
    expect((await call('GET', `${CM}/one`)).status).toBe(200);
    expect(cluster.mutatingRequests()).toHaveLength(0);
    const log = (await call('GET', '/_sandbox/requests')).json as { requests: { method: string; dryRun: boolean }[]; mutating: number };
    expect(log.mutating).toBe(0);
    expect(log.requests.filter((r) => r.dryRun).map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  test('watch replays changes after a resourceVersion, ends at timeoutSeconds, and answers 410 when too old', async () => {
    const start = (await call('GET', CM)).json.metadata as { resourceVersion: string };
    await call('POST', CM, { metadata: { name: 'watched' } });
    await call('DELETE', `${CM}/watched`);
    const stream = await call('GET', `${CM}?watch=true&resourceVersion=${start.resourceVersion}&timeoutSeconds=1`);
    const events = stream.body.trim().split('\n').map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([['ADDED', 'watched'], ['DELETED', 'watched']]);
    const initial = await call('GET', `${CM}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Done`);
    expect(initial.body.trim().split('\n').map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['ADDED']);
    const old = JSON.parse((await call('GET', `${CM}?watch=true&resourceVersion=1`)).body) as { type: string; object: { code: number; reason: string } };
    expect([old.type, old.object.code, old.object.reason]).toEqual(['ERROR', 410, 'Expired']);
  });
});
