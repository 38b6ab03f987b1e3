import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { describeWith } from '../helpers/services.js';
import { CloudPipelineError, createCloudPipelineClient } from '../../src/cloud-pipeline/index.js';

describeWith(['openssl'])('Cloud Pipeline transport over TLS', () => {
  let dir = '';
  let server: Server;
  let url = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cp-tls-'));
    const [cert, key] = [join(dir, 'ca.pem'), join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    server = createServer({ cert: await readFile(cert), key: await readFile(key) }, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'OK', payload: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/pipeline/restapi`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  test('trusts the CA file, refuses an unknown certificate without retrying, and skips checks when insecure', async () => {
    const trusted = createCloudPipelineClient({ url, token: 'token-1234', caFile: join(dir, 'ca.pem') });
    await expect(trusted.roles.list()).resolves.toEqual([]);
    trusted.close();

    const untrusted = createCloudPipelineClient({ url, token: 'token-1234', retry: { baseDelayMs: 1 } });
    const error = await untrusted.roles.list().catch((e: unknown) => e);
    untrusted.close();
    expect(error).toBeInstanceOf(CloudPipelineError);
    expect((error as Error).message).toMatch(/GET \/role\/loadAll failed: self[- ]signed certificate \(set 'api-ca'/);
    expect(untrusted.stats.requests).toBe(1);

    const insecure = createCloudPipelineClient({ url, token: 'token-1234', insecure: true });
    await expect(insecure.roles.list()).resolves.toEqual([]);
    insecure.close();
  });
});
