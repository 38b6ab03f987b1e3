import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { OPTIONAL_PERMISSIONS, requiredPermissions } from '../../../src/actions/deploy-quick-launcher/permissions.js';
import { describeWith } from '../../helpers/services.js';
import { allowed, attributesOf, roleRules } from './rbac-fixture.js';
import { RolloutFixture } from './rollout-fixture.js';

let fixture: RolloutFixture;
beforeAll(async () => {
  // The restart path (pods/exec denied); the optional pods/exec rule is the reload path's.
  fixture = await RolloutFixture.start({ exec: false });
});
afterAll(async () => fixture.stop());

describeWith(['kubectl'])('examples/rbac/quick-launcher-deployer.yaml', () => {
  it('grants exactly what the deploy checks with kubectl auth can-i before it changes anything', async () => {
    const granted = (await roleRules()).flatMap((rule) =>
      rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${verb} ${rule.apiGroups[0]}/${resource}${rule.resourceNames ? `/${rule.resourceNames.join(',')}` : ''}`)),
    );
    const checked = [...requiredPermissions('cp-edge'), ...OPTIONAL_PERMISSIONS].map(
      (permission) => `${permission.verb} ${permission.group ?? ''}/${permission.resource}${permission.subresource ? `/${permission.subresource}` : ''}${permission.name ? `/${permission.name}` : ''}`,
    );
    expect(checked.sort()).toEqual(granted.sort());
  });

  it('allows every request of a deploy, a no-op, a dry run and a rollback, and nothing unused', async () => {
    const rules = await roleRules();
    fixture.api.clearRequests();
    await fixture.deploy(fixture.payload('v1'));
    await fixture.deploy(fixture.payload('v1'));
    await fixture.deploy(fixture.payload('v2'), { dryRun: true });
    let rollouts = 0;
    fixture.api.setReadiness(() => ++rollouts > 1);
    // A short lease so that it is renewed while the rollout waits.
    const lease = { name: 'quick-launcher-deploy', holder: 'test-run-1', durationSeconds: 3, timeoutSeconds: 5, pollMs: 200 };
    await expect(fixture.deploy(fixture.payload('v2'), { rolloutTimeout: '4s', lease })).rejects.toThrow('Rolled back');
    await fixture.deploy(fixture.payload('v3'));
    // An installer pod that outlived its Job (a background delete on a real cluster) is deleted.
    await fixture.kubectl.execute(['delete', 'job', '--all', '--cascade=orphan', '--wait=true']);
    await fixture.kubectl.execute(['annotate', 'deployment/cp-edge', 'quick-launcher.cloud-pipeline/content-digest-']);
    await fixture.deploy(fixture.payload('v3'));
    const requests = fixture.api.requests();
    const resourceRequests = requests.map((request) => attributesOf(request.method, request.path, request.query)).filter((request) => request !== undefined);
    const denied = resourceRequests.filter((request) => request.namespace !== undefined && !allowed(rules, request));
    expect(denied).toEqual([]);
    // Cluster-scoped requests are outside a Role: kubectl works without the namespace read, and
    // every identity may ask what it may do (system:basic-user grants selfsubjectaccessreviews).
    const clusterScoped = resourceRequests.filter((request) => request.namespace === undefined);
    expect(clusterScoped.filter((request) => !(request.verb === 'get' && request.resource === 'namespaces') && !(request.verb === 'create' && request.resource === 'selfsubjectaccessreviews'))).toEqual([]);
    // Every rule is used: the Role grants no verb the deploy does not need (pods/exec: on the reload path).
    for (const rule of rules.filter((candidate) => !candidate.resources.includes('pods/exec'))) {
      for (const verb of rule.verbs) {
        const used = resourceRequests.some((request) => rule.apiGroups.includes(request.group) && rule.resources.includes(request.resource) && request.verb === verb);
        expect(`${rule.resources.join(',')} ${verb} ${used ? 'used' : 'unused'}`).toBe(`${rule.resources.join(',')} ${verb} used`);
      }
    }
  });
});
