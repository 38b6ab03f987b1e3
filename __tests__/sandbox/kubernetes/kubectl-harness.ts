import { describe } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubernetesApi, type KubernetesApi, type KubernetesApiOptions } from '../../../src/sandbox/kubernetes/index.js';
import { describeWith } from '../../helpers/services.js';

/** What one kubectl call produced. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stand-in with a kubeconfig and a per-test discovery cache, and a bounded kubectl. */
export interface Harness {
  cluster: KubernetesApi;
  dir: string;
  kubeconfig: string;
  /** Runs the real kubectl (killed after `timeoutMs`, default 20 s; `binary` picks another kubectl). */
  kubectl(args: string[], options?: { input?: string; kubeconfig?: string; timeoutMs?: number; binary?: string }): Promise<KubectlResult>;
  /** Writes a manifest file in the test folder and returns its path. */
  manifest(name: string, content: string): string;
  close(): Promise<void>;
}

/**
 * The Google Cloud SDK's versioned kubectl binaries. `kubectl` on PATH is its dispatcher, which
 * picks the binary matching the server's version, so tests that need one client name it.
 */
const SDK_BIN = '/usr/lib/google-cloud-sdk/bin';
/** kubectl 1.32: exec over WebSocket v5 first, SPDY on an upgrade failure. */
export const KUBECTL_1_32 = `${SDK_BIN}/kubectl.1.32`;
/** kubectl 1.27: exec over SPDY only. */
export const KUBECTL_1_27 = `${SDK_BIN}/kubectl.1.27`;

/**
 * `describe` when kubectl, openssl and the named kubectl binaries exist (or under CI=true, where a
 * missing one fails), else `describe.skip`.
 */
export function describeWithKubectls(binaries: string[]): typeof describe | typeof describe.skip {
  const gate = describeWith(['kubectl', 'openssl']);
  if (gate === describe.skip) return gate;
  return binaries.every((binary) => existsSync(binary)) || process.env.CI === 'true' ? describe : describe.skip;
}

/** Starts a stand-in for one test. */
export async function startHarness(options: KubernetesApiOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-harness-'));
  const cluster = await startKubernetesApi({ workDir: join(dir, 'work'), ...options });
  const kubeconfig = cluster.writeKubeconfig(join(dir, 'kubeconfig'));
  const cacheDir = join(dir, 'cache');
  const kubectl: Harness['kubectl'] = (args, callOptions = {}) =>
    new Promise((resolve, reject) => {
      // Flags go before a `--` (what follows is a command, as in `kubectl exec pod -- sh`).
      const dash = args.indexOf('--');
      const argv = dash < 0 ? [...args, '--cache-dir', cacheDir] : [...args.slice(0, dash), '--cache-dir', cacheDir, ...args.slice(dash)];
      const child = spawn(callOptions.binary ?? 'kubectl', argv, {
        env: { ...process.env, KUBECONFIG: callOptions.kubeconfig ?? kubeconfig, KUBECACHEDIR: cacheDir },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), callOptions.timeoutMs ?? 20000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
      child.stdin.end(callOptions.input ?? '');
    });
  return {
    cluster,
    dir,
    kubeconfig,
    kubectl,
    manifest(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    async close() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
