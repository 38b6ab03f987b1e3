import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEdge, type SandboxEdge } from '../../../src/sandbox/edge.js';
import { canEnforceReadOnly } from '../../../src/sandbox/edge/read-only-mounts.js';
import { startSandboxStack, type SandboxStack } from '../../../src/sandbox/stack.js';
import { describeWith } from '../../helpers/services.js';
import { APP_HOST, curl, installLauncher, renderFor, tempDir } from './edge-helpers.js';

const run = promisify(execFile);

/** Runs a command through the Edge's exec handler the way the Kubernetes stand-in hands it over. */
async function exec(edge: SandboxEdge, command: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const pod = { metadata: { name: 'cp-edge-abc-123', namespace: 'default' }, spec: { containers: [{ name: 'cp-edge' }] } };
  const code = await edge.execHandler(
    { namespace: 'default', pod, container: 'cp-edge', command, stdin: stdin !== undefined, tty: false },
    { stdin: stdin === undefined ? undefined : Readable.from([stdin]), stdout: (chunk) => (stdout += chunk.toString()), stderr: (chunk) => (stderr += chunk.toString()) },
  );
  return { code, stdout, stderr };
}

describeWith(['nginx', 'openssl'])('kubectl exec into the Edge container (the handler)', () => {
  let edge: SandboxEdge;

  beforeAll(async () => {
    const state = await tempDir('edge-exec');
    edge = await startEdge({ stateDir: state });
    await installLauncher(await renderFor(edge, join(state, 'rendered')), edge.hostPath);
  });

  afterAll(async () => {
    await edge?.stop();
  });

  test('container paths are the container folders; output names them as the container sees them', async () => {
    const result = await exec(edge, ['sh', '-c', 'ls /etc/nginx/ext/external-apps; cat /etc/edge/pki/missing.pem']);
    expect(result.stdout.split('\n')).toEqual(expect.arrayContaining([`${APP_HOST}.srv.conf`, 'quick-launcher', 'tools.example.test.srv.conf']));
    expect(result.stderr).toContain('/etc/edge/pki/missing.pem');
    expect(result.stderr).not.toContain(edge.root);
    expect(result.code).toBe(1);
  });

  test('bare `nginx -t` tests OpenResty\'s stock file, not the Edge\'s: only -c /etc/nginx/nginx.conf tests the Edge', async () => {
    await writeFile(edge.local('/etc/nginx/external-apps/broken.conf'), 'locaton / { }\n');
    const bare = await exec(edge, ['nginx', '-t']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('the configuration file /usr/local/openresty/nginx/conf/nginx.conf syntax is ok');
    const edgeTest = await exec(edge, ['nginx', '-c', '/etc/nginx/nginx.conf', '-t']);
    expect(edgeTest.code).toBe(1);
    expect(edgeTest.stderr).toContain('unknown directive "locaton" in /etc/nginx/external-apps/broken.conf:1');
    await exec(edge, ['rm', '/etc/nginx/external-apps/broken.conf']);
  });

  test('the copy-into-the-container update: cp under the lock, nginx -t, nginx -s reload reaches the running nginx', async () => {
    expect((await curl(edge, APP_HOST, '/css/bundle.css')).status).toBe(404);
    const reloads = edge.reloads;
    const starts = edge.starts;
    const script = 'cp -r /etc/nginx/ext/external-apps/. /etc/nginx/external-apps/ && nginx -c /etc/nginx/nginx.conf -t && nginx -s reload';
    const result = await exec(edge, ['flock', '/var/run/sync-routes.lock', 'sh', '-c', script]);
    expect(result).toMatchObject({ code: 0 });
    expect(edge.reloads).toBe(reloads + 1);
    expect(edge.starts).toBe(starts);
    expect((await curl(edge, APP_HOST, '/css/bundle.css')).headers['content-type']).toBe('text/css');
  });

  test('a script on stdin, and the full path of the Edge image\'s nginx', async () => {
    const result = await exec(edge, ['sh', '-s'], 'test -x /usr/local/openresty/nginx/sbin/nginx && /usr/local/openresty/nginx/sbin/nginx -v\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^nginx version: /);
  });

  test('flock in the container is the lock sync-routes takes', async () => {
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const pod = { metadata: { name: 'cp-edge-abc-123' }, spec: {} };
    const holder = edge.execHandler(
      { namespace: 'default', pod, container: 'cp-edge', command: ['flock', '/var/run/sync-routes.lock', 'sh', '-c', 'echo held; sleep 2'], stdin: false, tty: false },
      { stdout: () => held(), stderr: () => undefined },
    );
    await holding;
    await expect(edge.publishRoute({ host: APP_HOST, path: 'x', target: '127.0.0.1:9' })).rejects.toThrow('sync-routes.lock');
    expect(await holder).toBe(0);
  });

  test("the Deployment's read-only mounts are read-only in the container (where this machine can make them so)", async () => {
    const result = await exec(edge, ['sh', '-c', 'touch /etc/nginx/ext/external-apps/new.conf; touch /etc/nginx/external-apps/new.conf']);
    const writable = await readFile(join(edge.hostPath, 'new.conf'), 'utf8').then(() => true, () => false);
    if (await canEnforceReadOnly()) {
      expect(result.stderr).toContain("touch: cannot touch '/etc/nginx/ext/external-apps/new.conf': Read-only file system");
      expect(writable).toBe(false);
    } else {
      // Without root and a mount namespace the mount cannot be made read-only here (docs/sandbox-edge.md).
      expect(writable).toBe(true);
    }
    // The container's own folders stay writable.
    expect(await readFile(edge.local('/etc/nginx/external-apps/new.conf'), 'utf8')).toBe('');
    await exec(edge, ['rm', '-f', '/etc/nginx/external-apps/new.conf']);
  });

  test('an unknown command and another container are the errors the API server reports', async () => {
    await expect(exec(edge, ['no-such-command'])).rejects.toThrow('executable file not found in $PATH');
    const pod = { metadata: { name: 'cp-edge-abc-123' }, spec: {} };
    await expect(edge.execHandler({ namespace: 'default', pod, container: 'wetty', command: ['true'], stdin: false, tty: false }, { stdout: () => undefined, stderr: () => undefined })).rejects.toThrow('container wetty is not valid for pod cp-edge-abc-123');
  });
});

describe.each(['classic', 'aws-native'] as const)('real kubectl exec into the %s Edge pod', (profile) => {
  describeWith(['nginx', 'openssl', 'kubectl'])('through the Kubernetes stand-in', () => {
    let stack: SandboxStack;
    let kubectl: string[];

    beforeAll(async () => {
      const state = await tempDir(`edge-kubectl-${profile}`);
      stack = await startSandboxStack({ stateDir: state, profile });
      kubectl = ['--kubeconfig', stack.kube.writeKubeconfig(join(state, 'kubeconfig')), '--cache-dir', join(state, 'kube-cache')];
    }, 60_000);

    afterAll(async () => {
      await stack?.stop();
    });

    test('nginx -s reload in the pod reloads the Edge; a rollout restarts it with a fresh copy', async () => {
      const edge = stack.edge!;
      const pod = (await run('kubectl', [...kubectl, 'get', 'pods', '-l', 'cloud-pipeline/role=EDGE', '-o', 'name'])).stdout.trim();
      await writeFile(join(stack.hostPath, 'late.example.test.srv.conf'), 'server {\n    listen 8181 ssl;\n    server_name late.example.test;\n    return 200 "late\\n";\n}\n');
      const reloads = edge.reloads;
      const result = await run('kubectl', [...kubectl, 'exec', pod, '--', 'flock', '/var/run/sync-routes.lock', 'sh', '-c', 'cp /etc/nginx/ext/external-apps/late.example.test.srv.conf /etc/nginx/external-apps/ && nginx -c /etc/nginx/nginx.conf -t && nginx -s reload']);
      expect(result.stderr).toContain('/etc/nginx/nginx.conf test is successful');
      expect(edge.reloads).toBe(reloads + 1);
      expect((await curl(edge, 'late.example.test', '/')).body).toBe('late\n');

      await writeFile(join(stack.hostPath, 'later.example.test.srv.conf'), 'server {\n    listen 8181 ssl;\n    server_name later.example.test;\n    return 200 "later\\n";\n}\n');
      const starts = edge.starts;
      await run('kubectl', [...kubectl, 'rollout', 'restart', `deployment/${stack.seeded.deployment}`]);
      await run('kubectl', [...kubectl, 'rollout', 'status', `deployment/${stack.seeded.deployment}`, '--timeout=30s']);
      expect(edge.starts).toBe(starts + 1);
      expect((await curl(edge, 'later.example.test', '/')).body).toBe('later\n');
      expect(await readFile(edge.local('/etc/nginx/external-apps/other-app.conf'), 'utf8')).toContain('other-app.example.com');
    }, 60_000);
  });
});
