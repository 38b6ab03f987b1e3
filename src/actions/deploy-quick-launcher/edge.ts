import { ConfigurationError, InputError } from '../../lib/errors.js';
import { lastLines } from '../../tools/exec.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';
import { DEFAULT_EDGE_HOST_PATH } from '../../lib/edge-layout.js';
import { findEdgeVolumes, type EdgeVolumes } from './edge-volumes.js';
import { ANNOTATION_DIGEST } from './objects.js';

/** What the rollout reads from the Edge deployment. */
export interface EdgeFacts {
  name: string;
  /** The content digest that is live (annotation), if any. */
  digest?: string;
  image: string;
  /** The Edge container (named like the deployment in upstream, else the first). */
  container: string;
  tolerations: unknown[];
  imagePullSecrets: unknown[];
  /** The pod template's labels the Deployment selects its pods by. */
  selector: Record<string, string>;
  /** Where the Edge reads its external apps and certificates. */
  volumes: EdgeVolumes;
}

interface DeploymentState {
  metadata?: { annotations?: Record<string, string> };
  spec?: {
    selector?: { matchLabels?: Record<string, string> };
    template?: {
      spec?: {
        containers?: Array<{ name?: string; image?: string; volumeMounts?: Array<{ name?: string; mountPath?: string; subPath?: string }> }>;
        tolerations?: unknown[];
        imagePullSecrets?: unknown[];
        volumes?: Array<{ name?: string; hostPath?: { path?: string }; persistentVolumeClaim?: { claimName?: string } }>;
      };
    };
  };
}

/**
 * A 403 from RBAC: the user's mistake (the deploy's service account lacks a verb), worded with
 * the API server's own message and where to find the Role that grants what the deploy needs.
 */
function forbidden(error: KubectlError): ConfigurationError {
  const line = error.stderr.split(/\r?\n/).find((text) => /forbidden/i.test(text)) ?? lastLines(error.stderr, 1);
  return new ConfigurationError(
    `the cluster refused 'kubectl ${error.verb}': ${line.replace(/^Error from server \(Forbidden\):\s*/, '').replace(/^error when \w+ "STDIN":\s*/, '')}. ` +
      'Grant the deploy the Role in examples/rbac/quick-launcher-deployer.yaml (see docs/deploy-quick-launcher.md).',
  );
}

/** Runs a kubectl step, turning a 403 into a clear configuration error. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof KubectlError && error.forbidden) throw forbidden(error);
    throw error;
  }
}

/**
 * Reads the Edge deployment: its live digest, image, scheduling and volumes; a missing one names
 * the input. `expectedHostPath` is the `edge-host-path` hint (see findEdgeVolumes).
 */
export async function readEdge(kubectl: Kubectl, name: string, namespace: string, expectedHostPath: string = DEFAULT_EDGE_HOST_PATH): Promise<EdgeFacts> {
  const deployment = await guarded(() => kubectl.get<DeploymentState>({ kind: 'deployment', name }));
  if (!deployment) {
    throw new InputError('edge-deployment', `deployment '${name}' was not found in namespace '${namespace}' (check 'namespace' and 'context')`);
  }
  const pod = deployment.spec?.template?.spec;
  const containers = pod?.containers ?? [];
  const container = containers.find((candidate) => candidate.name === name) ?? containers[0];
  if (!container?.image) throw new InputError('edge-deployment', `deployment '${name}' has no container image to run the installer with; set 'installer-image'`);
  const digest = deployment.metadata?.annotations?.[ANNOTATION_DIGEST];
  return {
    name,
    ...(digest ? { digest } : {}),
    image: container.image,
    container: container.name ?? name,
    tolerations: pod?.tolerations ?? [],
    imagePullSecrets: pod?.imagePullSecrets ?? [],
    selector: deployment.spec?.selector?.matchLabels ?? {},
    volumes: findEdgeVolumes(container, pod?.volumes ?? [], expectedHostPath),
  };
}

interface EventState {
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string };
}

/**
 * What went wrong with the Edge rollout, for the error: `kubectl describe` of the deployment and
 * the warning events of the deployment and its pods. Best effort: diagnostics never hide the
 * failure they describe.
 */
export async function edgeDiagnostics(kubectl: Kubectl, name: string): Promise<string> {
  const parts: string[] = [];
  try {
    parts.push(lastLines(await kubectl.describe({ kind: 'deployment', name }), 25));
  } catch (error) {
    parts.push(`(kubectl describe failed: ${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const events = (await kubectl.list<EventState>('events'))
      .filter((event) => event.involvedObject?.name?.startsWith(name) && event.type !== 'Normal')
      .slice(-10)
      .map((event) => `${event.involvedObject?.kind ?? ''}/${event.involvedObject?.name ?? ''}: ${event.reason ?? ''} ${event.message ?? ''}`);
    if (events.length > 0) parts.push(`Events:\n${events.join('\n')}`);
  } catch {
    // events are optional in the error text
  }
  return parts.join('\n');
}
