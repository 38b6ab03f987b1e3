import { ConfigurationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Kubectl } from '../../tools/kubectl.js';

/** One RBAC permission the deploy uses (examples/rbac/quick-launcher-deployer.yaml grants exactly these). */
export interface Permission {
  verb: string;
  resource: string;
  group?: string;
  name?: string;
  subresource?: string;
}

/** Everything the Edge rollout does in its namespace, as the Role in examples/rbac grants it. */
export function requiredPermissions(edgeDeployment: string): Permission[] {
  const each = (verbs: string[], permission: Omit<Permission, 'verb'>): Permission[] => verbs.map((verb) => ({ verb, ...permission }));
  return [
    ...each(['get', 'patch'], { resource: 'deployments', group: 'apps', name: edgeDeployment }),
    ...each(['list', 'watch'], { resource: 'deployments', group: 'apps' }),
    ...each(['list'], { resource: 'replicasets', group: 'apps' }),
    ...each(['get', 'list', 'create', 'delete'], { resource: 'configmaps' }),
    ...each(['get', 'list', 'create', 'delete'], { resource: 'secrets' }),
    ...each(['list'], { resource: 'services' }),
    ...each(['get', 'list', 'create', 'delete'], { resource: 'jobs', group: 'batch' }),
    ...each(['get', 'list', 'delete'], { resource: 'pods' }),
    ...each(['get'], { resource: 'pods', subresource: 'log' }),
    ...each(['list'], { resource: 'events' }),
    ...each(['get', 'create', 'update', 'delete'], { resource: 'leases', group: 'coordination.k8s.io' }),
  ];
}

/**
 * Granted or not, the deploy works: `create pods/exec` selects the reload path (no Edge restart);
 * without it the Edge is restarted.
 */
export const EXEC_PERMISSION: Permission = { verb: 'create', resource: 'pods', subresource: 'exec' };
/** `get pods/exec`: the WebSocket exec of kubectl 1.30+ is a GET, which servers before 1.35 authorize as `get` (kubernetes/kubernetes#134577). */
export const OPTIONAL_PERMISSIONS: readonly Permission[] = [EXEC_PERMISSION, { verb: 'get', resource: 'pods', subresource: 'exec' }];

function describe(permission: Permission): string {
  const resource = `${permission.resource}${permission.subresource ? `/${permission.subresource}` : ''}${permission.group ? `.${permission.group}` : ''}`;
  return `${permission.verb} ${resource}${permission.name ? ` '${permission.name}'` : ''}`;
}

/**
 * Asks the API server (`kubectl auth can-i`) for every permission the rollout needs before
 * anything is changed, so that missing RBAC fails the step with the whole list and nothing
 * half-done, instead of at the first refused call.
 */
export async function checkPermissions(kubectl: Kubectl, edgeDeployment: string, namespace: string, logger: Logger): Promise<void> {
  const permissions = requiredPermissions(edgeDeployment);
  const answers = await Promise.all(permissions.map((permission) => kubectl.canI(permission)));
  const missing = permissions.filter((_permission, index) => !answers[index]);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `the kubeconfig's identity may not ${missing.map(describe).join(', ')} in namespace '${namespace}'. ` +
        'Grant it the Role in examples/rbac/quick-launcher-deployer.yaml (see docs/deploy-quick-launcher.md); nothing was changed.',
    );
  }
  logger.info(`RBAC: the ${permissions.length} permissions the rollout needs are granted in namespace '${namespace}'`);
}
