import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../../src/sandbox/kubernetes/json.js';
import { hostPathMounts, type RolloutContext } from '../../../src/sandbox/kubernetes/index.js';
import { describeWith } from '../../helpers/services.js';
import { startHarness, type Harness } from './kubectl-harness.js';

const PAYLOAD = `apiVersion: v1
kind: ConfigMap
metadata: {name: payload}
data:
  launcher.conf: "server { listen 8181; }\\n"
---
apiVersion: v1
kind: Secret
metadata: {name: payload-secret}
stringData:
  settings.json: '{"token":"s3cret"}'
`;

const installerJob = (name: string, script: string, extra = ''): string => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      nodeSelector: {cloud-pipeline/cp-edge: "true"}
${extra}      containers:
      - name: installer
        image: lifescience/cloud-pipeline:edge-test
        command: [sh, -c]
        args:
        - |
${script.split('\n').map((line) => `          ${line}`).join('\n')}
        env:
        - {name: TARGET, value: /opt/edge/external-apps}
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: payload-secret, key: settings.json}}
        volumeMounts:
        - {name: payload, mountPath: /payload, readOnly: true}
        - {name: secret, mountPath: /secret}
        - {name: apps, mountPath: /opt/edge/external-apps}
      volumes:
      - {name: payload, configMap: {name: payload, items: [{key: launcher.conf, path: conf/launcher.conf}]}}
      - {name: secret, secret: {secretName: payload-secret}}
      - {name: apps, hostPath: {path: /opt/edge/external-apps, type: DirectoryOrCreate}}
