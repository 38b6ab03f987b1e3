import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeApi } from './api.js';
import type { JsonObject } from './json.js';
import { resourceOfKind } from './resources.js';

/** What `seedEdge` creates; every field has the upstream default. */
export interface EdgeSeedOptions {
  namespace?: string;
  deployment?: string;
  image?: string;
  /** `key=value` node selector of the Edge (`cloud-pipeline/cp-edge=true`). */
  nodeSelector?: Record<string, string>;
  /** Host path of the external apps (`/opt/edge/external-apps`). */
  hostPath?: string;
  /** Host path of the Edge certificates (`/opt/edge/pki`). */
  pkiPath?: string;
  /** An unrelated external app placed in the host folder: file name -> content. */
  unrelatedApp?: { file: string; content: string };
}

/** Defaults shared with the deploy action's inputs. */
export const EDGE_DEFAULTS = {
  namespace: 'default',
  deployment: 'cp-edge',
  image: 'lifescience/cloud-pipeline:edge-test',
  nodeSelector: { 'cloud-pipeline/cp-edge': 'true' },
  hostPath: '/opt/edge/external-apps',
  pkiPath: '/opt/edge/pki',
  unrelatedApp: {
    file: 'other-app.conf',
    content: 'server {\n    listen 8181;\n    server_name other-app.example.com;\n    location / {\n        return 200 "other app\\n";\n    }\n}\n',
  },
};

/** The Edge Deployment as upstream `cp-edge-dpl.yaml` shapes it (host paths mounted read-only). */
export function edgeDeployment(options: Required<EdgeSeedOptions>): JsonObject {
  const labels = { cloud_pipeline_role: 'edge' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: options.deployment, namespace: options.namespace, labels: { ...labels } },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels }, namespace: options.namespace },
        spec: {
          nodeSelector: options.nodeSelector,
          tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
          containers: [
            {
              name: options.deployment,
              image: options.image,
              imagePullPolicy: 'IfNotPresent',
              command: ['/init'],
              ports: [{ containerPort: 8181 }, { containerPort: 8080 }, { containerPort: 8282 }],
              envFrom: [{ configMapRef: { name: 'cp-config-global' } }],
              volumeMounts: [
                { mountPath: '/etc/nginx/ext/external-apps', name: 'edge-external-apps', readOnly: true },
                { mountPath: '/opt/edge/pki', name: 'edge-pki', readOnly: true },
              ],
              livenessProbe: { exec: { command: ['/bin/sh', '-c', '/liveness.sh'] }, initialDelaySeconds: 600, periodSeconds: 15 },
            },
          ],
          volumes: [
            { name: 'edge-external-apps', hostPath: { path: options.hostPath } },
            { name: 'edge-pki', hostPath: { path: options.pkiPath } },
          ],
        },
      },
    },
  };
}

/**
 * Seeds what a Cloud Pipeline cluster has before the deploy: namespace, the global ConfigMap,
 * Deployment `cp-edge` pinned to the labelled node, and one unrelated external app already in
 * the node's host folder. Resolves once the Edge rollout has settled.
 */
export async function seedEdge(api: KubeApi, nodeRoot: string, settled: (namespace: string, name: string) => Promise<void>, options: EdgeSeedOptions = {}): Promise<Required<EdgeSeedOptions>> {
  const resolved: Required<EdgeSeedOptions> = { ...EDGE_DEFAULTS, ...options };
  if (!api.store.get(resourceOfKind('Namespace'), '', resolved.namespace)) {
    api.create(resourceOfKind('Namespace'), '', { metadata: { name: resolved.namespace } });
  }
  const appsDir = join(nodeRoot, resolved.hostPath);
  mkdirSync(appsDir, { recursive: true });
  mkdirSync(join(nodeRoot, resolved.pkiPath), { recursive: true });
  writeFileSync(join(appsDir, resolved.unrelatedApp.file), resolved.unrelatedApp.content);
  if (!api.store.get(resourceOfKind('ConfigMap'), resolved.namespace, 'cp-config-global')) {
    api.create(resourceOfKind('ConfigMap'), resolved.namespace, {
      metadata: { name: 'cp-config-global' },
      data: { CP_EDGE_CERT_DIR: resolved.pkiPath, CP_EDGE_WEB_INTERNAL_PORT: '31091' },
    });
  }
  api.create(resourceOfKind('Deployment'), resolved.namespace, edgeDeployment(resolved), { fieldManager: 'kubectl-create' });
  await settled(resolved.namespace, resolved.deployment);
  return resolved;
}
