import { afterEach, expect, test } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWith } from '../../helpers/services.js';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const MAIN = join(process.cwd(), 'src/sandbox/kubernetes/main.ts');

describeWith(['kubectl', 'openssl'])('the stand-in as its own process (src/sandbox/kubernetes/main.ts)', () => {
  let child: ChildProcess | undefined;
  let serverPid: number | undefined;
  let dir = '';
  afterEach(() => {
    // tsx runs the script in a child node process: stop that one too if the test failed midway.
    child?.kill('SIGKILL');
    if (serverPid !== undefined) {
      try {
        process.kill(serverPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints url, kubeconfig and node root, serves the seeded Edge, keeps the token out of stdout, stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kube-main-'));
    const kubeconfig = join(dir, 'kubeconfig');
    const nodeRoot = join(dir, 'node');
    const token = 'main-process-test-token';
    const started = spawn(TSX, [MAIN, '--kubeconfig', kubeconfig, '--seed-edge', '--node-root', nodeRoot], {
      env: { ...process.env, KUBE_SANDBOX_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let stdout = '';
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('main.ts printed nothing within 30 s')), 30000);
      started.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]);
        }
      });
      started.on('exit', (code) => reject(new Error(`main.ts exited with ${String(code)}`)));
    });
    const info = JSON.parse(line) as { url: string; kubeconfig: string; nodeRoot: string; pid: number };
    serverPid = info.pid;
    expect(info).toEqual({ url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), kubeconfig, nodeRoot, profile: 'current', pid: expect.any(Number) });
    expect(stdout).not.toContain(token);
    expect(readFileSync(kubeconfig, 'utf8')).toContain(token);
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    expect(existsSync(join(nodeRoot, 'opt/edge/external-apps/other-app.conf'))).toBe(true);
    const rollout = execFileSync('kubectl', ['rollout', 'status', 'deployment/cp-edge', '--timeout=10s', '--cache-dir', join(dir, 'cache')], {
      env: { ...process.env, KUBECONFIG: kubeconfig },
      timeout: 20000,
    }).toString();
    expect(rollout).toContain('deployment "cp-edge" successfully rolled out');
    const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(() => process.kill(info.pid, 0)).toThrow();
    child = undefined;
    serverPid = undefined;
  });

  test('an unknown --profile is one clear error naming the flag, exit code 1, nothing served', () => {
    dir = mkdtempSync(join(tmpdir(), 'kube-main-'));
    const kubeconfig = join(dir, 'kubeconfig');
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(TSX, [MAIN, '--kubeconfig', kubeconfig, '--profile', 'k3s'], { stdio: 'pipe', timeout: 30000 });
    } catch (error) {
      failure = error as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr.toString().trim()).toBe("--profile: unknown cluster profile 'k3s' (one of: classic, additional-region, aws-native, current)");
    expect(existsSync(kubeconfig)).toBe(false);
  });
});
