import { describe, expect, it } from '@jest/globals';
import type { EdgeFacts } from '../../../src/actions/deploy-quick-launcher/edge.js';
import type { ClusterFacts } from '../../../src/actions/deploy-quick-launcher/observe.js';
import { minorOf, planRollout, skewWarning } from '../../../src/actions/deploy-quick-launcher/plan.js';

const DIGEST = 'sha256:new';

function facts(overrides: { edge?: Partial<EdgeFacts>; pods?: ClusterFacts['pods']; canExec?: boolean; clientVersion?: string; serverVersion?: string } = {}): ClusterFacts {
  const edge: EdgeFacts = {
    name: 'cp-edge',
    digest: 'sha256:old',
    image: 'edge:1',
    container: 'cp-edge',
    tolerations: [],
    imagePullSecrets: [],
    selector: { 'cloud-pipeline/cp-edge': 'true' },
    volumes: { layout: 'copy', mountPath: '/etc/nginx/ext/external-apps', apps: { kind: 'hostPath', path: '/opt/edge/external-apps' } },
    ...overrides.edge,
  };
  return {
    edge,
    pods: overrides.pods ?? [{ name: 'cp-edge-a', nodeName: 'node-1' }],
    canExec: overrides.canExec ?? true,
    clientVersion: overrides.clientVersion ?? 'v1.32.2',
    serverVersion: overrides.serverVersion ?? 'v1.33.1',
  };
}

const direct = { layout: 'direct', mountPath: '/etc/nginx/external-apps', apps: { kind: 'hostPath', path: '/opt/edge/external-apps' } } as const;
const pvc = { layout: 'copy', mountPath: '/etc/nginx/ext/external-apps', apps: { kind: 'pvc', claimName: 'cp-system-pvc', subPath: 'edge/external-apps' } } as const;

describe('planRollout (pure)', () => {
  it.each([
    ['the digest is live: nothing to do', facts({ edge: { digest: DIGEST } }), { noop: true, pods: [] }],
    ['copy layout, exec granted: copy into the container and reload', facts(), { noop: false, switch: 'reload', keepRoutes: false, node: 'node-1', pods: ['cp-edge-a'], layout: 'copy' }],
    ['direct layout, exec granted: the installer keeps the routes, the Edge only reloads', facts({ edge: { volumes: direct } }), { switch: 'reload', keepRoutes: true, layout: 'direct' }],
    ['exec denied: restart, routes never carried', facts({ canExec: false, edge: { volumes: direct } }), { switch: 'restart', keepRoutes: false, reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place' }],
    ['no running Edge pod: restart, the node selector places the installer', facts({ pods: [] }), { switch: 'restart', reason: 'no running Edge pod to reload', pods: [], node: undefined as string | undefined }],
    ['AWS-native PVC: still on the Edge pod\'s node, reloaded', facts({ edge: { volumes: pvc }, pods: [{ name: 'cp-edge-b', nodeName: 'ip-10-0-0-5' }] }), { switch: 'reload', node: 'ip-10-0-0-5' }],
    ['two Edge pods: both reloaded', facts({ pods: [{ name: 'cp-edge-a', nodeName: 'node-1' }, { name: 'cp-edge-b', nodeName: 'node-1' }] }), { pods: ['cp-edge-a', 'cp-edge-b'], warnings: [] }],
  ])('%s', (_name, input, expected) => {
    const plan = planRollout(input, DIGEST);
    const { node, ...rest } = expected as { node?: string };
    expect(plan).toMatchObject(rest);
    if ('node' in expected) expect(plan.node).toBe(node);
  });

  it('says which pods it reloads and why, for the log and the summary', () => {
    expect(planRollout(facts({ pods: [{ name: 'a', nodeName: 'n' }, { name: 'b', nodeName: 'n' }] }), DIGEST).reason).toBe(
      'pods/exec is granted: the files are copied into 2 running Edge container(s) and nginx reloaded, no restart',
    );
    expect(planRollout(facts({ edge: { volumes: direct } }), DIGEST).reason).toBe('pods/exec is granted: the Edge reads the host folder directly, nginx is tested and reloaded in 1 container(s), no restart');
  });

  it('warns when Edge pods on several nodes each have their own host folder', () => {
    const plan = planRollout(facts({ pods: [{ name: 'a', nodeName: 'n1' }, { name: 'b', nodeName: 'n2' }] }), DIGEST);
    expect(plan.warnings).toEqual(['the Edge runs on 2 nodes (n1, n2) with a hostPath folder each; the installer writes the one on n1']);
  });

  it('warns about a kubectl outside the supported skew, naming kubectl-version', () => {
    expect(planRollout(facts({ serverVersion: 'v1.15.4' }), DIGEST).warnings).toEqual([
      "kubectl v1.32.2 is 17 minor versions from the server's v1.15.4 (supported: ±1); set 'kubectl-version' to v1.15.x",
    ]);
  });
});

describe('version skew', () => {
  it.each([
    ['v1.15.4', 15],
    ['v1.29.10-eks-7f9249a', 29],
    ['1.33.1', 33],
    ['', undefined],
    ['v2.0.0', undefined],
  ])('minorOf(%p) = %p', (version, minor) => {
    expect(minorOf(version)).toBe(minor);
  });

  it.each([
    ['v1.16.0', 'v1.15.4', false],
    ['v1.14.0', 'v1.15.4', false],
    ['v1.17.0', 'v1.15.4', true],
    ['v1.32.2', 'v1.33.1', false],
    ['v1.32.2', 'v1.29.10-eks-7f9249a', true],
    [undefined, 'v1.15.4', false],
  ])('kubectl %p against %p warns: %p', (client, server, warns) => {
    expect(skewWarning(client, server) !== undefined).toBe(warns);
  });
});
