import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../../../src/lib/errors.js';
import { decodeKubeconfig, kubeconfigDir, parseKubeconfig, removeKubeconfig, writeKubeconfig } from '../../../src/actions/deploy-quick-launcher/kubeconfig.js';

const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';
const CONFIG = `apiVersion: v1
kind: Config
current-context: dev
clusters:
  - name: dev
    cluster: { server: "https://dev.example.test:6443", certificate-authority-data: Q0FEQVRBLWRldi1jbHVzdGVy }
  - name: prod
    cluster: { server: "https://prod.example.test:6443" }
contexts:
  - name: dev
    context: { cluster: dev, user: dev-user }
  - name: prod
    context: { cluster: prod, user: prod-user, namespace: cp }
users:
  - name: dev-user
    user: { token: dev-secret-token-123 }
  - name: prod-user
    user:
      client-key-data: ${Buffer.from(KEY_PEM).toString('base64')}
      password: prod-password
      auth-provider: { name: oidc, config: { id-token: oidc-id-token-xyz, refresh-token: oidc-refresh-abc } }
      exec: { command: get-token, env: [ { name: TOKEN, value: exec-env-secret-1 } ] }
`;

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('parseKubeconfig', () => {
  it('uses the current context and collects every credential (decoded forms too)', () => {
    const config = parseKubeconfig(CONFIG);
    expect(config.context).toBe('dev');
    expect(config.server).toBe('https://dev.example.test:6443');
    expect(config.contexts).toEqual(['dev', 'prod']);
    expect(config.secrets).toEqual(
      expect.arrayContaining([
        'dev-secret-token-123',
        'Q0FEQVRBLWRldi1jbHVzdGVy',
        'CADATA-dev-cluster',
        'prod-password',
        Buffer.from(KEY_PEM).toString('base64'),
        'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
        'oidc-id-token-xyz',
        'oidc-refresh-abc',
        'exec-env-secret-1',
      ]),
    );
  });

  it('selects the given context and writes it as the current one', () => {
    const config = parseKubeconfig(CONFIG, 'prod');
    expect(config.server).toBe('https://prod.example.test:6443');
    expect((parse(config.text) as { 'current-context': string })['current-context']).toBe('prod');
  });

  it('accepts base64 content', () => {
    const encoded = Buffer.from(CONFIG).toString('base64').replace(/(.{76})/g, '$1\n');
    expect(decodeKubeconfig(encoded)).toBe(CONFIG);
    expect(parseKubeconfig(encoded).context).toBe('dev');
  });

  it('an unknown context names the input and lists the contexts', () => {
    expect(() => parseKubeconfig(CONFIG, 'staging')).toThrow(new InputError('context', "'staging' is not a context in the kubeconfig; it has: dev, prod"));
  });

  it('several contexts and no current one require the context input', () => {
    expect(() => parseKubeconfig(CONFIG.replace('current-context: dev\n', ''))).toThrow("Input 'context': is required");
  });

  it.each([
    ['malformed YAML', 'apiVersion: v1\nusers:\n  - name: u\n    user: { token: leaked-secret-value-99\n'],
    ['not a kubeconfig', 'token: leaked-secret-value-99\n'],
    ['a context naming a missing cluster', CONFIG.replace('cluster: dev, user', 'cluster: nope, user').replace('dev-secret-token-123', 'leaked-secret-value-99')],
  ])('%s is an InputError on kubeconfig that never echoes the content', (_name, text) => {
    let error: unknown;
    try {
      parseKubeconfig(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Input 'kubeconfig': /);
    expect((error as Error).message).not.toContain('leaked-secret-value-99');
  });
});

describe('kubeconfig file', () => {
  it('is written 0600 under RUNNER_TEMP and removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ql-kubeconfig-'));
    temp.push(dir);
    expect(kubeconfigDir({ RUNNER_TEMP: dir })).toBe(dir);
    expect(kubeconfigDir({})).toBe(tmpdir());
    const path = await writeKubeconfig('x: 1\n', dir);
    expect(path.startsWith(dir)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('x: 1\n');
    await removeKubeconfig(path);
    await expect(stat(path)).rejects.toThrow();
    await removeKubeconfig(path);
  });
});
