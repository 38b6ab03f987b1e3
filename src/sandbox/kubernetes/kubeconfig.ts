import { stringify } from 'yaml';

/** What a kubeconfig for the stand-in names. */
export interface KubeconfigOptions {
  server: string;
  /** Omitted for a plain-HTTP server (client-go sends no credentials over plain HTTP). */
  token?: string;
  /** PEM of the server's CA (its self-signed certificate). */
  certificateAuthority?: string;
  namespace?: string;
  /** Cluster, user and context name (default `sandbox`). */
  name?: string;
}

/** A kubeconfig (YAML text) with one cluster (CA data when TLS), a token user and a current context. */
export function kubeconfigText(options: KubeconfigOptions): string {
  const name = options.name ?? 'sandbox';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: options.server, ...(options.certificateAuthority ? { 'certificate-authority-data': Buffer.from(options.certificateAuthority).toString('base64') } : {}) } }],
    users: [{ name, user: options.token ? { token: options.token } : {} }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: options.namespace ?? 'default' } }],
    'current-context': name,
    preferences: {},
  });
}
