import type { KubeApi } from './api.js';
import type { ExecHandler, ExecIO, ExecRequest } from './exec-handler.js';
import { objectAt, objectsAt, stringAt, type JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';
import { badRequest, notFound } from './status.js';

/** What a `pods/<name>/exec` request asks, decoded from its query (corev1.PodExecOptions). */
export interface ExecPlan {
  request: ExecRequest;
  stdout: boolean;
  stderr: boolean;
}

const flag = (query: URLSearchParams, name: string): boolean => ['true', '1'].includes(query.get(name) ?? '');

/**
 * Resolves an exec request as kube-apiserver's pod ExecREST does before it contacts the kubelet:
 * the pod must exist (404), the container must be one of the pod's (400, or the only one when
 * none is named), the pod must be bound to a node (400), and a command must be given.
 */
export function planExec(api: KubeApi, namespace: string, podName: string, query: URLSearchParams): ExecPlan {
  const pod = api.store.get(resourceOfKind('Pod'), namespace, podName);
  if (!pod) throw notFound(resourceOfKind('Pod'), podName);
  const containers = objectsAt(objectAt(pod.spec).containers).map((container) => String(container.name));
  let container = query.get('container') ?? '';
  if (container === '') {
    if (containers.length !== 1) {
      throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]`);
    }
    container = containers[0];
  } else if (!containers.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${podName}`);
  }
  if (!stringAt(objectAt(pod.spec).nodeName)) throw badRequest(`pod ${podName} does not have a host assigned`);
  const command = query.getAll('command');
  if (command.length === 0) throw badRequest('you must specify at least 1 command');
  // The kubelet finds no running container in a finished pod (wording approximated).
  const phase = stringAt(objectAt(pod.status).phase);
  if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`container not found ("${container}")`);
  return {
    request: { namespace, pod, container, command, stdin: flag(query, 'stdin'), tty: flag(query, 'tty') },
    stdout: flag(query, 'stdout'),
    stderr: flag(query, 'stderr'),
  };
}

/**
 * The status the kubelet writes on the error channel when the command ends: Success, or
 * Failure `NonZeroExitCode` with the code as the `ExitCode` cause (what kubectl exits with).
 * Encoded as the kubelet does (Go json.Marshal of metav1.Status: no kind/apiVersion).
 */
function exitStatus(exitCode: number): JsonObject {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: command terminated with exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** The status of a session that could not run the command (the kubelet's internal error). */
function internalErrorStatus(error: unknown): JsonObject {
  const message = error instanceof Error ? error.message : String(error);
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    details: { causes: [{ message }] },
    code: 500,
  };
}

/** Runs the planned command through the handler and resolves with the error channel's status. */
export async function runExec(handler: ExecHandler, plan: ExecPlan, io: ExecIO): Promise<JsonObject> {
  try {
    return exitStatus(await handler(plan.request, io));
  } catch (error) {
    return internalErrorStatus(error);
  }
}
