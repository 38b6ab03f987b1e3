import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { verifyManifest } from '../../src/lib/manifest.js';
import { runBundle } from '../helpers/runner.js';

const inputs = {
  'app-launcher-host': 'apps.example.test',
  'tool-launcher-host': 'tools.example.test',
  'api-external-url': 'https://cp.example.test/pipeline/restapi',
};

describe('dist/render-edge-config run as the runner runs it', () => {
  test('writes the folder, its outputs and the job summary', async () => {
    const run = await runBundle('render-edge-config', inputs);
    expect(run.stdout).not.toContain('::error::');
    expect(run.exitCode).toBe(0);
    const outputDir = run.outputs['output-dir'];
    expect(outputDir).toBe(join(run.runnerTemp, 'quick-launcher', 'edge-config'));
    expect(JSON.parse(run.outputs.hosts)).toEqual(['apps.example.test', 'tools.example.test']);
    const files = JSON.parse(run.outputs.files) as string[];
    expect(files).toEqual(['external-apps/apps.example.test.srv.conf', 'external-apps/quick-launcher/settings.json', 'external-apps/tools.example.test.srv.conf']);
    const manifest = await verifyManifest(outputDir, 'edge-config', 'edge-config');
    for (const file of manifest.files) expect(run.summary).toContain(file.sha256);
    expect(run.summary).toContain('[apps.example.test](https://apps.example.test/)');
    // nginx and openssl are on PATH here (and required under CI), so validate: auto ran it.
    expect(run.summary).toContain("nginx -t: passed, inside the Edge's http {}, with throw-away self-signed certificates");
    const settings = JSON.parse(await readFile(join(outputDir, 'external-apps/quick-launcher/settings.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(settings)).toEqual(['apps.example.test', 'tools.example.test']);
  });

  test('the summary says when nginx -t did not run', async () => {
    const run = await runBundle('render-edge-config', { ...inputs, validate: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('nginx -t: not run (validate: false)');
  });

  test('hosts from the environment when the inputs are empty', async () => {
    const run = await runBundle(
      'render-edge-config',
      { 'api-external-url': inputs['api-external-url'], summary: 'false' },
      { env: { CP_TOOL_LAUNCHER_EXTERNAL_HOST: 'env-tools.example.test' } },
    );
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.hosts)).toEqual(['env-tools.example.test']);
    expect(run.summary).toBe('');
  });

  test('bad input: exit code 1, one ::error:: line naming the input, no folder', async () => {
    const run = await runBundle('render-edge-config', { ...inputs, 'app-launcher-host': 'a.com; include /etc/passwd' });
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Input 'app-launcher-host'");
    expect(existsSync(join(run.runnerTemp, 'quick-launcher', 'edge-config'))).toBe(false);
    expect(run.outputs).toEqual({});
  });
});
