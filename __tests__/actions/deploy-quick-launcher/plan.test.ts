import { describe, expect, it } from '@jest/globals';
import type { EdgeFacts } from '../../../src/actions/deploy-quick-launcher/edge.js';
import { getInputs } from '../../../src/actions/deploy-quick-launcher/inputs.js';
import type { ClusterFacts } from '../../../src/actions/deploy-quick-launcher/observe.js';
import type { PayloadIndex } from '../../../src/actions/deploy-quick-launcher/payload.js';
import {
  LEASE_NAME,
  OBJECT_PREFIX,
  anonymousUserOf,
  changingFiles,
  checksPermissions,
  chooseAnonymousToken,
  hostsOf,
  jwtClaims,
  minorOf,
  planRollout,
  planSettings,
  rolloutSettings,
  serviceUserOf,
  skewWarning,
  type PreflightFacts,
} from '../../../src/actions/deploy-quick-launcher/plan.js';
import type { SystemUser } from '../../../src/actions/deploy-quick-launcher/provision/parse-inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';

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

const NOW = new Date('2026-11-27T21:00:00Z');
const DAY = 24 * 3600;

function jwt(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS512' })}.${encode(claims)}.signature`;
}

const USERS: SystemUser[] = [
  { kind: 'service', name: 'APPS_OWNER', roles: [] },
  { kind: 'anonymous', name: 'anon', roles: [] },
];

describe('the system users the deploy names', () => {
  it.each([
    ['both given', USERS, 'APPS_OWNER', 'anon'],
    ['none given: upstream\'s service user, no anonymous user', [], 'SHINY_PORTAL', undefined],
  ])('%s', (_name, users, service, anonymous) => {
    expect(serviceUserOf(users)).toBe(service);
    expect(anonymousUserOf(users)).toBe(anonymous);
  });
});

describe('checksPermissions: RBAC is checked before provisioning exactly when a rollout comes', () => {
  const base: PreflightFacts = { dryRun: false, plannedDigest: 'sha256:new', liveDigest: 'sha256:old', placeholders: [], provisions: true };
  it.each<[string, Partial<PreflightFacts>, boolean]>([
    ['the payload differs from the live one', {}, true],
    ['a first deploy (nothing live)', { liveDigest: undefined }, true],
    ['the Edge serves this payload', { liveDigest: 'sha256:new' }, false],
    ['same payload, but a storage id will replace a placeholder the Edge still serves', { liveDigest: 'sha256:new', placeholders: ['apps.test'] }, true],
    ['same payload, the placeholder already resolved on the Edge', { liveDigest: 'sha256:new', placeholders: ['apps.test'], liveStorage: 7 }, false],
    ['same payload, a placeholder but no api-url to find a storage', { liveDigest: 'sha256:new', placeholders: ['apps.test'], provisions: false }, false],
    ['a dry run changes nothing, so checks nothing', { dryRun: true }, false],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(checksPermissions({ ...base, ...overrides })).toBe(expected);
  });
});

describe('anonymous token choice', () => {
  it('reads exp and sub from a JWT and nothing from other tokens', () => {
    expect(jwtClaims(jwt({ exp: 5, sub: 'U' }))).toEqual({ exp: 5, sub: 'U' });
    expect(jwtClaims('sandbox-user-abc')).toBeUndefined();
    expect(jwtClaims('a.!!!.c')).toBeUndefined();
  });

  it.each([
    ['no live token', undefined, 'fresh', 'fresh'],
    ['no fresh token (dry run)', 'live', undefined, 'live'],
    ['a live token that is not a JWT', 'sandbox-live', 'fresh', 'sandbox-live'],
    ['a live JWT valid for 30 days', jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'ANON' }), 'fresh', 'live-jwt'],
    ['a live JWT expiring in 2 days', jwt({ exp: NOW.getTime() / 1000 + 2 * DAY, sub: 'ANON' }), 'fresh', 'fresh'],
    ['a live JWT of another user', jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'OLD_ANON' }), 'fresh', 'fresh'],
  ])('%s', (_name, live, fresh, expected) => {
    const chosen = chooseAnonymousToken(live, fresh, { now: NOW, user: 'anon' });
    expect(chosen).toBe(expected === 'live-jwt' ? live : expected);
  });
});