`;

describeWith(['kubectl', 'openssl'])('kubectl against the Kubernetes API stand-in: Jobs and rollouts', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  test('a Job runs its sh script on the Edge node: ConfigMap and Secret volumes in, host path file out; wait and logs work', async () => {
    h = await startHarness();
    await h.cluster.seedEdge();
    const apps = join(h.cluster.nodeRoot(), 'opt/edge/external-apps');
    const unrelated = readFileSync(join(apps, 'other-app.conf'), 'utf8');
    expect((await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: PAYLOAD })).code).toBe(0);
    const script = 'cp /payload/conf/launcher.conf "$TARGET/launcher.conf"\ncp /secret/settings.json /opt/edge/external-apps/settings.json\necho "installed for $TOKEN"';
    expect((await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: installerJob('install', script) })).stdout).toContain('job.batch/install created');
    const wait = await h.kubectl(['wait', '--for=condition=complete', 'job/install', '--timeout=15s']);
    expect(wait.stdout).toContain('job.batch/install condition met');
    expect(readFileSync(join(apps, 'launcher.conf'), 'utf8')).toBe('server { listen 8181; }\n');
    expect(readFileSync(join(apps, 'settings.json'), 'utf8')).toBe('{"token":"s3cret"}');
    expect(readFileSync(join(apps, 'other-app.conf'), 'utf8')).toBe(unrelated);
    expect((await h.kubectl(['logs', 'job/install'])).stdout).toBe('installed for {"token":"s3cret"}\n');
    const pods = JSON.parse((await h.kubectl(['get', 'pods', '-l', 'job-name=install', '-o', 'json'])).stdout) as { items: { spec: { nodeName: string }; status: { phase: string } }[] };
    expect(pods.items.map((pod) => [pod.spec.nodeName, pod.status.phase])).toEqual([['cp-edge-node', 'Succeeded']]);
    expect((await h.kubectl(['get', 'job', 'install'])).stdout).toMatch(/^install\s+Complete\s+1\/1\s+\d+s$/m);
    expect((await h.kubectl(['get', 'pods', '-l', 'job-name=install'])).stdout).toMatch(/^install-\w{5}\s+0\/1\s+Completed\s+0\s+\d+s$/m);
    const job = JSON.parse((await h.kubectl(['get', 'job', 'install', '-o', 'json'])).stdout) as { status: { succeeded: number } };
    expect(job.status.succeeded).toBe(1);
    expect((await h.kubectl(['delete', 'job', 'install'])).code).toBe(0);
    expect((await h.kubectl(['get', 'pods', '-l', 'job-name=install', '-o', 'name'])).stdout).toBe('');
  });

  test('a failing Job with backoffLimit 0 runs once and is Failed; its log says why', async () => {
    h = await startHarness();
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: PAYLOAD });
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: installerJob('broken', 'echo checking >&2\necho "nginx: [emerg] bad config" >&2\nexit 3') });
    const wait = await h.kubectl(['wait', '--for=condition=failed', 'job/broken', '--timeout=15s']);
    expect(wait.stdout).toContain('condition met');
    const job = JSON.parse((await h.kubectl(['get', 'job', 'broken', '-o', 'json'])).stdout) as { status: { failed: number; conditions: { type: string; reason: string }[] } };
    expect(job.status.failed).toBe(1);
    expect(job.status.conditions).toContainEqual(expect.objectContaining({ type: 'Failed', reason: 'BackoffLimitExceeded' }));
    expect((await h.kubectl(['logs', 'job/broken'])).stdout).toBe('checking\nnginx: [emerg] bad config\n');
    expect((await h.kubectl(['logs', 'job/broken', '--tail=1'])).stdout).toBe('nginx: [emerg] bad config\n');
    const complete = await h.kubectl(['wait', '--for=condition=complete', 'job/broken', '--timeout=1s']);
    expect(complete.code).not.toBe(0);
    const changed = await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: installerJob('broken', 'exit 0') });
    expect(changed.stderr).toContain('The Job "broken" is invalid: spec.template: Invalid value: field is immutable');
  });

  test('a Job running past activeDeadlineSeconds is killed and Failed with DeadlineExceeded', async () => {
    h = await startHarness();
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: PAYLOAD });
    const job = installerJob('slow', 'echo started\nsleep 30').replace('backoffLimit: 0', 'backoffLimit: 0\n  activeDeadlineSeconds: 1');
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: job });
    expect((await h.kubectl(['logs', '-f', 'job/slow'])).stdout).toBe('started\n');
    expect((await h.kubectl(['wait', '--for=condition=failed', 'job/slow', '--timeout=15s'])).code).toBe(0);
    const status = JSON.parse((await h.kubectl(['get', 'job', 'slow', '-o', 'jsonpath={.status}'])).stdout) as { conditions: { type: string; reason: string }[] };
    expect(status.conditions).toContainEqual(expect.objectContaining({ type: 'Failed', reason: 'DeadlineExceeded' }));
    expect((await h.kubectl(['logs', 'job/slow'])).stdout).toBe('started\n');
  });

  test('a Job whose nodeSelector matches no node stays pending with a FailedScheduling event', async () => {
    h = await startHarness();
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: PAYLOAD });
    const job = installerJob('nowhere', 'true').replace('cloud-pipeline/cp-edge: "true"', 'cloud-pipeline/cp-edge: "elsewhere"');
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: job });
    await h.cluster.idle();
    const events = await h.kubectl(['get', 'events', '--field-selector', 'reason=FailedScheduling', '-o', 'jsonpath={.items[*].message}']);
    expect(events.stdout).toContain("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.");
    expect((await h.kubectl(['get', 'pods', '-l', 'job-name=nowhere', '-o', 'jsonpath={.items[*].status.phase}'])).stdout).toBe('Pending');
  });

  test('a Job whose ConfigMap volume is missing stays ContainerCreating with a FailedMount event, and waiting for it times out', async () => {
    h = await startHarness();
    await h.kubectl(['apply', '--validate=false', '-f', '-'], { input: installerJob('unmounted', 'true') });
    await h.cluster.idle();
    const events = await h.kubectl(['get', 'events', '--field-selector', 'reason=FailedMount', '-o', 'jsonpath={.items[*].message}']);
    expect(events.stdout).toBe('MountVolume.SetUp failed for volume "payload" : configmap "payload" not found');
    expect((await h.kubectl(['get', 'pods', '-l', 'job-name=unmounted'])).stdout).toMatch(/ContainerCreating/);
    const wait = await h.kubectl(['wait', '--for=condition=complete', 'job/unmounted', '--timeout=1s']);
    expect(wait.stderr).toContain('timed out waiting for the condition on jobs/unmounted');
  });

  test('rollout restart bumps the generation, calls the rollout hook, and rollout status succeeds', async () => {
    const calls: [string, RolloutContext][] = [];
    h = await startHarness({
      onRollout: async (deployment: JsonObject, context) => {
        calls.push([String((deployment.metadata as JsonObject).generation), context]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    await h.cluster.seedEdge();
    expect(calls).toEqual([['1', { reason: 'created', nodeName: 'cp-edge-node' }]]);
    expect((await h.kubectl(['rollout', 'restart', 'deployment/cp-edge'])).stdout).toContain('deployment.apps/cp-edge restarted');
    const status = await h.kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=15s']);
    expect(status.stdout).toContain('deployment "cp-edge" successfully rolled out');
    expect(calls.map(([generation, context]) => [generation, context.reason])).toEqual([['1', 'created'], ['2', 'updated']]);
    const live = JSON.parse((await h.kubectl(['get', 'deploy', 'cp-edge', '-o', 'json'])).stdout) as {
      metadata: { generation: number };
      spec: { template: { metadata: { annotations: Record<string, string> } } };
      status: { observedGeneration: number; availableReplicas: number };
    };
    expect(live.spec.template.metadata.annotations).toHaveProperty(['kubectl.kubernetes.io/restartedAt']);
    expect([live.metadata.generation, live.status.observedGeneration, live.status.availableReplicas]).toEqual([2, 2, 1]);
    const pods = await h.kubectl(['get', 'pods', '-l', 'cloud-pipeline/role=EDGE', '-o', 'jsonpath={.items[*].spec.nodeName}']);
    expect(pods.stdout).toBe('cp-edge-node');
    const mounts = hostPathMounts(live, h.cluster.nodeRoot('cp-edge-node'));
    expect(mounts).toHaveLength(10);
    expect(mounts).toEqual(expect.arrayContaining([
      { mountPath: '/etc/nginx/ext/external-apps', hostPath: '/opt/edge/external-apps', local: join(h.cluster.nodeRoot(), 'opt/edge/external-apps'), readOnly: true },
      { mountPath: '/opt/edge/pki', hostPath: '/opt/edge/pki', local: join(h.cluster.nodeRoot(), 'opt/edge/pki'), readOnly: true },
    ]));
  });

  test('a rollout that never becomes ready makes rollout status time out; a rejecting hook too', async () => {
    let reject = false;
    h = await startHarness({
      onRollout: () => (reject ? Promise.reject(new Error('nginx did not start')) : Promise.resolve()),
    });
    await h.cluster.seedEdge();
    h.cluster.setReadiness('never');
    await h.kubectl(['rollout', 'restart', 'deployment/cp-edge']);
    const never = await h.kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=2s']);
    expect(never.code).not.toBe(0);
    expect(never.stdout).toContain('Waiting for deployment "cp-edge" rollout to finish: 0 of 1 updated replicas are available...');
    expect(never.stderr).toContain('timed out waiting for the condition');

    h.cluster.setReadiness('ready');
    reject = true;
    await h.kubectl(['rollout', 'restart', 'deployment/cp-edge']);
    expect((await h.kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=2s'])).code).not.toBe(0);
    const events = await h.kubectl(['get', 'events', '--field-selector', 'reason=Unhealthy', '-o', 'jsonpath={.items[*].message}']);
    expect(events.stdout).toContain('nginx did not start');

    reject = false;
    await h.kubectl(['rollout', 'restart', 'deployment/cp-edge']);
    expect((await h.kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=15s'])).code).toBe(0);
  });
});
