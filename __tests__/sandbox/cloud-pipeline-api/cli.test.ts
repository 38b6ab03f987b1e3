import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from '@jest/globals';

const run = promisify(execFile);
const cli = new URL('../../../src/sandbox/cli.ts', import.meta.url).pathname;
const sandbox = (...args: string[]) => run(process.execPath, ['--import', 'tsx', cli, ...args], { timeout: 60_000 });

describe('npm run sandbox -- up / down', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) {
      await sandbox('down', '--state-dir', dir).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('up starts the API stand-in in the background and writes sandbox.env; down stops it by PID', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
    await sandbox('up', '--state-dir', dir, '--users', '3');
    const env = Object.fromEntries(
      (await readFile(join(dir, 'sandbox.env'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string]),
    );
    expect(env.SANDBOX_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pipeline\/restapi$/);
    const users = await fetch(`${env.SANDBOX_API_URL}/users`, { headers: { Authorization: `Bearer ${env.SANDBOX_API_TOKEN}` } });
    expect(((await users.json()) as { payload: unknown[] }).payload).toHaveLength(4);
    const pid = Number(await readFile(join(dir, 'cloud-pipeline-api.pid'), 'utf8'));
    await expect(sandbox('up', '--state-dir', dir)).rejects.toThrow(/already running/);

    await sandbox('down', '--state-dir', dir);
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${env.SANDBOX_API_URL}/users`)).rejects.toThrow();
    expect((await readdir(dir)).filter((file) => !file.endsWith('.log'))).toEqual([]);
  });

  test('a bad command line prints the usage', async () => {
    await expect(sandbox('sideways')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run sandbox') });
  });
});