describe('planSettings: what the launcher settings get', () => {
  const valid = jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'ANON' });
  const base = { systemUsers: USERS, now: NOW, placeholders: [] as string[], dryRun: false, provisions: true };
  it.each([
    ['the live token kept over a fresh one', { liveToken: valid, freshToken: 'fresh' }, { token: valid, keptLiveToken: true }],
    ['a live token of another user replaced', { liveToken: jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'OTHER' }), freshToken: 'fresh' }, { token: 'fresh', keptLiveToken: false }],
    ['no fresh token: the live one, not called kept', { liveToken: valid }, { token: valid, keptLiveToken: false }],
    ['no token at all', {}, { keptLiveToken: false }],
  ])('%s', (_name, tokens, expected) => {
    expect(planSettings({ ...base, ...tokens })).toEqual(expected);
  });

  it.each([
    ['a storage found', { storageId: 42 }, { hosts: ['apps.test'], storageId: 42, note: 'user_default_storage set to storage 42, the default storage of APPS_OWNER, for apps.test' }],
    ['a storage found, dry run', { storageId: 42, dryRun: true }, { hosts: ['apps.test'], storageId: 42, note: 'user_default_storage would be set to storage 42, the default storage of APPS_OWNER, for apps.test' }],
    ['a dry run that provisions the storage', { dryRun: true }, { hosts: ['apps.test'], note: 'user_default_storage would be set to the default storage APPS_OWNER gets in this run, for apps.test' }],
    [
      'no api-url: unresolved, saying how to fix it',
      { provisions: false },
      { hosts: ['apps.test'], note: "user_default_storage left unresolved for apps.test: APPS_OWNER has no default storage (give 'api-url' to provision it, or set appConfigStorage to a storage id); the app launcher lists no applications" },
    ],
    ['provisioned, still no storage', {}, { hosts: ['apps.test'], note: 'user_default_storage left unresolved for apps.test: APPS_OWNER has no default storage; the app launcher lists no applications' }],
  ])('the placeholder, %s', (_name, overrides, expected) => {
    expect(planSettings({ ...base, placeholders: ['apps.test'], ...overrides }).appConfigStorage).toEqual(expected);
  });

  it('has no storage line without a placeholder', () => {
    expect(planSettings({ ...base, storageId: 42 }).appConfigStorage).toBeUndefined();
  });
});

describe('hostsOf', () => {
  it.each([
    ['the app launcher first', { 'tools.test': { applicationsMode: 'docker' }, 'apps.test': { applicationsMode: 'folder' }, 'x.test': null }, ['apps.test', 'tools.test', 'x.test']],
    ['no settings', undefined, []],
  ])('%s', (_name, settings, hosts) => {
    expect(hostsOf(settings === undefined ? undefined : JSON.stringify(settings))).toEqual(hosts);
  });
});

describe('changingFiles', () => {
  const index = (sha: string): PayloadIndex => ({ schema: 1, hostPath: '/h', installer: 'sha256:i', files: [{ path: 'a.conf', sha256: sha, size: 3, secret: false, chunks: [] }] });
  it.each([
    ['the Edge serves this digest: nothing changes', { digest: 'd1', index: index('x') }, { digest: 'd1', index: index('y') }, []],
    ['another digest: the files that differ', { digest: 'd0', index: index('x') }, { digest: 'd1', index: index('y') }, [{ path: 'a.conf', change: 'changed', size: 3 }]],
    ['nothing live: every file added', {}, { digest: 'd1', index: index('y') }, [{ path: 'a.conf', change: 'added', size: 3 }]],
  ])('%s', (_name, live, payload, expected) => {
    expect(changingFiles(live, payload)).toEqual(expected);
  });
});

describe('rolloutSettings', () => {
  const inputs = (values: Record<string, string>) =>
    given(getInputs(new InputReader(inputsFrom({ kubeconfig: 'apiVersion: v1', distribution: '/d', 'edge-config': '/e', ...values })), {}));
  const run = { holder: 'run 7', liveEdge: facts().edge, keepBackups: 3 };

  it('carries the inputs and names the objects and the Lease', () => {
    expect(rolloutSettings(inputs({ namespace: 'cp', 'rollout-timeout': '10m', 'dry-run': 'true' }), { ...run, pollMs: 5 })).toEqual({
      namespace: 'cp',
      deployment: 'cp-edge',
      nodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
      hostPath: '/opt/edge/external-apps',
      rolloutTimeout: '600s',
      jobTimeoutSeconds: 600,
      keepBackups: 3,
      prefix: OBJECT_PREFIX,
      lease: { name: LEASE_NAME, holder: 'run 7', durationSeconds: 60, timeoutSeconds: 600, pollMs: 5 },
      dryRun: true,
      liveEdge: run.liveEdge,
      pollMs: 5,
    });
  });

  it.each([
    ['30s', 120],
    ['5m', 300],
  ])('gives the installer Job at least 2 minutes (rollout-timeout %s → %p s)', (timeout, seconds) => {
    expect(rolloutSettings(inputs({ 'rollout-timeout': timeout }), run).jobTimeoutSeconds).toBe(seconds);
  });

  it('passes an installer image only when given', () => {
    expect(rolloutSettings(inputs({}), run).installerImage).toBeUndefined();
    expect(rolloutSettings(inputs({ 'installer-image': 'alpine:3' }), run).installerImage).toBe('alpine:3');
  });
});
