import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from '@jest/globals';
import { describeWith } from '../helpers/services.js';

const run = promisify(execFile);
const demo = (stateDir: string) => run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--state-dir', stateDir], { timeout: 180_000 });
const down = (stateDir: string) => run(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', 'down', '--state-dir', stateDir], { timeout: 60_000 });

describeWith(['nginx', 'openssl', 'kubectl'])('npm run demo', () => {
  let stateDir = '';
  afterAll(async () => {
    if (!stateDir) return;
    await down(stateDir).catch(() => undefined);
    await rm(stateDir, { recursive: true, force: true });
  });

  test('serves the launcher for both hosts; run again, it changes nothing', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'qla-demo-'));
    const first = await demo(stateDir);
    expect(first.stdout).toMatch(/▶ build-dist[\s\S]*▶ render[\s\S]*▶ deploy/);
    const lines = first.stdout.split('\n').filter((line) => line.trim().startsWith('curl -k --resolve'));
    expect(lines).toHaveLength(2);
    expect(first.stdout).toMatch(/^changed: Edge content sha256:[0-9a-f]{64}; 3 user\(s\)/m);
    for (const line of lines) {
      const [, resolve, url] = /--resolve (\S+) (\S+)/.exec(line) ?? [];
      const { stdout } = await run('curl', ['-sk', '--max-time', '10', '--resolve', resolve, url]);
      const host = new URL(url).hostname;
      expect((JSON.parse(stdout) as Record<string, { tagValue: string }>)[host].tagValue).toBe(host);
    }
    const second = await demo(stateDir);
    expect(second.stdout).toContain('no change: the cluster and the API already hold this content');
  }, 300_000);
});
