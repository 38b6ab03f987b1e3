import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execArgSecrets, kubeconfigSource, parseKubeconfig, redactServer } from '../../src/actions/deploy-quick-launcher/kubeconfig.js';

/** Issue 12 finding 7 and finding 5 (kubeconfig part): credentials a kubeconfig can hide from a field-by-field scan. */

const EXEC = `apiVersion: v1
kind: Config
clusters:
  - name: c
    cluster: { server: "https://deployer:s3rv3r-pa55@k8s.example.test:6443" }
contexts:
  - name: ctx
    context: { cluster: c, user: u }
current-context: ctx
users:
  - name: u
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: kubelogin
        args:
          - get-token
          - --login=spn
          - --token=exec-token-7c1d9e
          - --oidc-client-secret=oidc-secret-4b2a8f
          - --token
          - separate-token-91ad3c
          - --server-id=6dae42f8-4368-4678-94ff-3960e28e3630
`;

const MERGE = `apiVersion: v1
kind: Config
x-shared: &creds
  token: merged-token-5f3e2a
  client-key-data: ${Buffer.from('merged-private-key-line-0a9b8c7d').toString('base64')}
clusters:
  - name: c
    cluster: { server: "https://k8s.example.test:6443" }
contexts:
  - name: ctx
    context: { cluster: c, user: u }
current-context: ctx
users:
  - name: u
    user:
      <<: *creds
`;

describe('kubeconfig credentials are all masked', () => {
  it('exec plugin args: --token=…, --oidc-client-secret=… and the value after a bare --token', () => {
    const { secrets } = parseKubeconfig(EXEC);
    expect(secrets).toEqual(expect.arrayContaining(['exec-token-7c1d9e', 'oidc-secret-4b2a8f', 'separate-token-91ad3c']));
    // Not credentials: the sub-command, the login mode, a server id are left readable.
    expect(secrets).not.toContain('get-token');
    expect(execArgSecrets(['--client-secret', 'x-secret-1', '--password=p4ss', '--verbose', '--token', '--next', '--token-cache=true'])).toEqual(['x-secret-1', 'p4ss']);
  });

  it('credentials reached through a YAML merge key (<<: *creds) are found, their decoded lines too', () => {
    const { secrets } = parseKubeconfig(MERGE);
    expect(secrets).toEqual(expect.arrayContaining(['merged-token-5f3e2a', 'merged-private-key-line-0a9b8c7d']));
  });

  it('userinfo in the server URL is never printed: redacted in the cluster line and masked', () => {
    const config = parseKubeconfig(EXEC);
    expect(config.server).toBe('https://***@k8s.example.test:6443');
    expect(config.secrets).toEqual(expect.arrayContaining(['deployer:s3rv3r-pa55', 's3rv3r-pa55']));
    expect(config.secrets).not.toContain('deployer');
    expect(redactServer('https://k8s.example.test')).toBe('https://k8s.example.test');
  });
});

describe('kubeconfig from $KUBECONFIG', () => {
  it('the input wins; else the one file KUBECONFIG names; neither, or a list, is an InputError naming kubeconfig that echoes no content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ql-kubeconfig-env-'));
    try {
      const file = join(dir, 'config');
      await writeFile(file, MERGE, { mode: 0o600 });
      await expect(kubeconfigSource('apiVersion: v1', { KUBECONFIG: file })).resolves.toBe('apiVersion: v1');
      await expect(kubeconfigSource(undefined, { KUBECONFIG: file })).resolves.toBe(MERGE);
      await expect(kubeconfigSource(undefined, {})).rejects.toThrow(/^Input 'kubeconfig': is required/);
      await expect(kubeconfigSource('  ', { KUBECONFIG: '' })).rejects.toThrow(/^Input 'kubeconfig': is required/);
      await expect(kubeconfigSource(undefined, { KUBECONFIG: [file, file].join(delimiter) })).rejects.toThrow("Input 'kubeconfig': is not given and $KUBECONFIG lists 2 files");
      const missing: unknown = await kubeconfigSource(undefined, { KUBECONFIG: join(dir, 'missing') }).catch((error: unknown) => error);
      expect((missing as Error).message).toBe(`Input 'kubeconfig': is not given and $KUBECONFIG names ${join(dir, 'missing')}, which cannot be read (ENOENT)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
