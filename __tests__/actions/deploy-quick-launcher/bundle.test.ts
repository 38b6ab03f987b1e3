import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getInputs as renderInputs } from '../../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/execute.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { writeManifest } from '../../../src/lib/manifest.js';
import { writeTarball } from '../../../src/lib/tarball.js';
import { startSandboxStack, type SandboxStack } from '../../../src/sandbox/stack.js';
import { runBundle } from '../../helpers/runner.js';
import { describeWith } from '../../helpers/services.js';

const HOST = 'apps.bundle.test';
let root: string;
let stack: SandboxStack;
let inputs: Record<string, string>;

/** Runs the bundle the way the runner does, in one step folder; `env` holds INPUT_ and STATE_ variables. */
async function step(name: string, env: Record<string, string>): Promise<{ status: number; stdout: string; outputs: Record<string, string>; state: Record<string, string>; summary: string; temp: string }> {
  const temp = join(root, name, 'temp');
  await mkdir(temp, { recursive: true });
  const run = await runBundle('deploy-quick-launcher', {}, { runnerTemp: temp, env: { GITHUB_RUN_ID: name, ...env } });
  return { status: run.exitCode, stdout: run.stdout + run.stderr, outputs: run.outputs, state: run.state, summary: run.summary, temp };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ql-bundle-'));
  stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: 2 });
  const distribution = join(root, 'distribution');
  await mkdir(distribution);
  await writeTarball(join(distribution, 'quick-launcher.1.0.0.tgz'), [{ type: 'file', path: 'quick-launcher/www/index.html', content: Buffer.from('<html>bundle</html>') }], { mtime: 315532800 });
  await writeManifest(distribution, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: 'sha256:0' });
  const edgeConfig = join(root, 'edge-config');
  await renderAndWrite(
    given(renderInputs(new InputReader(inputsFrom({ 'app-launcher-host': HOST, 'api-external-url': stack.api.url, 'output-dir': edgeConfig, validate: 'false', ...stack.edgeInputs })), {})),
    {},
    new MemoryLogger(),
  );
  inputs = {
    'INPUT_KUBECONFIG': stack.kube.kubeconfig,
    'INPUT_API-URL': stack.api.url,
    'INPUT_API-TOKEN': stack.api.token,
    'INPUT_DISTRIBUTION': distribution,
    'INPUT_EDGE-CONFIG': edgeConfig,
    'INPUT_ROLLOUT-TIMEOUT': '30s',
    // The smoke check (on by default) goes through the sandbox Edge, whose certificate is self-signed.
    'INPUT_API-INSECURE': 'true',
    'INPUT_SUMMARY': 'true',
  };
});

afterAll(async () => {
  await stack?.stop();
  await rm(root, { recursive: true, force: true });
});

describeWith(['kubectl', 'nginx', 'openssl'])('the deploy-quick-launcher bundle, run as the runner runs it', () => {
  it('deploys, sets the outputs and summary, masks every secret, and the post step cleans up', async () => {
    const main = await step('main', inputs);
    expect(main.stdout).not.toContain('::error::');
    expect(main.status).toBe(0);
    expect(main.outputs).toMatchObject({ changed: 'true', 'rolled-back': 'false', 'users-created': '3' });
    expect(main.outputs['content-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(main.summary).toContain('Edge rollout');
    expect(main.summary).toContain('reload: pods/exec is granted');
    expect(main.stdout).toContain(`smoke check: ${HOST} serves /, /settings through 127.0.0.1:${stack.edgeService.port}`);
    const token = JSON.parse(await readFile(join(stack.hostPath, 'quick-launcher/settings.json'), 'utf8')) as Record<string, { anonymousAccess: { token: string } }>;
    const anonymous = token[HOST].anonymousAccess.token;
    const masks = main.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining([stack.kube.token, stack.api.token, anonymous]));
    const published = [main.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n'), JSON.stringify(main.outputs), main.summary].join('\n');
    for (const secret of [stack.kube.token, stack.api.token, anonymous]) expect(published).not.toContain(secret);
    // The kubeconfig is gone already; the post step removes it (and the cache) in any case.
    expect(await readdir(main.temp)).toEqual([]);
    const postEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
    expect(postEnv.STATE_isPost).toBe('true');
    await writeFile(postEnv.STATE_kubeconfig, 'left behind by a cancelled step');
    const post = await step('post', postEnv);
    expect(post.status).toBe(0);
    expect(await readdir(main.temp)).toEqual([]);
  });

  it('run again, changes nothing; a bad input fails with exit code 1 naming it', async () => {
    stack.kube.clearRequests();
    const again = await step('again', inputs);
    expect(again.status).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(stack.kube.mutatingRequests()).toEqual([]);
    expect(again.outputs).toMatchObject({ url: `https://${HOST}/`, 'previous-digest': again.outputs['content-digest'] });
    const bad = await step('bad', { ...inputs, 'INPUT_ROLLOUT-TIMEOUT': 'soon' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("::error::Input 'rollout-timeout': 'soon' is not a duration like 30s, 5m or 1h");
  });

  it('without the kubeconfig input it uses the file $KUBECONFIG names (as azure/k8s-set-context leaves it), masked, and leaves that file alone', async () => {
    const file = join(root, 'set-context', 'kubeconfig');
    await mkdir(join(root, 'set-context'), { recursive: true });
    await writeFile(file, stack.kube.kubeconfig, { mode: 0o600 });
    const rest = Object.fromEntries(Object.entries(inputs).filter(([name]) => name !== 'INPUT_KUBECONFIG'));
    const run = await step('from-env', { ...rest, KUBECONFIG: file });
    expect(run.stdout).not.toContain('::error::');
    expect(run.status).toBe(0);
    expect(run.outputs.changed).toBe('false');
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
    expect(masks).toContain(stack.kube.token);
    expect(run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(stack.kube.token);
    expect(await readdir(run.temp)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(stack.kube.kubeconfig);
    const neither = await step('no-kubeconfig', rest);
    expect(neither.status).toBe(1);
    expect(neither.stdout).toContain("::error::Input 'kubeconfig': is required");
  });
});
