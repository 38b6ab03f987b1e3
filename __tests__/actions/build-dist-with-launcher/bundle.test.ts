import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchiveFile } from '../../../src/lib/archive.js';
import { sha256File } from '../../../src/lib/digest.js';
import { SETTINGS_TEMPLATE_PATHS } from '../../../src/lib/distribution-layout.js';
import { type Workspace, workspace } from './helpers.js';
import { bundleNode } from '../../helpers/runner.js';

const BUNDLE = fileURLToPath(new URL('../../../dist/build-dist-with-launcher/index.js', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<delimiter` blocks). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}

/** Runs the bundle as the runner does: `node index.js` with INPUT_* variables and command files. */
async function runBundle(ws: Workspace, name: string, inputs: Record<string, string>): Promise<Run> {
  const outputFile = join(ws.root, `${name}.output`);
  const summaryFile = join(ws.root, `${name}.summary`);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [input, value] of Object.entries(inputs)) env[`INPUT_${input.toUpperCase()}`] = value;
  Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: ws.root, SOURCE_DATE_EPOCH: '1700000000' });
  const result = spawnSync(bundleNode(), [BUNDLE], { cwd: ws.root, env, encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}

describe('dist/build-dist-with-launcher/index.js run as the runner runs it', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });
  afterAll(async () => {
    await ws.cleanup();
  });

  it('builds, sets every output and writes the summary; the second run is a cache hit', async () => {
    const first = await runBundle(ws, 'first', { 'launcher-source': 'quick-launcher', version: '2.0.0', 'build-env': 'CP_APPLICATIONS_TITLE=Apps' });
    expect(first.stdout).not.toContain('::error::');
    expect(first.status).toBe(0);
    const outputDir = join(ws.root, 'quick-launcher', 'distribution');
    expect(first.outputs).toEqual({
      distribution: join(outputDir, 'cloud-pipeline.2.0.0.tgz'),
      'launcher-archive': join(outputDir, 'quick-launcher.2.0.0.tgz'),
      version: '2.0.0',
      'distribution-sha256': await sha256File(join(outputDir, 'cloud-pipeline.2.0.0.tgz')),
      'launcher-sha256': await sha256File(join(outputDir, 'quick-launcher.2.0.0.tgz')),
      'cache-hit': 'false',
      'output-dir': outputDir,
    });
    expect(first.stdout).toContain('::group::install-command: npm ci');
    // ncc relocated the settings templates next to the bundle; they must reach the archive intact.
    expect(await readArchiveFile(first.outputs.distribution, SETTINGS_TEMPLATE_PATHS.app)).toEqual(
      await readFile(new URL('../../../templates/settings/app-launcher.json.hbs', import.meta.url)),
    );
    expect(first.summary).toContain(`| \`cloud-pipeline.2.0.0.tgz\` |`);
    expect(first.summary).toContain(first.outputs['distribution-sha256']);

    const second = await runBundle(ws, 'second', { 'launcher-source': 'quick-launcher', version: '2.0.0', 'build-env': 'CP_APPLICATIONS_TITLE=Apps' });
    expect(second.status).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.outputs['distribution-sha256']).toBe(first.outputs['distribution-sha256']);
    expect(second.stdout).not.toContain('::group::install-command');
    expect(second.summary).toContain('restored from the cache');
  });

  it('exits 1 with one ::error:: line on bad input', async () => {
    const bad = await runBundle(ws, 'bad', { 'launcher-source': 'missing-launcher' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^::error::Input 'launcher-source': .*missing-launcher does not exist/m);
    expect(bad.outputs).toEqual({});

    const badCommand = await runBundle(ws, 'bad-command', { 'launcher-source': 'quick-launcher', 'build-command': 'npm run build | tee log' });
    expect(badCommand.status).toBe(1);
    expect(badCommand.stdout).toContain("::error::Input 'build-command': '|' is a shell operator");
  });
});
