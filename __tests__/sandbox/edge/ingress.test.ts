import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startCloudPipelineApi, type CloudPipelineApi } from '../../../src/sandbox/cloud-pipeline-api/index.js';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { apiIngressConf } from '../../../src/sandbox/edge/ingress.js';
import { describeWith } from '../../helpers/services.js';
import { APP_HOST, curl, installLauncher, renderFor, tempDir } from './edge-helpers.js';

// The API through the Edge as the ingress mode serves it (deploy/docker/cp-edge/nginx.conf:67-68,
// ingress-config/cp-api-srv.conf.tmpl, init:117-133): the browser-facing https URL of the API.

const API_HOST = 'api.example.test';

describeWith(['nginx', 'openssl'])('the sandbox Edge in the ingress mode', () => {
  let edge: SandboxEdge;
  let api: CloudPipelineApi;

  beforeAll(async () => {
    api = await startCloudPipelineApi();
    const state = await tempDir('edge-ingress');
    edge = await startEdge({ stateDir: state, ingress: { apiHost: API_HOST, apiBackend: new URL(api.url).origin } });
    await installLauncher(await renderFor(edge, join(state, 'rendered')), edge.hostPath);
    await edge.restart();
  });

  afterAll(async () => {
    await edge?.stop();
    await api?.stop();
  });

  test("the http {} includes /etc/nginx/ingress/cp-*.conf first, and init's cp-api-srv.conf is there", async () => {
    const conf = await readFile(edge.local('/etc/nginx/nginx.conf'), 'utf8');
    const http = conf.slice(conf.indexOf('http {'));
    expect(http.split('\n').filter((line) => /^\s*include /.test(line))[0].trim()).toBe('include /etc/nginx/ingress/cp-*.conf;');
    expect(await readFile(edge.local('/etc/nginx/ingress/cp-api-srv.conf'), 'utf8')).toBe(apiIngressConf({ apiHost: API_HOST, apiBackend: new URL(api.url).origin }, '/etc/edge/pki'));
  });

  test("https://<api host>/pipeline/restapi/ reaches the API (its own 401 without a token); the launcher hosts stay the launcher's", async () => {
    const whoami = await curl(edge, API_HOST, '/pipeline/restapi/whoami');
    // No token: the API's own 401, passed through by the Edge.
    expect(whoami.status).toBe(401);
    expect(JSON.parse(whoami.body)).toMatchObject({ status: 401, path: '/pipeline/restapi/whoami' });
    expect(api.requests().at(-1)).toMatchObject({ method: 'GET', path: '/whoami', status: 401 });
    // The launcher hosts are still the launcher's: its block answers them, not the API's.
    const settings = await curl(edge, APP_HOST, '/settings');
    expect(settings.status).toBe(200);
    expect(Object.keys(JSON.parse(settings.body) as object)).toContain(APP_HOST);
  });

  test('/ is redirected to /pipeline/ and /favicon.ico is 404, as cp-api-srv.conf.tmpl:12-25 has it', async () => {
    const root = await curl(edge, API_HOST, '/');
    expect([root.status, root.headers.location]).toEqual([301, `https://${API_HOST}/pipeline/`]);
    expect((await curl(edge, API_HOST, '/favicon.ico')).status).toBe(404);
  });

  test('an ingress host or backend that is not one is refused before nginx sees it', () => {
    expect(() => apiIngressConf({ apiHost: 'a b;', apiBackend: 'http://127.0.0.1:1' }, '/p')).toThrow('not a host name: a b;');
    expect(() => apiIngressConf({ apiHost: 'a.test', apiBackend: 'http://10.0.0.1:80' }, '/p')).toThrow('must be http(s)://127.0.0.1:<port>');
  });
});
