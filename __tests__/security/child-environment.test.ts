// Attack (red-team finding 1): the root action runs the launcher's `npm ci` / `npm run build`,
// and any dependency's install script could read the cluster credentials from the process
// environment (INPUT_KUBECONFIG, INPUT_API-TOKEN) or write GITHUB_ENV to poison later steps.
// Child processes get a scrubbed environment; these tests play the attacker's install script.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childEnvironment, execRunner } from '../../src/tools/exec.js';
import { runBundle } from '../helpers/runner.js';
import { type Workspace, recordingCommands, workspace } from '../actions/build-dist-with-launcher/helpers.js';

const SECRETS = {
  INPUT_KUBECONFIG: 'apiVersion: v1\nusers:\n- user: {token: kube-secret-token}',
  'INPUT_API-TOKEN': 'api-secret-token',
  STATE_kubeconfig: '/tmp/runner/kubeconfig',
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret-token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
  GITHUB_TOKEN: 'github-secret-token',
};

let ws: Workspace;
let dump: string;
beforeAll(async () => {
  ws = await workspace();
  // The attacker's install script: everything it can see goes to a file.
  dump = join(ws.root, 'dump-env.mjs');
  await writeFile(dump, "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], JSON.stringify(process.env));\n");
});
afterAll(async () => ws.cleanup());

describe('what a child process sees', () => {
  test('no step input, post-step state, runner token or command file', () => {
    const env = childEnvironment({ PATH: '/usr/bin', HOME: '/root', NODE_AUTH_TOKEN: 'npm-registry-token', ...SECRETS, GITHUB_ENV: '/tmp/env', GITHUB_OUTPUT: '/tmp/out', GITHUB_PATH: '/tmp/path', GITHUB_STEP_SUMMARY: '/tmp/summary', GITHUB_STATE: '/tmp/state' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', NODE_AUTH_TOKEN: 'npm-registry-token' });
  });

  test('execRunner hands a child the scrubbed environment, whatever the caller passed', async () => {
    const file = join(ws.root, 'exec-env.json');
    await execRunner(process.execPath, [dump, file], { env: { PATH: process.env.PATH ?? '', ...SECRETS, KEPT: 'yes' } });
    const seen = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(seen.KEPT).toBe('yes');
    for (const name of Object.keys(SECRETS)) expect(seen).not.toHaveProperty(name);
  });

  test('the launcher build run by the bundle cannot read the credentials or the command files', async () => {
    const file = join(ws.root, 'install-env.json');
    const envFile = join(ws.root, 'github_env');
    await writeFile(envFile, '');
    const run = await runBundle(
      'build-dist-with-launcher',
      { 'launcher-source': ws.launcher, version: '1.0.0', cache: 'false', 'install-command': `node ${dump} ${file}`, 'build-command': recordingCommands(ws)['build-command'] },
      { env: { ...SECRETS, GITHUB_ENV: envFile }, runnerTemp: ws.root },
    );
    expect(run.exitCode).toBe(0);
    const seen = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    for (const name of [...Object.keys(SECRETS), 'GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) expect(seen).not.toHaveProperty(name);
    for (const secret of Object.values(SECRETS)) expect(JSON.stringify(seen)).not.toContain(secret);
    // What a build needs still arrives: PATH and the build variables.
    expect(seen.PATH).toBe(process.env.PATH);
    expect(seen.BUILD_VERSION).toBe('1.0.0');
  });
});
