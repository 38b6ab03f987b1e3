import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderInstaller } from '../../../src/actions/deploy-quick-launcher/installer.js';
import { ANNOTATION_DIGEST, leaseObject, listDocument, payloadObjects } from '../../../src/actions/deploy-quick-launcher/objects.js';
import { DeployLease, LeaseTimeoutError } from '../../../src/actions/deploy-quick-launcher/lease.js';
import { RolloutError, restartEdge } from '../../../src/actions/deploy-quick-launcher/rollout.js';
import { ConfigurationError, InputError } from '../../../src/lib/errors.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import { describeWith } from '../../helpers/services.js';
import { RolloutFixture, TOKEN } from './rollout-fixture.js';

const UNRELATED = 'other-app.conf';
let fixture: RolloutFixture;
beforeEach(async () => {
  // The restart path (exec denied): the reload path has its own tests.
  fixture = await RolloutFixture.start({ exec: false });
});
afterEach(async () => fixture.stop());

describeWith(['kubectl'])('Edge rollout with the real kubectl against the Kubernetes stand-in', () => {
  it('first deploy installs the files on the Edge node, leaves the other app alone, and annotates the digest', async () => {
    const unrelated = await readFile(join(fixture.hostDir, UNRELATED), 'utf8');
    const payload = fixture.payload('v1');
    const result = await fixture.deploy(payload);
    expect(result).toMatchObject({ changed: true, rolledBack: false, digest: payload.digest });
    const files = await fixture.hostFiles();
    expect(files[UNRELATED]).toBe(unrelated);
    expect(files['quick-launcher/www/index.html']).toBe('<html>v1</html>');
    expect(JSON.parse(files['quick-launcher/settings.json'])).toEqual({ 'app.example.test': { anonymousAccess: { token: TOKEN } } });
    expect(Object.keys(files).sort()).toEqual(['app.example.test.srv.conf', UNRELATED, 'quick-launcher/settings.json', 'quick-launcher/www/index.html']);
    expect(fixture.edgeAnnotations()[ANNOTATION_DIGEST]).toBe(payload.digest);
    // The anonymous token only ever sits in a Secret.
    expect(fixture.storedText('ConfigMap')).not.toContain(TOKEN);
    expect(fixture.storedText('ConfigMap')).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 12));
    expect(fixture.logger.text).not.toContain(TOKEN);
    expect(result.steps.map((step) => step.step)).toEqual(['edge', 'payload', 'installer', 'switch', 'rollout', 'annotate', 'cleanup']);
    expect(result.switch).toEqual({ path: 'restart', reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place' });
    expect(result.steps.find((step) => step.step === 'switch')?.result).toBe('restart: pods/exec is not granted, so the Edge cannot be reloaded in place');
  });

  it('a second deploy of the same content makes no mutating request', async () => {
    const payload = fixture.payload('v1');
    await fixture.deploy(payload);
    await fixture.api.idle();
    fixture.api.clearRequests();
    const result = await fixture.deploy(fixture.payload('v1'));
    expect(result.changed).toBe(false);
    expect(fixture.api.mutatingRequests()).toEqual([]);
    expect(fixture.api.requests().length).toBeGreaterThan(0);
  });

  it('a new version replaces the files and removes the older payload objects', async () => {
    await fixture.deploy(fixture.payload('v1', { 'quick-launcher/www/old.js': 'old' }));
    const second = fixture.payload('v2');
    const result = await fixture.deploy(second);
    expect(result.previousDigest).toBeDefined();
    const files = await fixture.hostFiles();
    expect(files['quick-launcher/www/index.html']).toBe('<html>v2</html>');
    expect(files['quick-launcher/www/old.js']).toBeUndefined();
    expect(result.steps.find((step) => step.step === 'cleanup')?.result).toMatch(/^removed \d+ older payload objects$/);
    expect(fixture.storedText('ConfigMap')).not.toContain(result.previousDigest?.slice(7, 19));
  });

  it('dry run only reads and returns the plan', async () => {
    fixture.api.clearRequests();
    const result = await fixture.deploy(fixture.payload('v1'), { dryRun: true });
    expect(result).toMatchObject({ changed: true, dryRun: true });
    expect(result.objects.some((name) => name.startsWith('Job/quick-launcher-install-'))).toBe(true);
    expect(result.changes?.map((change) => change.change)).toEqual(['create', 'create', 'create']);
    expect(result.switch?.path).toBe('restart');
    expect(result.diff).toContain('(Secret: data not shown)');
    expect(fixture.api.mutatingRequests()).toEqual([]);
    expect(await fixture.hostFiles()).toEqual({ [UNRELATED]: expect.any(String) as unknown });
    expect(result.diff ?? '').not.toContain(Buffer.from(JSON.stringify({ 'app.example.test': { anonymousAccess: { token: TOKEN } } })).toString('base64'));
  });

  it('an Edge that never becomes ready gets the previous files back and the step fails saying so', async () => {
    await fixture.deploy(fixture.payload('v1'));
    const before = await fixture.hostFiles();
    const v1 = fixture.edgeAnnotations()[ANNOTATION_DIGEST];
    let rollouts = 0;
    fixture.api.setReadiness(() => ++rollouts > 1);
    const error = await fixture.deploy(fixture.payload('v2'), { rolloutTimeout: '4s' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RolloutError);
    const rollout = error as RolloutError;
    expect(rollout.result.rolledBack).toBe(true);
    expect(rollout.message).toContain(`Rolled back: restored the previous files (content ${v1}) and restarted the Edge`);
    expect(rollout.message).toContain('not ready within 4s');
    expect(await fixture.hostFiles()).toEqual(before);
    expect(fixture.edgeAnnotations()[ANNOTATION_DIGEST]).toBe(v1);
  });

  it('a deploy waits for the lease held by another and times out clearly, changing nothing', async () => {
    const other = await DeployLease.acquire(fixture.otherKubectl(), { name: 'quick-launcher-deploy', namespace: 'default', holder: 'other-run', durationSeconds: 60, timeoutSeconds: 5 }, new MemoryLogger());
    try {
      const error = await fixture.deploy(fixture.payload('v1'), { lease: { name: 'quick-launcher-deploy', holder: 'test-run-1', durationSeconds: 30, timeoutSeconds: 1, pollMs: 200 } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LeaseTimeoutError);
      expect((error as Error).message).toMatch(/^another deploy holds lease default\/quick-launcher-deploy \(holder: other-run, renewed .*\); gave up after lock-timeout 1s/);
      expect(Object.keys(await fixture.hostFiles())).toEqual([UNRELATED]);
    } finally {
      await other.release();
    }
  });

  it('a deploy killed half-way is converged by the next one: expired lease taken over, leftovers reused', async () => {
    const payload = fixture.payload('v1');
    // What a killed run leaves: its lease (never renewed again) and the payload objects applied.
    const renewed = new Date(Date.now() - 60_000);
    await fixture.kubectl.create(JSON.stringify(leaseObject({ name: 'quick-launcher-deploy', namespace: 'default', holder: 'killed-run', durationSeconds: 30, now: renewed })));
    const objects = payloadObjects(payload, { namespace: 'default', prefix: 'quick-launcher', script: renderInstaller().text });
    await fixture.kubectl.create(listDocument(objects.slice(0, 1)));
    const result = await fixture.deploy(payload);
    expect(result.changed).toBe(true);
    expect(fixture.logger.text).toContain('Took over lease default/quick-launcher-deploy (expired holder killed-run)');
    expect((await fixture.hostFiles())['quick-launcher/www/index.html']).toBe('<html>v1</html>');
    expect(result.steps.find((step) => step.step === 'payload')?.result).toMatch(/^3 objects \(.*\), 2 created$/);
    expect(fixture.storedText('Lease')).toBe('[]');
  });

  it("an old installer pod that outlived its Job is deleted and gone before the next installer starts", async () => {
    const payload = fixture.payload('v1');
    await fixture.deploy(payload);
    const installers = (): string[] =>
      fixture.api.api.store
        .list(resourceOfKind('Pod'), 'default')
        .map((pod) => String((pod.metadata as { name?: string }).name))
        .filter((name) => name.startsWith('quick-launcher-install-'));
    const [old] = installers();
    expect(old).toBeDefined();
    // What a background delete leaves on a real cluster for a while: the pod without its Job.
    await fixture.kubectl.execute(['delete', 'job', '--all', '--cascade=orphan', '--wait=true']);
    await fixture.kubectl.execute(['annotate', 'deployment/cp-edge', `${ANNOTATION_DIGEST}-`]);
    const result = await fixture.deploy(payload);
    expect(result.changed).toBe(true);
    expect(installers()).not.toContain(old);
    expect(fixture.api.requests().some((request) => request.method === 'DELETE' && request.path.endsWith(`/pods/${old}`))).toBe(true);
  });

  it('a lease lost before the switch aborts: no restart, no annotation, the error says what was left', async () => {
    // Another deploy takes the lease while the installer Job runs.
    const unsubscribe = fixture.api.api.store.subscribe((event) => {
      if (event.type !== 'ADDED' || event.resource.kind !== 'Job') return;
      fixture.api.api.mutate(resourceOfKind('Lease'), 'default', 'quick-launcher-deploy', (lease) => {
        (lease.spec as { holderIdentity: string }).holderIdentity = 'other-run';
      });
    });
    const restartedAt = (): unknown => (fixture.api.api.store.get(resourceOfKind('Deployment'), 'default', 'cp-edge') as { spec: { template: { metadata?: { annotations?: Record<string, string> } } } }).spec.template.metadata?.annotations;
    const before = restartedAt();
    try {
      const error = await fixture.deploy(fixture.payload('v1')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RolloutError);
      expect((error as Error).message).toBe(
        'lost the deploy lease to other-run before the switch: the Edge was neither reloaded nor restarted (the files placed on the node go live only with the next deploy or Edge restart)',
      );
      expect((error as RolloutError).result).toMatchObject({ changed: false, rolledBack: false });
    } finally {
      unsubscribe();
    }
    expect(restartedAt()).toEqual(before);
    expect(fixture.edgeAnnotations()[ANNOTATION_DIGEST]).toBeUndefined();
    // Not ours any more: the lease is left to its holder.
    expect(fixture.storedText('Lease')).toContain('other-run');
  });

  it('two deploys at once serialize on the lease: the second finds the content live', async () => {
    const payload = fixture.payload('v1');
    const [first, second] = await Promise.all([
      fixture.deploy(payload),
      fixture.deploy(payload, { lease: { name: 'quick-launcher-deploy', holder: 'test-run-2', durationSeconds: 30, timeoutSeconds: 60, pollMs: 200 } }, fixture.otherKubectl()),
    ]);
    // Without the lease both would install and restart; with it the second finds the content live.
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    expect(fixture.edgeAnnotations()[ANNOTATION_DIGEST]).toBe(payload.digest);
  });

  it('a 403 from RBAC is a clear error naming the verb, with the lease released and the node unchanged', async () => {
    fixture.api.setDenyRules([{ verb: 'create', resource: 'jobs' }]);
    const error = await fixture.deploy(fixture.payload('v1')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^the cluster refused 'kubectl create': jobs.batch is forbidden: User ".*" cannot create resource "jobs" in API group "batch"/);
    expect((error as Error).message).toContain('examples/rbac/quick-launcher-deployer.yaml');
    expect(Object.keys(await fixture.hostFiles())).toEqual([UNRELATED]);
    expect(fixture.storedText('Lease')).toBe('[]');
  });

  it('two restarts within one second both happen (kubectl stamps restarts in whole seconds)', async () => {
    const stamp = (): string | undefined =>
      (fixture.api.api.store.get(resourceOfKind('Deployment'), 'default', 'cp-edge') as { spec: { template: { metadata?: { annotations?: Record<string, string> } } } }).spec.template.metadata?.annotations?.[
        'kubectl.kubernetes.io/restartedAt'
      ];
    await restartEdge(fixture.kubectl, 'cp-edge');
    const first = stamp();
    await restartEdge(fixture.kubectl, 'cp-edge');
    expect(stamp()).not.toBe(first);
  });

  it('with no running Edge pod to name a node, a node selector that matches no node names the input, and the pending Job is removed', async () => {
    for (const pod of fixture.api.api.store.list(resourceOfKind('Pod'), 'default')) {
      const name = String((pod.metadata as { name?: string }).name);
      if (name.startsWith('cp-edge-')) fixture.api.api.store.remove(resourceOfKind('Pod'), 'default', name);
    }
    const error = await fixture.deploy(fixture.payload('v1'), { nodeSelector: { 'cloud-pipeline/cp-edge': 'elsewhere' }, unschedulableSeconds: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      "Input 'edge-node-selector': no node matches 'cloud-pipeline/cp-edge=elsewhere': the installer Job was never scheduled and was removed; nothing was changed on any node",
    );
    expect(fixture.storedText('Job')).toBe('[]');
    expect(fixture.storedText('Lease')).toBe('[]');
    expect(Object.keys(await fixture.hostFiles())).toEqual([UNRELATED]);
  });

  it('a missing Edge deployment names the input', async () => {
    fixture.api.clearRequests();
    await expect(fixture.deploy(fixture.payload('v1'), { deployment: 'no-such-edge' })).rejects.toThrow(
      new InputError('edge-deployment', "deployment 'no-such-edge' was not found in namespace 'default' (check 'namespace' and 'context')"),
    );
    expect(fixture.api.mutatingRequests()).toEqual([]);
  });
});

describeWith(['kubectl'])('Edge rollout next to an unmanaged external app of the same file name', () => {
  it('a launcher host whose server block another app already has fails naming the host and the file; the Edge keeps its files', async () => {
    const theirs = 'server { listen 127.0.0.1:18182; server_name app.example.test; root /srv/theirs; }\n';
    await writeFile(join(fixture.hostDir, 'app.example.test.srv.conf'), theirs);
    const before = await fixture.hostFiles();
    const error = await fixture.deploy(fixture.payload('v1')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RolloutError);
    expect((error as Error).message).toContain('a launcher file would replace a file of another external app (nothing was changed)');
    expect((error as Error).message).toContain('launcher host app.example.test:');
    expect((error as Error).message).toContain('app.example.test.srv.conf already exists and was not installed by quick-launcher');
    expect(await fixture.hostFiles()).toEqual(before);
    expect((await fixture.hostFiles())['app.example.test.srv.conf']).toBe(theirs);
  });
});

describeWith(['kubectl', 'nginx'])('Edge rollout with nginx in the installer image', () => {
  it('a server block nginx rejects fails the installer before the swap', async () => {
    await fixture.deploy(fixture.payload('v1'));
    const before = await fixture.hostFiles();
    const bad = fixture.payload('v2', { 'broken.example.test.srv.conf': 'server { locaton / {} }\n' });
    const error = await fixture.deploy(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RolloutError);
    expect((error as RolloutError).result.rolledBack).toBe(false);
    expect((error as Error).message).toContain('nginx -t rejected the new server blocks (nothing was changed)');
    expect((error as Error).message).toContain('unknown directive "locaton" in external-apps/broken.example.test.srv.conf:1');
    expect(await fixture.hostFiles()).toEqual(before);
  });
});

describeWith(['kubectl'])('Edge rollout on a classic v1.15.4 cluster (no server-side apply, no Job TTL)', () => {
  let classic: RolloutFixture;
  beforeEach(async () => {
    classic = await RolloutFixture.start({ exec: false, profile: 'classic' });
  });
  afterEach(async () => classic.stop());

  it('first deploy, dry run and no-op work with create and patches only', async () => {
    const payload = classic.payload('v1');
    const plan = await classic.deploy(payload, { dryRun: true });
    expect(plan.changes?.map((change) => change.change)).toEqual(['create', 'create', 'create']);
    const result = await classic.deploy(payload);
    expect(result).toMatchObject({ changed: true, rolledBack: false });
    expect((await classic.hostFiles())['quick-launcher/www/index.html']).toBe('<html>v1</html>');
    expect(classic.api.requests().filter((request) => request.contentType === 'application/apply-patch+yaml')).toEqual([]);
    await classic.api.idle();
    classic.api.clearRequests();
    expect((await classic.deploy(classic.payload('v1'))).changed).toBe(false);
    expect(classic.api.mutatingRequests()).toEqual([]);
  });

  it('a deploy killed half-way converges', async () => {
    const payload = classic.payload('v1');
    const objects = payloadObjects(payload, { namespace: 'default', prefix: 'quick-launcher', script: renderInstaller().text });
    await classic.kubectl.create(listDocument(objects.slice(0, 2)));
    await classic.kubectl.create(JSON.stringify(leaseObject({ name: 'quick-launcher-deploy', namespace: 'default', holder: 'killed-run', durationSeconds: 30, now: new Date(Date.now() - 60_000) })));
    const result = await classic.deploy(payload);
    expect(result.steps.find((step) => step.step === 'payload')?.result).toMatch(/, 1 created$/);
    expect((await classic.hostFiles())['quick-launcher/www/index.html']).toBe('<html>v1</html>');
  });
});
