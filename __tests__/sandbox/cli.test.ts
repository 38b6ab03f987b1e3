import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from '@jest/globals';
import { describeWith } from '../helpers/services.js';

const run = promisify(execFile);
const cli = new URL('../../src/sandbox/cli.ts', import.meta.url).pathname;
const sandbox = (...args: string[]) => run(process.execPath, ['--import', 'tsx', cli, ...args], { timeout: 60_000 });

function parseEnv(text: string): Record<string, string> {
  return Object.fromEntries(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describeWith(['nginx', 'openssl', 'kubectl'])('npm run sandbox -- up / down', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) {
      await sandbox('down', '--state-dir', dir).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('up starts the API, the cluster and the Edge in the background; down stops them by PID', async () => {
    dir = await mkdtemp(join(tmpdir(), 'qla-sandbox-cli-'));
    await sandbox('up', '--state-dir', dir, '--users', '3', '--profile', 'classic');
    const env = parseEnv(await readFile(join(dir, 'sandbox.env'), 'utf8'));
    expect(Object.keys(env).sort()).toEqual(
      ['SANDBOX_API_EXTERNAL_URL', 'SANDBOX_API_TOKEN', 'SANDBOX_API_URL', 'SANDBOX_CERT_DIR', 'SANDBOX_EDGE_APPS_DIR', 'SANDBOX_EDGE_PORT', 'SANDBOX_EDGE_URL', 'SANDBOX_FOLDER_APPS_STORAGE_ID', 'SANDBOX_HOST_PATH', 'SANDBOX_KUBECONFIG', 'SANDBOX_PROFILE'],
    );
    expect(env.SANDBOX_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pipeline\/restapi$/);
    expect(env.SANDBOX_EDGE_PORT).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(env.SANDBOX_EDGE_URL).toBe(`https://${env.SANDBOX_EDGE_PORT}`);
    expect(env.SANDBOX_PROFILE).toBe('classic');
    // The blocks name the container's folder; the Edge container reads it there.
    expect(env.SANDBOX_EDGE_APPS_DIR).toBe('/etc/nginx/external-apps');
    const users = await fetch(`${env.SANDBOX_API_URL}/users`, { headers: { Authorization: `Bearer ${env.SANDBOX_API_TOKEN}` } });
    expect(((await users.json()) as { payload: unknown[] }).payload).toHaveLength(4);

    const kubectl = ['--kubeconfig', env.SANDBOX_KUBECONFIG, '--cache-dir', join(dir, 'kube-cache'), 'get', 'deployment', 'cp-edge', '-o', 'json'];
    const edgeDeployment = JSON.parse((await run('kubectl', kubectl, { timeout: 30_000 })).stdout) as { spec: { template: { spec: { nodeSelector: Record<string, string> } } } };
    expect(edgeDeployment.spec.template.spec.nodeSelector).toMatchObject({ 'cloud-pipeline/cp-edge': 'true' });
    expect(await readdir(env.SANDBOX_HOST_PATH)).toContain('other-app.conf');
    const port = env.SANDBOX_EDGE_PORT.split(':')[1];
    const other = await run('curl', ['-sk', '--max-time', '10', '--resolve', `other-app.example.com:${port}:127.0.0.1`, `https://other-app.example.com:${port}/`]);
    expect(other.stdout).toBe('other app\n');
    // The browser-facing API: the Edge's ingress block for api.sandbox.test proxies to the stand-in.
    expect(env.SANDBOX_API_EXTERNAL_URL).toBe(`https://api.sandbox.test:${port}/pipeline/restapi`);
    const whoami = await run('curl', ['-sk', '--max-time', '10', '--resolve', `api.sandbox.test:${port}:127.0.0.1`, '-H', `Authorization: Bearer ${env.SANDBOX_API_TOKEN}`, `${env.SANDBOX_API_EXTERNAL_URL}/whoami`]);
    expect((JSON.parse(whoami.stdout) as { payload: { userName: string } }).payload.userName).toBe('PIPE_ADMIN');
    const storage = await fetch(`${env.SANDBOX_API_URL}/datastorage/find?id=${env.SANDBOX_FOLDER_APPS_STORAGE_ID}`, { headers: { Authorization: `Bearer ${env.SANDBOX_API_TOKEN}` } });
    expect(((await storage.json()) as { payload: { name: string } }).payload.name).toBe('sandbox-shiny-apps');

    const info = JSON.parse(await readFile(join(dir, 'sandbox.json'), 'utf8')) as { pid: number };
    await sandbox('up', '--state-dir', dir);
    expect((JSON.parse(await readFile(join(dir, 'sandbox.json'), 'utf8')) as { pid: number }).pid).toBe(info.pid);

    await sandbox('down', '--state-dir', dir);
    expect(() => process.kill(info.pid, 0)).toThrow();
    await expect(fetch(`${env.SANDBOX_API_URL}/users`)).rejects.toThrow();
    await expect(run('curl', ['-sk', '--max-time', '5', `https://127.0.0.1:${port}/`])).rejects.toThrow();
    expect(await readdir(dir)).not.toContain('sandbox.env');
  });

  test('a bad command line prints the usage', async () => {
    await expect(sandbox('sideways')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run sandbox') });
    await expect(sandbox('up', '--profile', 'moon')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('classic|additional-region|aws-native|current') });
  });
});
