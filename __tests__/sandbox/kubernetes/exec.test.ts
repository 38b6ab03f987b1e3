import { afterEach, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { ExecRequest } from '../../../src/sandbox/kubernetes/index.js';
import { describeWithKubectls, KUBECTL_1_27, KUBECTL_1_32, startHarness, type Harness } from './kubectl-harness.js';

const execLog = (h: Harness) => h.cluster.requests().filter((r) => r.path.endsWith('/exec')).map((r) => `${r.method} ${r.status}`);

describeWithKubectls([KUBECTL_1_32, KUBECTL_1_27])('kubectl exec against the Kubernetes API stand-in', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  test('current, kubectl 1.32: one WebSocket (v5) session; stdout, stderr and the exit code come back; counted as a change', async () => {
    h = await startHarness({ profile: 'current' });
    const seeded = await h.cluster.seedEdge();
    h.cluster.clearRequests();
    const result = await h.kubectl(['exec', 'deploy/cp-edge', '--', 'sh', '-c', 'echo out; echo err >&2; cat /etc/nginx/ext/external-apps/other-app.conf; exit 3'], { binary: KUBECTL_1_32 });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`out\n${readFileSync(join(seeded.appsDir, 'other-app.conf'), 'utf8')}`);
    expect(result.stderr).toBe('err\ncommand terminated with exit code 3\n');
    expect(execLog(h)).toEqual(['GET 101']);
    expect(h.cluster.mutatingRequests().map((r) => r.method)).toEqual(['GET']);
  });

  test('current: stdin is passed with -i and closed by the v5 CLOSE signal; a written file lands in the mounted folder', async () => {
    h = await startHarness({ profile: 'current' });
    const seeded = await h.cluster.seedEdge();
    const result = await h.kubectl(['exec', '-i', 'deploy/cp-edge', '-c', 'cp-edge', '--', 'sh', '-c', 'cat > /etc/nginx/ext/external-apps/from-stdin.conf; echo saved'], { binary: KUBECTL_1_32, input: 'server { listen 8181; }\n' });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'saved\n', '']);
    expect(readFileSync(join(seeded.appsDir, 'from-stdin.conf'), 'utf8')).toBe('server { listen 8181; }\n');
  });

  test('current, kubectl 1.27 (SPDY only): POST upgrade to SPDY/3.1, v4 streams, exit code and stdin', async () => {
    h = await startHarness({ profile: 'current' });
    await h.cluster.seedEdge();
    h.cluster.clearRequests();
    const result = await h.kubectl(['exec', '-i', 'deploy/cp-edge', '--', 'sh', '-c', 'wc -c; echo warn >&2; exit 4'], { binary: KUBECTL_1_27, input: 'abcdef' });
    expect(result.code).toBe(4);
    expect(result.stdout.trim()).toBe('6');
    expect(result.stderr).toBe('warn\ncommand terminated with exit code 4\n');
    expect(execLog(h)).toEqual(['POST 101']);
  });

  test('classic (1.15), kubectl 1.32: the WebSocket v5 probe is refused with 403, kubectl falls back to SPDY; counted once', async () => {
    h = await startHarness({ profile: 'classic' });
    const seeded = await h.cluster.seedEdge();
    writeFileSync(join(seeded.appsDir, 'launcher.srv.conf'), 'server {}\n');
    h.cluster.clearRequests();
    const result = await h.kubectl(['exec', 'deploy/cp-edge', '-v=6', '--', 'sh', '-c', 'ls /etc/nginx/ext/external-apps; exit 2'], { binary: KUBECTL_1_32 });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('launcher.srv.conf\nother-app.conf\n');
    expect(result.stderr).toContain('RemoteCommand fallback: unable to upgrade streaming request: websocket: bad handshake (403 Forbidden)');
    expect(execLog(h)).toEqual(['GET 403', 'POST 101']);
    expect(h.cluster.mutatingRequests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 101']);
    const input = await h.kubectl(['exec', '-i', 'deploy/cp-edge', '--', 'cat'], { binary: KUBECTL_1_32, input: 'through spdy\n' });
    expect([input.code, input.stdout]).toEqual([0, 'through spdy\n']);
  });

  test('output beyond the 64 KiB SPDY window passes on both transports (spdystream has no flow control)', async () => {
    h = await startHarness({ profile: 'current' });
    await h.cluster.seedEdge();
    for (const binary of [KUBECTL_1_27, KUBECTL_1_32]) {
      const result = await h.kubectl(['exec', 'deploy/cp-edge', '--', 'sh', '-c', 'head -c 1000000 /dev/zero | tr "\\0" a; head -c 100000 /dev/zero | tr "\\0" b >&2'], { binary });
      expect([result.code, result.stdout.length, result.stderr.length]).toEqual([0, 1000000, 100000]);
      expect(result.stdout).toBe('a'.repeat(1000000));
    }
  });

  test('aws-native: the command sees the claim folders at their mount paths (subPath applied)', async () => {
    h = await startHarness({ profile: 'aws-native' });
    const seeded = await h.cluster.seedEdge();
    writeFileSync(join(seeded.pkiDir, 'edge-public-cert.pem'), 'CERT\n');
    const result = await h.kubectl(['exec', 'deploy/cp-edge', '--', 'sh', '-c', 'cat /opt/edge/pki/edge-public-cert.pem; ls /etc/nginx/ext/external-apps'], { binary: KUBECTL_1_32 });
    expect([result.code, result.stdout]).toEqual([0, 'CERT\nother-app.conf\n']);
  });

  test('an installed exec handler gets namespace, pod, container and argv, and its streams and exit code reach kubectl', async () => {
    const seen: ExecRequest[] = [];
    h = await startHarness({ profile: 'current' });
    await h.cluster.seedEdge();
    h.cluster.setExecHandler((request, io) => {
      seen.push(request);
      io.stdout(Buffer.from('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n'));
      io.stderr(Buffer.from('reloaded\n'));
      return Promise.resolve(0);
    });
    const pod = (await h.kubectl(['get', 'pods', '-l', 'cloud-pipeline/role=EDGE', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const result = await h.kubectl(['exec', pod, '-c', 'cp-edge', '--', 'nginx', '-t'], { binary: KUBECTL_1_32 });
    expect(result).toEqual({ code: 0, stdout: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n', stderr: 'reloaded\n' });
    expect(seen.map((r) => [r.namespace, (r.pod.metadata as { name: string }).name, r.container, r.command, r.stdin, r.tty])).toEqual([['default', pod, 'cp-edge', ['nginx', '-t'], false, false]]);

    // A handler that serves only some commands hands the rest to the local process.
    h.cluster.setExecHandler((request, io) => (request.command[0] === 'nginx' ? Promise.resolve(0) : h.cluster.localExec(request, io)));
    expect((await h.kubectl(['exec', pod, '--', 'sh', '-c', 'echo local'], { binary: KUBECTL_1_32 })).stdout).toBe('local\n');

    h.cluster.setExecHandler(() => Promise.reject(new Error('container is restarting')));
    const failed = await h.kubectl(['exec', pod, '--', 'true'], { binary: KUBECTL_1_32 });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Internal error occurred: container is restarting');
  });

  test('a missing pod is 404, a wrong container 400, a command that cannot start an internal error', async () => {
    h = await startHarness({ profile: 'current' });
    await h.cluster.seedEdge();
    const pod = (await h.kubectl(['get', 'pods', '-l', 'cloud-pipeline/role=EDGE', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const missing = await h.kubectl(['exec', 'no-such-pod', '--', 'true'], { binary: KUBECTL_1_32 });
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'Error from server (NotFound): pods "no-such-pod" not found']);
    const container = await h.kubectl(['exec', pod, '-c', 'nginx', '--', 'true'], { binary: KUBECTL_1_32 });
    expect([container.code, container.stderr.trim()]).toEqual([1, `Error from server (BadRequest): container nginx is not valid for pod ${pod}`]);
    const command = await h.kubectl(['exec', pod, '--', 'no-such-command'], { binary: KUBECTL_1_32 });
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('exec: "no-such-command": executable file not found in $PATH');
  });

  test('RBAC: denied pods/exec is the apiserver\'s 403; on 1.33 a WebSocket upgrade is a GET and needs only `get`', async () => {
    h = await startHarness({ profile: 'current', rbac: [{ verb: '*', resource: 'pods/exec' }] });
    await h.cluster.seedEdge();
    const denied = await h.kubectl(['exec', 'deploy/cp-edge', '--', 'true'], { binary: KUBECTL_1_32 });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/pods "cp-edge-[a-z0-9]+-[a-z0-9]+" is forbidden: User "system:serviceaccount:default:quick-launcher-deployer" cannot create resource "pods\/exec" in API group "" in the namespace "default"/);
    expect(execLog(h)).toEqual(['GET 403', 'POST 403']);
    expect(h.cluster.mutatingRequests()).toEqual([]);

    h.cluster.setDenyRules([{ verb: 'create', resource: 'pods/exec' }]);
    expect((await h.kubectl(['exec', 'deploy/cp-edge', '--', 'true'], { binary: KUBECTL_1_32 })).code).toBe(0);
    expect((await h.kubectl(['exec', 'deploy/cp-edge', '--', 'true'], { binary: KUBECTL_1_27 })).code).toBe(1);
  });

  test('classic: denying create on pods/exec stops kubectl 1.32 (its SPDY fallback is a POST)', async () => {
    h = await startHarness({ profile: 'classic', rbac: [{ verb: 'create', resource: 'pods/exec' }] });
    await h.cluster.seedEdge();
    const denied = await h.kubectl(['exec', 'deploy/cp-edge', '--', 'true'], { binary: KUBECTL_1_32 });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('cannot create resource "pods/exec" in API group "" in the namespace "default"');
    expect(execLog(h)).toEqual(['GET 403', 'POST 403']);
  });

  test('stop() ends open exec sessions on both transports', async () => {
    h = await startHarness({ profile: 'current' });
    const seeded = await h.cluster.seedEdge();
    // Each command marks that it runs (its streams are all set up), then sleeps.
    const sessions = ['spdy', 'websocket'].map((name) =>
      h.kubectl(['exec', 'deploy/cp-edge', '--', 'sh', '-c', `touch /etc/nginx/ext/external-apps/${name}.started; sleep 30`], { binary: name === 'spdy' ? KUBECTL_1_27 : KUBECTL_1_32, timeoutMs: 20000 }),
    );
    const started = (): boolean => ['spdy', 'websocket'].every((name) => existsSync(join(seeded.appsDir, `${name}.started`)));
    for (let i = 0; i < 200 && !started(); i += 1) await sleep(50);
    expect(started()).toBe(true);
    expect(execLog(h).sort()).toEqual(['GET 101', 'POST 101']);
    await h.cluster.stop();
    // Both kubectl processes end on their own (the harness kills a hung one: code -1). Their exit
    // codes are kubectl's business: a SPDY client that loses the connection reads an empty error
    // stream and exits 0.
    const results = await Promise.all(sessions);
    expect(results.map((result) => result.code)).not.toContain(-1);
  });

  test('a raw WebSocket client: v4.channel.k8s.io is served on 1.15, channel frames and the status; unserved protocols get the handshake 403', async () => {
    h = await startHarness({ profile: 'classic' });
    await h.cluster.seedEdge();
    const pod = (await h.kubectl(['get', 'pods', '-l', 'cloud-pipeline/role=EDGE', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const url = `${h.cluster.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/${pod}/exec?command=sh&command=-c&command=echo+hi%3B+exit+7&container=cp-edge&stdout=true&stderr=true`;
    const open = (protocol: string) => new WebSocket(url, [protocol], { ca: h.cluster.certificateAuthority, headers: { Authorization: `Bearer ${h.cluster.token}` } });
    const ws = open('v4.channel.k8s.io');
    const frames: [number, string][] = [];
    ws.on('message', (data: Buffer) => frames.push([data[0], data.subarray(1).toString()]));
    const closed = await new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    expect(ws.protocol).toBe('v4.channel.k8s.io');
    expect(closed).toBe(1000);
    expect(frames).toEqual([
      [1, 'hi\n'],
      [3, JSON.stringify({ metadata: {}, status: 'Failure', message: 'command terminated with non-zero exit code: command terminated with exit code 7', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '7' }] } })],
    ]);
    const refused = open('base64.channel.k8s.io');
    const answer = await new Promise<{ status?: number; body: string }>((resolve) => {
      refused.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      });
    });
    expect(answer).toEqual({ status: 403, body: 'requested protocol(s) are not supported: [base64.channel.k8s.io]; supports [v4.channel.k8s.io]' });
  });
});
