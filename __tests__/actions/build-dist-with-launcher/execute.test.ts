import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDistWithLauncher } from '../../../src/actions/build-dist-with-launcher/execute.js';
import { outputsOf, summaryMarkdown } from '../../../src/actions/build-dist-with-launcher/summary.js';
import { readArchiveFile } from '../../../src/lib/archive.js';
import { sha256File } from '../../../src/lib/digest.js';
import { DISTRIBUTION_KIND, SETTINGS_TEMPLATE_PATHS } from '../../../src/lib/distribution-layout.js';
import { verifyManifest } from '../../../src/lib/manifest.js';
import { writeTarball } from '../../../src/lib/tarball.js';
import { type Workspace, calls, depsFor, inputsFor, workspace } from './helpers.js';

const TEMPLATES = new URL('../../../templates/settings/', import.meta.url);

function list(archive: string): string[] {
  return execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter((line) => line !== '');
}

/** A small Cloud Pipeline distribution with a stale launcher tree, as a fixture. */
async function fixtureDistribution(ws: Workspace): Promise<string> {
  const file = join(ws.root, 'cloud-pipeline.0.17.0.tgz');
  await writeTarball(
    file,
    [
      { type: 'file', path: 'bin/pipeline.jar', content: Buffer.from('jar bytes') },
      { type: 'file', path: 'bin/install.sh', content: Buffer.from('#!/bin/sh\necho hi\n'), executable: true },
      { type: 'symlink', path: 'bin/current.jar', target: 'pipeline.jar' },
      { type: 'file', path: 'quick-launcher/www/stale.js', content: Buffer.from('old launcher') },
    ],
    { mtime: 1_600_000_000 },
  );
  return file;
}

