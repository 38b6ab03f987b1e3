import { afterEach, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileTraits, type ClusterProfile } from '../../../src/sandbox/kubernetes/index.js';
import type { JsonObject } from '../../../src/sandbox/kubernetes/json.js';
import { describeWithKubectls, KUBECTL_1_32, startHarness, type Harness } from './kubectl-harness.js';

const CONFIG_MAP = (value: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {key: "${value}"}
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: ttl-job}
spec:
  ttlSecondsAfterFinished: 30
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      nodeSelector: {cloud-pipeline/cp-edge: "true"}
      containers:
      - {name: main, image: busybox, command: [sh, -c, "echo job-ran"]}
`;

type Deployment = {
  metadata: { name: string };
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        nodeSelector: Record<string, string>;
        tolerations: JsonObject[];
        imagePullSecrets: JsonObject[];
        volumes: JsonObject[];
        containers: { name: string; imagePullPolicy: string; command: string[]; livenessProbe?: JsonObject; readinessProbe?: JsonObject; volumeMounts: JsonObject[] }[];
      };
    };
  };
};

describeWithKubectls([KUBECTL_1_32])('cluster profiles of the Kubernetes API stand-in', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });
  const kubectl = (args: string[], input?: string) => h.kubectl(args, { binary: KUBECTL_1_32, input });
  const json = async <T>(args: string[]): Promise<T> => {
    const result = await kubectl([...args, '-o', 'json']);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const raw = async <T>(path: string): Promise<T> => JSON.parse((await kubectl(['get', '--raw', path])).stdout) as T;

  test.each([
    ['classic', /^v1\.15\.4$/, '15'],
    ['additional-region', /^v1\.15\.4$/, '15'],
    ['aws-native', /^v1\.31\.\d+-eks-[0-9a-f]{7}$/, '31+'],
    ['current', /^v1\.33\.\d+$/, '33'],
  ] as const)('%s reports its server version as the real server does', async (profile, gitVersion, minor) => {
    h = await startHarness({ profile });
    const result = await kubectl(['version', '-o', 'json']);
    const version = JSON.parse(result.stdout) as { serverVersion: Record<string, string> };
    expect(version.serverVersion.gitVersion).toMatch(gitVersion);
    // kubectl itself warns outside its ±1 minor skew.
    if (minor !== '15') expect(result.stderr).toBe('');
    else expect(result.stderr).toContain(`version difference between client (1.32) and server (1.${minor.replace('+', '')}) exceeds the supported minor version skew of +/-1`);
    expect(version.serverVersion.minor).toBe(minor);
    expect(Object.keys(version.serverVersion)).toEqual(expect.arrayContaining(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']));
    const node = await json<{ status: { nodeInfo: { kubeletVersion: string } } }>(['get', 'node', 'cp-edge-node']);
    expect(node.status.nodeInfo.kubeletVersion).toBe(profileTraits(profile).kubeletVersion);
  });

  test('1.15: server-side apply is refused with the 1.15 apiserver\'s 415 and nothing is created; current applies', async () => {
    h = await startHarness({ profile: 'classic' });
    const file = h.manifest('cm.yaml', CONFIG_MAP('one'));
    const refused = await kubectl(['apply', '--server-side', '--validate=false', '-f', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json');
    expect(refused.stderr).not.toContain('apply-patch+yaml');
    expect(h.cluster.requests().find((r) => r.method === 'PATCH')?.status).toBe(415);
    expect((await kubectl(['get', 'configmap', 'settings'])).stderr).toContain('configmaps "settings" not found');
    await h.close();

    h = await startHarness({ profile: 'current' });
    const file2 = h.manifest('cm.yaml', CONFIG_MAP('one'));
    expect((await kubectl(['apply', '--server-side', '--validate=false', '-f', file2])).stdout).toContain('configmap/settings serverside-applied');
  });

  test('1.15: a Job loses ttlSecondsAfterFinished (TTLAfterFinished off); current keeps it', async () => {
    for (const [profile, expected] of [['classic', ''], ['current', '30']] as [ClusterProfile, string][]) {
      h = await startHarness({ profile });
      await h.cluster.seedEdge();
      expect((await kubectl(['create', '--validate=false', '-f', h.manifest('job.yaml', JOB)])).code).toBe(0);
      expect((await kubectl(['get', 'job', 'ttl-job', '-o', 'jsonpath={.spec.ttlSecondsAfterFinished}'])).stdout).toBe(expected);
      if (profile === 'classic') await h.close();
    }
  });

  test('kubectl 1.32 against 1.15: get, create, patch, diff (server dry-run), wait, logs, rollout, auth can-i, delete', async () => {
    h = await startHarness({ profile: 'classic', rbac: [{ verb: 'delete', resource: 'secrets' }] });
    await h.cluster.seedEdge();
    const file = h.manifest('cm.yaml', CONFIG_MAP('one'));
    expect((await kubectl(['apply', '--validate=false', '-f', file])).stdout).toContain('configmap/settings created');
    writeFileSync(file, CONFIG_MAP('two'));
    h.cluster.clearRequests();
    const diff = await kubectl(['diff', '-f', file]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('-  key: one');
    expect(diff.stdout).toContain('+  key: two');
    expect(h.cluster.mutatingRequests()).toEqual([]);
    expect(h.cluster.requests().some((r) => r.method === 'PATCH' && r.dryRun && r.status === 200)).toBe(true);
    expect((await kubectl(['patch', 'configmap', 'settings', '--type=merge', '-p', '{"data":{"key":"three"}}'])).stdout).toContain('patched');
    expect((await kubectl(['get', 'configmap', 'settings', '-o', 'jsonpath={.data.key}'])).stdout).toBe('three');
    expect((await kubectl(['create', '--validate=false', '-f', h.manifest('job.yaml', JOB)])).code).toBe(0);
    expect((await kubectl(['wait', '--for=condition=complete', 'job/ttl-job', '--timeout=15s'])).code).toBe(0);
    expect((await kubectl(['logs', 'job/ttl-job'])).stdout).toBe('job-ran\n');
    expect((await kubectl(['rollout', 'restart', 'deployment/cp-edge'])).code).toBe(0);
    expect((await kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=15s'])).stdout).toContain('successfully rolled out');
    expect((await kubectl(['auth', 'can-i', 'delete', 'secrets'])).stdout.trim()).toBe('no');
    expect((await kubectl(['auth', 'can-i', 'create', 'pods/exec'])).stdout.trim()).toBe('yes');
    expect((await kubectl(['delete', 'configmap', 'settings'])).stdout).toContain('deleted');
  });

  test('discovery on 1.15 is plain, lists what we model with empty singular names, and serves PVCs and pods/exec', async () => {
    h = await startHarness({ profile: 'classic' });
    const core = await raw<{ resources: { name: string; singularName: string; kind: string; verbs: string[] }[] }>('/api/v1');
    const byName = new Map(core.resources.map((r) => [r.name, r]));
    expect(byName.get('persistentvolumeclaims')?.kind).toBe('PersistentVolumeClaim');
    expect(byName.get('pods/exec')).toMatchObject({ kind: 'PodExecOptions', verbs: ['create', 'get'] });
    expect(core.resources.every((r) => r.singularName === '')).toBe(true);
    const groups = await raw<{ groups: { name: string }[] }>('/apis');
    expect(groups.groups.map((g) => g.name)).toContain('coordination.k8s.io');
    const resources = await kubectl(['api-resources', '--no-headers', '-o', 'name']);
    expect(resources.stdout.split('\n')).toEqual(expect.arrayContaining(['persistentvolumeclaims', 'leases.coordination.k8s.io']));
  });

  test('classic: the Edge Deployment, node and Service are shaped like cp-edge-dpl.yaml and the node-port Service', async () => {
    h = await startHarness({ profile: 'classic' });
    const seeded = await h.cluster.seedEdge({ externalHost: '127.0.0.1', externalPort: 8443 });
    const dpl = await json<Deployment>(['get', 'deployment', 'cp-edge']);
    const labels = { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/role': 'EDGE', 'cloud-pipeline/region': 'eu-central-1' };
    expect(dpl.spec.selector.matchLabels).toEqual(labels);
    expect(dpl.spec.template.metadata.labels).toEqual({ ...labels, 'cloud-pipeline/core-component': 'Deployment' });
    const pod = dpl.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/region': 'eu-central-1' });
    expect(pod.tolerations).toEqual([{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }]);
    expect(pod.imagePullSecrets).toEqual([{ name: 'cp-distr-docker-registry-secret' }]);
    const [container] = pod.containers;
    expect([container.name, container.imagePullPolicy, container.command]).toEqual(['cp-edge', 'Always', ['/init']]);
    expect(container.livenessProbe).toBeDefined();
    expect(container.readinessProbe).toBeUndefined();
    expect(pod.volumes).toHaveLength(10);
    expect(pod.volumes.every((volume) => volume.hostPath !== undefined)).toBe(true);
    expect(container.volumeMounts).toContainEqual({ mountPath: '/etc/nginx/ext/external-apps', name: 'edge-external-apps', readOnly: true });
    const node = await json<{ metadata: { labels: Record<string, string> } }>(['get', 'node', 'cp-edge-node']);
    expect(node.metadata.labels).toMatchObject(labels);
    const service = await json<{ metadata: { labels: Record<string, string> }; spec: { type: string; selector: Record<string, string> } }>(['get', 'service', 'cp-edge']);
    expect(service.metadata.labels).toMatchObject({ ...labels, 'cloud-pipeline/external-host': '127.0.0.1', 'cloud-pipeline/external-port': '8443' });
    expect(service.spec).toMatchObject({ type: 'NodePort', selector: { 'cloud-pipeline/cp-edge': 'true', 'cloud-pipeline/region': 'eu-central-1' } });
    // sync-routes finds the Service by role and region (sync-routes.py:987-988).
    expect((await kubectl(['get', 'svc', '-l', 'cloud-pipeline/role=EDGE,cloud-pipeline/region=eu-central-1', '-o', 'name'])).stdout.trim()).toBe('service/cp-edge');
    expect(seeded.appsDir).toBe(join(h.cluster.nodeRoot(), 'opt/edge/external-apps'));
    expect(readFileSync(join(seeded.appsDir, 'other-app.conf'), 'utf8')).toContain('other-app.example.com');
  });

  test('additional region: cp-edge-<region>, external apps mounted read-write at /etc/nginx/external-apps', async () => {
    h = await startHarness({ profile: 'additional-region' });
    const seeded = await h.cluster.seedEdge();
    expect(seeded.deployment).toBe('cp-edge-eu-west-1');
    const dpl = await json<Deployment>(['get', 'deployment', 'cp-edge-eu-west-1']);
    const [container] = dpl.spec.template.spec.containers;
    expect(container.volumeMounts).toContainEqual({ mountPath: '/etc/nginx/external-apps', name: 'edge-external-apps' });
    expect(container.volumeMounts.some((mount) => mount.mountPath === '/etc/nginx/ext/external-locs')).toBe(false);
    const apps = h.cluster.workloadMounts(dpl as unknown as JsonObject).find((mount) => mount.volume === 'edge-external-apps');
    expect(apps).toMatchObject({ mountPath: '/etc/nginx/external-apps', readOnly: false, source: { hostPath: '/opt/edge/external-apps' }, local: seeded.appsDir });
    expect((await kubectl(['get', 'pods', '-l', 'cloud-pipeline/region=eu-west-1', '-o', 'jsonpath={.items[*].status.phase}'])).stdout).toBe('Running');
  });

  test('aws-native: the Edge mounts cp-system-pvc with subPaths; a Job mounting the claim writes into the same folder', async () => {
    h = await startHarness({ profile: 'aws-native' });
    const seeded = await h.cluster.seedEdge();
    const pvc = await json<{ status: { phase: string } }>(['get', 'pvc', 'cp-system-pvc']);
    expect(pvc.status.phase).toBe('Bound');
    const dpl = await json<Deployment>(['get', 'deployment', 'cp-edge']);
    expect(dpl.spec.template.spec.volumes).toEqual([{ name: 'cp-system', persistentVolumeClaim: { claimName: 'cp-system-pvc' } }]);
    const mounts = h.cluster.workloadMounts(dpl);
    expect(mounts).toHaveLength(9);
    const apps = mounts.find((mount) => mount.mountPath === '/etc/nginx/ext/external-apps');
    expect(apps).toEqual({
      volume: 'cp-system',
      mountPath: '/etc/nginx/ext/external-apps',
      subPath: 'edge/external-apps',
      readOnly: true,
      local: join(h.cluster.pvcRoot('default', 'cp-system-pvc'), 'edge/external-apps'),
      source: { persistentVolumeClaim: 'cp-system-pvc' },
    });
    expect(seeded.appsDir).toBe(apps?.local);
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: installer}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: installer
        image: busybox
        command: [sh, -c, "echo 'server {}' > /target/launcher.srv.conf"]
        volumeMounts: [{name: system, mountPath: /target, subPath: edge/external-apps}]
      volumes: [{name: system, persistentVolumeClaim: {claimName: cp-system-pvc}}]
`;
    expect((await kubectl(['create', '--validate=false', '-f', h.manifest('job.yaml', job)])).code).toBe(0);
    expect((await kubectl(['wait', '--for=condition=complete', 'job/installer', '--timeout=15s'])).code).toBe(0);
    expect(readFileSync(join(seeded.appsDir, 'launcher.srv.conf'), 'utf8')).toBe('server {}\n');
  });

  test('the Edge pod is a Ready Pod object from the start, listed by label, and replaced on a rollout', async () => {
    h = await startHarness({ profile: 'current' });
    await h.cluster.seedEdge();
    const list = async () => json<{ items: { metadata: { name: string; labels: Record<string, string> }; spec: { nodeName: string }; status: { phase: string; containerStatuses: { name: string; ready: boolean }[] } }[] }>(['get', 'pods', '-l', 'cloud-pipeline/cp-edge=true']);
    const [first] = (await list()).items;
    expect(first.spec.nodeName).toBe('cp-edge-node');
    expect(first.status.phase).toBe('Running');
    expect(first.status.containerStatuses).toEqual([expect.objectContaining({ name: 'cp-edge', ready: true })]);
    expect(first.metadata.labels['cloud-pipeline/role']).toBe('EDGE');
    await kubectl(['rollout', 'restart', 'deployment/cp-edge']);
    await kubectl(['rollout', 'status', 'deployment/cp-edge', '--timeout=15s']);
    const after = (await list()).items;
    expect(after).toHaveLength(1);
    expect(after[0].metadata.name).not.toBe(first.metadata.name);
  });

  test('an unknown profile is refused naming it', async () => {
    await expect(startHarness({ profile: 'k3s' as ClusterProfile })).rejects.toThrow("unknown cluster profile 'k3s'");
    h = await startHarness();
  });
});
