import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readArchiveFile } from '../../../src/lib/archive.js';
import { sha256File } from '../../../src/lib/digest.js';
import { SETTINGS_TEMPLATE_PATHS } from '../../../src/lib/distribution-layout.js';
import { type Workspace, workspace } from './helpers.js';
import { type BundleRun, runBundle } from '../../helpers/runner.js';

/** The bundle as the runner runs it, in the workspace (its folder also the runner temp), with a fixed source time. */
function runIn(ws: Workspace, inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle('build-dist-with-launcher', inputs, { cwd: ws.root, runnerTemp: ws.root, env: { SOURCE_DATE_EPOCH: '1700000000' } });
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
    const first = await runIn(ws, { 'launcher-source': 'quick-launcher', version: '2.0.0', 'build-env': 'CP_APPLICATIONS_TITLE=Apps' });
    expect(first.stdout).not.toContain('::error::');
    expect(first.exitCode).toBe(0);
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

    const second = await runIn(ws, { 'launcher-source': 'quick-launcher', version: '2.0.0', 'build-env': 'CP_APPLICATIONS_TITLE=Apps' });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.outputs['distribution-sha256']).toBe(first.outputs['distribution-sha256']);
    expect(second.stdout).not.toContain('::group::install-command');
    expect(second.summary).toContain('restored from the cache');
  });

  it('exits 1 with one ::error:: line on bad input', async () => {
    const bad = await runIn(ws, { 'launcher-source': 'missing-launcher' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^::error::Input 'launcher-source': .*missing-launcher does not exist/m);
    expect(bad.outputs).toEqual({});

    const badCommand = await runIn(ws, { 'launcher-source': 'quick-launcher', 'build-command': 'npm run build | tee log' });
    expect(badCommand.exitCode).toBe(1);
    expect(badCommand.stdout).toContain("::error::Input 'build-command': '|' is a shell operator");
  });
});