describe('buildDistWithLauncher', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  it('builds the sample with npm into a fixture distribution that lists and extracts as documented', async () => {
    const distribution = await fixtureDistribution(ws);
    const deps = depsFor(ws, false);
    const result = await buildDistWithLauncher(
      inputsFor(ws, { distribution, version: '', 'install-command': 'npm ci', 'build-command': 'npm run build', 'build-env': 'CP_APPLICATIONS_TITLE=Sample Apps\nPUBLIC_URL=/' }),
      deps,
    );
    expect(result.version).toBe('0.17.0');
    expect(result.distribution).toBe(join(ws.root, 'out', 'cloud-pipeline.0.17.0.tgz'));
    expect(deps.logger.text).toContain('holds a quick-launcher/ tree: that tree is replaced');
    const entries = list(result.distribution);
    expect(entries).toEqual(
      expect.arrayContaining([
        'bin/pipeline.jar',
        'bin/install.sh',
        'bin/current.jar',
        'quick-launcher/www/index.html',
        'quick-launcher/www/js/main.bundle.js',
        'quick-launcher/www/css/bundle.css',
        'quick-launcher/www/assets/logo.png',
        SETTINGS_TEMPLATE_PATHS.app,
        SETTINGS_TEMPLATE_PATHS.tool,
      ]),
    );
    expect(entries).not.toContain('quick-launcher/www/stale.js');
    expect([...entries]).toEqual([...entries].sort());

    const extracted = join(ws.root, 'extracted');
    await mkdir(extracted);
    execFileSync('tar', ['-xzf', result.distribution, '-C', extracted]);
    const html = await readFile(join(extracted, 'quick-launcher/www/index.html'), 'utf8');
    expect(html).toContain('<title>Sample Apps</title>');
    expect(html).toContain('url(/assets/background.png)');
    expect(html).toContain('data-version="0.17.0"');
    for (const name of ['app-launcher.json.hbs', 'tool-launcher.json.hbs']) {
      expect(await readFile(join(extracted, 'quick-launcher/templates', name))).toEqual(await readFile(new URL(name, TEMPLATES)));
    }
    expect(list(result.launcherArchive).every((entry) => entry.startsWith('quick-launcher/'))).toBe(true);

    // The hand-off that render-edge-config and deploy use.
    const manifest = await verifyManifest(result.outputDir, DISTRIBUTION_KIND, 'distribution');
    expect(manifest.files.map((file) => file.path)).toEqual(['cloud-pipeline.0.17.0.tgz', 'quick-launcher.0.17.0.tgz']);
    expect(await readArchiveFile(result.distribution, SETTINGS_TEMPLATE_PATHS.tool)).toEqual(
      await readFile(new URL('tool-launcher.json.hbs', TEMPLATES)),
    );
  });

  it('writes a launcher-only distribution when none is given', async () => {
    const result = await buildDistWithLauncher(inputsFor(ws), depsFor(ws, false));
    expect(result.launcherOnly).toBe(true);
    expect(list(result.distribution).every((entry) => entry.startsWith('quick-launcher/'))).toBe(true);
    expect(result.distributionSha256).toBe(result.launcherSha256);
  });

  it('gives identical bytes for the same inputs and other bytes for a changed source or variable', async () => {
    const first = await buildDistWithLauncher(inputsFor(ws), depsFor(ws, false));
    const second = await buildDistWithLauncher(inputsFor(ws), depsFor(ws, false));
    expect(second.distributionSha256).toBe(first.distributionSha256);
    expect(second.launcherSha256).toBe(first.launcherSha256);
    expect(await sha256File(second.distribution)).toBe(first.distributionSha256);

    const variable = await buildDistWithLauncher(inputsFor(ws, { 'build-env': 'CP_APPLICATIONS_TITLE=Other' }), depsFor(ws, false));
    expect(variable.distributionSha256).not.toBe(first.distributionSha256);

    await appendFile(join(ws.launcher, 'src/style.css'), '\n/* changed */\n');
    const source = await buildDistWithLauncher(inputsFor(ws), depsFor(ws, false));
    expect(source.distributionSha256).not.toBe(first.distributionSha256);
    expect(source.distributionSha256).not.toBe(variable.distributionSha256);
  });

  it('takes every mtime from SOURCE_DATE_EPOCH', async () => {
    const deps = depsFor(ws, false);
    const result = await buildDistWithLauncher(inputsFor(ws), { ...deps, env: { ...deps.env, SOURCE_DATE_EPOCH: '1700000000' } });
    const verbose = execFileSync('tar', ['--utc', '-tvzf', result.distribution], { encoding: 'utf8' });
    const lines = verbose.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/ 0\/0 .* 2023-11-14 22:13 /);
    expect(result.mtime).toBe(1_700_000_000);
  });

  it('skips install and build on a cache hit and misses after a lockfile change', async () => {
    const cold = await buildDistWithLauncher(inputsFor(ws), depsFor(ws));
    expect(cold.cacheHit).toBe(false);
    expect(await calls(ws)).toEqual(['install', 'build']);

    const deps = depsFor(ws);
    const warm = await buildDistWithLauncher(inputsFor(ws), deps);
    expect(warm.cacheHit).toBe(true);
    expect(await calls(ws)).toEqual(['install', 'build']);
    expect(deps.logger.text).toContain('install and build skipped');
    expect(warm.distributionSha256).toBe(cold.distributionSha256);

    const lock = JSON.parse(await readFile(join(ws.launcher, 'package-lock.json'), 'utf8')) as { version: string };
    lock.version = '1.0.1';
    await writeFile(join(ws.launcher, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const miss = await buildDistWithLauncher(inputsFor(ws), depsFor(ws));
    expect(miss.cacheHit).toBe(false);
    expect(await calls(ws)).toEqual(['install', 'build', 'install', 'build']);
  });

  it('keeps build-env values out of the log, the summary, the outputs and the manifest', async () => {
    const secret = 'build-secret-4f1c9e2a';
    const deps = depsFor(ws);
    const result = await buildDistWithLauncher(inputsFor(ws, { 'build-env': `CP_APPLICATIONS_API_TOKEN=${secret}` }), deps);
    const said = [deps.logger.text, summaryMarkdown(result), JSON.stringify(outputsOf(result)), await readFile(join(result.outputDir, 'manifest.json'), 'utf8')];
    for (const text of said) expect(text).not.toContain(secret);
  });

  it('clears stale files from the build output before building', async () => {
    await mkdir(join(ws.launcher, 'build'), { recursive: true });
    await writeFile(join(ws.launcher, 'build', 'stale.js'), 'old');
    const result = await buildDistWithLauncher(inputsFor(ws), depsFor(ws, false));
    expect(list(result.launcherArchive)).not.toContain('quick-launcher/www/stale.js');
  });

  it('copies given assets into the launcher and into the build', async () => {
    const assets = join(ws.root, 'brand');
    await mkdir(assets);
    const logo = Buffer.concat([await readFile(join(ws.launcher, 'assets/logo.png')), Buffer.from('brand')]);
    await writeFile(join(assets, 'logo.png'), logo);
    const result = await buildDistWithLauncher(inputsFor(ws, { assets }), depsFor(ws, false));
    expect(await readFile(join(ws.launcher, 'assets/logo.png'))).toEqual(logo);
    expect(await readArchiveFile(result.launcherArchive, 'quick-launcher/www/assets/logo.png')).toEqual(logo);
    expect(await readdir(join(ws.root, 'out'))).toHaveLength(3);
  });

  it("accepts the launcher's own assets folder as the assets input", async () => {
    const before = await readFile(join(ws.launcher, 'assets/background.png'));
    await buildDistWithLauncher(inputsFor(ws, { assets: join(ws.launcher, 'assets') }), depsFor(ws, false));
    expect(await readFile(join(ws.launcher, 'assets/background.png'))).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
