import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import { execRunner } from '../../../src/tools/exec.js';
import { Kubectl } from '../../../src/tools/kubectl.js';
import { describeWith } from '../../helpers/services.js';
import { startHarness, type Harness } from './kubectl-harness.js';

const CONFIG_MAP = (data: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: launcher-settings
  labels: {app: launcher, tier: web}
data:
${data}
`;

describeWith(['kubectl', 'openssl'])('kubectl against the Kubernetes API stand-in: objects', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const data = async (name = 'launcher-settings'): Promise<Record<string, string>> => {
    const result = await h.kubectl(['get', 'configmap', name, '-o', 'json']);
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as { data: Record<string, string> }).data;
  };

  test('Kubectl.getEach reads several named objects in one kubectl call, a missing one left out', async () => {
    await h.kubectl(['apply', '--validate=false', '-f', h.manifest('cm.yaml', CONFIG_MAP('  a: "1"'))]);
    const kubectl = new Kubectl('kubectl', { kubeconfig: h.kubeconfig, namespace: 'default' }, (command, args, options) => execRunner(command, args, { ...options, echo: false }));
    h.cluster.clearRequests();
    const both = await kubectl.getEach([
      { kind: 'configmap', name: 'launcher-settings' },
      { kind: 'secret', name: 'no-such-secret' },
    ]);
    expect([...both.keys()]).toEqual(['configmap/launcher-settings']);
    expect(both.get('configmap/launcher-settings')).toMatchObject({ data: { a: '1' } });
    // Discovery aside (no cache folder here), the objects are read in this one process.
    expect(h.cluster.requests().filter((request) => request.path.includes('/namespaces/')).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/namespaces/default/configmaps/launcher-settings',
      'GET /api/v1/namespaces/default/secrets/no-such-secret',
    ]);
    const one = await kubectl.getEach([{ kind: 'configmap', name: 'launcher-settings' }]);
    expect([...one.keys()]).toEqual(['configmap/launcher-settings']);
    expect((await kubectl.getEach([{ kind: 'secret', name: 'no-such-secret' }])).size).toBe(0);
  });

  test('apply creates, re-apply patches (strategic merge), the request log shows it', async () => {
    const file = h.manifest('cm.yaml', CONFIG_MAP('  a: "1"\n  b: "2"'));
    expect((await h.kubectl(['apply', '--validate=false', '-f', file])).stdout).toContain('configmap/launcher-settings created');
    writeFileSync(file, CONFIG_MAP('  a: "1"\n  c: "3"'));
    expect((await h.kubectl(['apply', '--validate=false', '-f', file])).stdout).toContain('configured');
    expect(await data()).toEqual({ a: '1', c: '3' });
    const mutating = h.cluster.mutatingRequests();
    expect(mutating.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(mutating[1].contentType).toBe('application/strategic-merge-patch+json');
    h.cluster.clearRequests();
    expect((await h.kubectl(['apply', '--validate=false', '-f', file])).stdout).toContain('unchanged');
    expect(h.cluster.mutatingRequests()).toHaveLength(0);
  });

  test('server-side apply creates, merges, drops fields it no longer applies; a dry run changes nothing', async () => {
    const file = h.manifest('cm.yaml', CONFIG_MAP('  a: "1"\n  b: "2"'));
    const first = await h.kubectl(['apply', '--server-side', '--validate=false', '-f', file]);
    expect(first.stdout).toContain('serverside-applied');
    writeFileSync(file, CONFIG_MAP('  a: "1"\n  c: "3"'));
    await h.kubectl(['apply', '--server-side', '--validate=false', '-f', file]);
    expect(await data()).toEqual({ a: '1', c: '3' });
    const live = JSON.parse((await h.kubectl(['get', 'cm', 'launcher-settings', '-o', 'json', '--show-managed-fields'])).stdout) as { metadata: { managedFields: { manager: string; operation: string }[] } };
    expect(live.metadata.managedFields).toContainEqual(expect.objectContaining({ manager: 'kubectl', operation: 'Apply' }));

    writeFileSync(file, CONFIG_MAP('  z: "26"'));
    h.cluster.clearRequests();
    const dry = await h.kubectl(['apply', '--server-side', '--dry-run=server', '--validate=false', '-f', file, '-o', 'json']);
    expect((JSON.parse(dry.stdout) as { data: unknown }).data).toEqual({ z: '26' });
    expect(await data()).toEqual({ a: '1', c: '3' });
    expect(h.cluster.requests().some((r) => r.method === 'PATCH' && r.dryRun)).toBe(true);
    expect(h.cluster.mutatingRequests()).toHaveLength(0);
  });

  test('apply --dry-run=server creates nothing', async () => {
    const file = h.manifest('cm.yaml', CONFIG_MAP('  a: "1"'));
    const result = await h.kubectl(['apply', '--dry-run=server', '--validate=false', '-f', file]);
    expect(result.stdout).toContain('created (server dry run)');
    const get = await h.kubectl(['get', 'cm', 'launcher-settings']);
    expect(get.stderr).toContain('configmaps "launcher-settings" not found');
    expect(h.cluster.mutatingRequests()).toHaveLength(0);
  });

  test('a ConfigMap too large for client-side apply (its annotation) is a 422; server-side apply takes it', async () => {
    const file = h.manifest('big.yaml', CONFIG_MAP(`  big: "${'x'.repeat(300 * 1024)}"`));
    const client = await h.kubectl(['apply', '--validate=false', '-f', file]);
    expect(client.code).not.toBe(0);
    expect(client.stderr).toContain('metadata.annotations: Too long: must have at most 262144 bytes');
    const server = await h.kubectl(['apply', '--server-side', '--validate=false', '-f', file]);
    expect(server.stdout).toContain('serverside-applied');
  });

  test('label selectors (=, !=, in, notin, exists, !exists) and field selectors', async () => {
    for (const [name, labels] of [['one', 'app: launcher, tier: web'], ['two', 'app: launcher, tier: api'], ['three', 'app: other']]) {
      const file = h.manifest(`${name}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {${labels}}}\n`);
      expect((await h.kubectl(['apply', '--validate=false', '-f', file])).code).toBe(0);
    }
    const names = async (...args: string[]): Promise<string> => (await h.kubectl(['get', 'cm', ...args, '-o', 'jsonpath={.items[*].metadata.name}'])).stdout;
    expect(await names('-l', 'app=launcher')).toBe('one two');
    expect(await names('-l', 'app==launcher,tier!=web')).toBe('two');
    expect(await names('-l', 'tier in (web,api)')).toBe('one two');
    expect(await names('-l', 'tier notin (web),app')).toBe('three two');
    expect(await names('-l', '!tier')).toContain('three');
    expect(await names('--field-selector', 'metadata.name=two')).toBe('two');
    expect(await names('--field-selector', 'metadata.namespace!=default')).toBe('');
  });

  test('patch: merge, strategic (containers merged by name), json; delete', async () => {
    h.cluster.api.create(resourceOfKind('Deployment'), 'default', {
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } },
    });
    await h.cluster.idle();
    const strategic = await h.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b:2"}]}}}}']);
    expect(strategic.stdout).toContain('deployment.apps/web patched');
    const merge = await h.kubectl(['patch', 'deployment', 'web', '--type=merge', '-p', '{"metadata":{"annotations":{"x":"y"}}}']);
    expect(merge.code).toBe(0);
    const json = await h.kubectl(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]']);
    expect(json.code).toBe(0);
    const live = JSON.parse((await h.kubectl(['get', 'deploy', 'web', '-o', 'json'])).stdout) as {
      metadata: { annotations: Record<string, string>; generation: number };
      spec: { replicas: number; template: { spec: { containers: { name: string; image: string }[] } } };
    };
    expect(live.spec.template.spec.containers).toEqual([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }]);
    expect(live.metadata.annotations.x).toBe('y');
    expect(live.spec.replicas).toBe(2);
    expect(live.metadata.generation).toBe(3);
    expect((await h.kubectl(['delete', 'deployment', 'web'])).stdout).toContain('deployment.apps "web" deleted');
    expect((await h.kubectl(['get', 'deployment', 'web'])).stderr).toContain('deployments.apps "web" not found');
  });

  test('a Lease serializes writers: an update from a stale resourceVersion is a 409 Conflict', async () => {
    const lease = (holder: string, version = ''): string => `apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: quick-launcher-deploy${version ? `, resourceVersion: "${version}"` : ''}}
