import { expect, test } from '@jest/globals';
import { authorize, isDenied } from '../../../src/sandbox/kubernetes/rbac.js';
import { resourceOfKind } from '../../../src/sandbox/kubernetes/resources.js';
import { ApiError } from '../../../src/sandbox/kubernetes/status.js';

const user = 'system:serviceaccount:ci:deployer';

function denial(run: () => void): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.toStatus();
    throw error;
  }
  throw new Error('not denied');
}

test.each([
  [{ verb: 'patch', resource: resourceOfKind('ConfigMap'), namespace: 'default', name: 'x' }, 'configmaps "x" is forbidden: User "system:serviceaccount:ci:deployer" cannot patch resource "configmaps" in API group "" in the namespace "default"'],
  [{ verb: 'create', resource: resourceOfKind('Job'), namespace: 'default' }, 'jobs.batch is forbidden: User "system:serviceaccount:ci:deployer" cannot create resource "jobs" in API group "batch" in the namespace "default"'],
  [{ verb: 'list', resource: resourceOfKind('Node') }, 'nodes is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "nodes" in API group "" at the cluster scope'],
  [{ verb: 'get', resource: resourceOfKind('Pod'), subresource: 'log', namespace: 'edge', name: 'p' }, 'pods "p" is forbidden: User "system:serviceaccount:ci:deployer" cannot get resource "pods/log" in API group "" in the namespace "edge"'],
])('a denied request is worded as the RBAC authorizer words it (%#)', (attributes, message) => {
  const status = denial(() => authorize([{ verb: '*', resource: '*' }], { user, ...attributes }));
  expect(status).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message });
});

test('rules match on every field they give, and only then', () => {
  const rules = [{ verb: 'delete', resource: 'jobs', group: 'batch', namespace: 'default' }];
  expect(isDenied(rules, { verb: 'delete', resource: 'jobs', group: 'batch', namespace: 'default', name: 'x' })).toBe(true);
  expect(isDenied(rules, { verb: 'delete', resource: 'jobs', group: 'batch', namespace: 'other' })).toBe(false);
  expect(isDenied(rules, { verb: 'get', resource: 'jobs', group: 'batch', namespace: 'default' })).toBe(false);
  expect(() => authorize(rules, { user, verb: 'create', resource: resourceOfKind('Job'), namespace: 'default' })).not.toThrow();
});
