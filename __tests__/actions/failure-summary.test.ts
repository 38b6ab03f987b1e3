import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { writeManifest } from '../../src/lib/manifest.js';
import { writeTarball } from '../../src/lib/tarball.js';
import { runBundle } from '../helpers/runner.js';
import { describeWith } from '../helpers/services.js';

/** The `name` of an action.yml: the title its failure summary carries. */
async function actionName(path: string): Promise<string> {
  return (parse(await readFile(path, 'utf8')) as { name: string }).name;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'qla-failure-summary-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a bundle whose input is bad still writes a summary, as the runner runs it', () => {
  test.each([
    ['build-dist-with-launcher', { cache: 'sometimes' }, "Failed: Input 'cache': 'sometimes' is not a boolean (use true or false)"],
    ['build-optimized-images', { push: 'true' }, "Failed: Input 'registry': is required when push is true"],
    ['render-edge-config', { validate: 'maybe' }, "Failed: Input 'validate': 'maybe' is not one of auto, true, false"],
    ['deploy-quick-launcher', { namespace: 'Bad_NS' }, "Failed: Input 'namespace': 'Bad_NS' is not a namespace name"],
  ])('%s: its title and the failure; summary: false writes nothing', async (action, inputs, failed) => {
    const run = await runBundle(action, inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::${failed.slice('Failed: '.length)}`);
    expect(run.summary).toBe(`### ${await actionName(`actions/${action}/action.yml`)}\n\n${failed}\n\n`);
    const quiet = await runBundle(action, { ...inputs, summary: 'false' });
    expect(quiet.exitCode).toBe(1);
    expect(quiet.summary).toBe('');
  });

  test('the root action: a bad stages input', async () => {
    const run = await runBundle('quick-launcher', { stages: 'publish' });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toBe(`## ${await actionName('action.yml')}\n\nFailed: Input 'stages': 'publish' is not one of build-dist, build-images, render, deploy\n\n`);
    expect((await runBundle('quick-launcher', { stages: 'publish', summary: 'false' })).summary).toBe('');
  });
});

describeWith(['kubectl'])('the root action whose deploy fails after render completed', () => {
  test('the summary has render\'s own summary, the failed deploy and its message; render\'s outputs stay set', async () => {
    const distribution = join(root, 'distribution');
    await mkdir(distribution, { recursive: true });
    // The launcher and the settings templates build-dist-with-launcher puts in a distribution.
    const files = [
      { type: 'file' as const, path: 'quick-launcher/www/index.html', content: Buffer.from('<html></html>') },
      ...['app-launcher', 'tool-launcher'].map((name) => ({ type: 'file' as const, path: `quick-launcher/templates/${name}.json.hbs`, content: readFileSync(`templates/settings/${name}.json.hbs`) })),
    ];
    await writeTarball(join(distribution, 'cloud-pipeline.1.0.0.tgz'), files, { mtime: 315532800 });
    await writeManifest(distribution, { kind: 'distribution', action: 'build-dist-with-launcher', inputsDigest: 'sha256:0' });
    // A cluster nobody listens for (loopback, a closed port): the deploy's first kubectl call fails.
    const kubeconfig = join(root, 'kubeconfig');
    await writeFile(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]',
        'contexts: [{name: c, context: {cluster: c, user: u}}]',
        'current-context: c',
        'users: [{name: u, user: {token: not-a-real-token-123}}]',
        '',
      ].join('\n'),
    );
    const edgeOutput = join(root, 'edge');
    const run = await runBundle('quick-launcher', {
      stages: 'render,deploy',
      'app-launcher-host': 'apps.failure.test',
      'api-external-url': 'https://cp.failure.test/pipeline/restapi',
      validate: 'false',
      'edge-output-dir': edgeOutput,
      distribution,
      kubeconfig: await readFile(kubeconfig, 'utf8'),
      'rollout-timeout': '5s',
    });
    expect(run.exitCode).toBe(1);
    const [title, ...rest] = run.summary.split('\n');
    expect(title).toBe('## Quick Launcher: render → deploy');
    const body = rest.join('\n');
    // render's own summary, then the failed stage with the step's own error line.
    const renderAt = body.indexOf('### Quick Launcher: Edge configuration');
    const failedAt = body.indexOf('### Stage deploy failed');
    expect(renderAt).toBeGreaterThan(-1);
    expect(failedAt).toBeGreaterThan(renderAt);
    // The step's error line (its first line: the runner's command escapes line breaks as %0A).
    const error = /::error::(.*?)(%0A|$)/m.exec(run.stdout)?.[1] ?? '(no error line)';
    expect(error).toContain('kubectl');
    expect(body.slice(failedAt)).toContain(`Failed: ${error.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    expect(body).not.toContain('Not run');
    expect(body).not.toContain('not-a-real-token-123');
    expect(run.outputs['edge-config']).toBe(edgeOutput);
  });
});