spec: {holderIdentity: ${holder}, leaseDurationSeconds: 60}
`;
    expect((await h.kubectl(['create', '--validate=false', '-f', '-'], { input: lease('first') })).stdout).toContain('lease.coordination.k8s.io/quick-launcher-deploy created');
    const again = await h.kubectl(['create', '--validate=false', '-f', '-'], { input: lease('second') });
    expect(again.stderr).toContain('Error from server (AlreadyExists): error when creating "STDIN": leases.coordination.k8s.io "quick-launcher-deploy" already exists');
    const version = (await h.kubectl(['get', 'lease', 'quick-launcher-deploy', '-o', 'jsonpath={.metadata.resourceVersion}'])).stdout;
    expect((await h.kubectl(['replace', '--validate=false', '-f', '-'], { input: lease('second', version) })).code).toBe(0);
    const stale = await h.kubectl(['replace', '--validate=false', '-f', '-'], { input: lease('third', version) });
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain('Operation cannot be fulfilled on leases.coordination.k8s.io "quick-launcher-deploy": the object has been modified; please apply your changes to the latest version and try again');
    expect((await h.kubectl(['get', 'lease', 'quick-launcher-deploy', '-o', 'jsonpath={.spec.holderIdentity}'])).stdout).toBe('second');
  });

  test('a denied verb is a 403 worded as kube-apiserver words it; reads still work', async () => {
    const file = h.manifest('cm.yaml', CONFIG_MAP('  a: "1"'));
    await h.kubectl(['apply', '--validate=false', '-f', file]);
    h.cluster.setDenyRules([{ verb: 'patch', resource: 'configmaps' }]);
    const denied = await h.kubectl(['patch', 'cm', 'launcher-settings', '--type=merge', '-p', '{"data":{"a":"2"}}']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      `Error from server (Forbidden): configmaps "launcher-settings" is forbidden: User "${h.cluster.user}" cannot patch resource "configmaps" in API group "" in the namespace "default"`,
    );
    expect(await data()).toEqual({ a: '1' });
    expect(h.cluster.requests().at(-1)?.status).toBe(200);
    const canPatch = await h.kubectl(['auth', 'can-i', 'patch', 'configmaps', '-n', 'default']);
    expect([canPatch.code, canPatch.stdout.trim()]).toEqual([1, 'no']);
    const canGet = await h.kubectl(['auth', 'can-i', 'get', 'configmaps/launcher-settings']);
    expect([canGet.code, canGet.stdout.trim()]).toEqual([0, 'yes']);
    expect(h.cluster.requests().filter((r) => r.path.endsWith('/selfsubjectaccessreviews')).map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(h.cluster.mutatingRequests().filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/namespaces/default/configmaps']);
  });

  test('a wrong token is a 401 and kubectl says it is not logged in', async () => {
    const bad = join(h.dir, 'bad-kubeconfig');
    writeFileSync(bad, h.cluster.kubeconfig.replace(h.cluster.token, 'wrong-token'));
    const result = await h.kubectl(['get', 'configmaps'], { kubeconfig: bad });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('You must be logged in to the server');
    expect(h.cluster.requests().some((r) => r.status === 401)).toBe(true);
  });
});
