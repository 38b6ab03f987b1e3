import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDistWithLauncher } from '../../../src/actions/build-dist-with-launcher/execute.js';
import { getInputs } from '../../../src/actions/build-dist-with-launcher/inputs.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { type Workspace, calls, depsFor, inputsFor, workspace } from './helpers.js';

describe('build-dist-with-launcher bad input', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  async function outputEntries(): Promise<string[]> {
    return (await readdir(ws.root)).filter((name) => name.startsWith('out') || name.includes('.partial-'));
  }

  it('names a missing launcher folder', async () => {
    const missing = join(ws.root, 'nope');
    await expect(buildDistWithLauncher(inputsFor(ws, { 'launcher-source': missing }), depsFor(ws))).rejects.toThrow(
      `Input 'launcher-source': ${missing} does not exist`,
    );
    expect(await outputEntries()).toEqual([]);
  });

  it('names a launcher folder without package.json', async () => {
    await rm(join(ws.launcher, 'package.json'));
    await expect(buildDistWithLauncher(inputsFor(ws), depsFor(ws))).rejects.toThrow(`Input 'launcher-source': ${ws.launcher} has no package.json`);
  });

  it('gives a failing build command with its exit code and last output lines, and writes nothing', async () => {
    const script = join(ws.root, 'fail.mjs');
    await writeFile(script, "for (let i = 1; i <= 30; i++) console.log('webpack line ' + i);\nconsole.error('ERROR in ./src/index.js');\nprocess.exit(3);\n");
    const error = await buildDistWithLauncher(inputsFor(ws, { 'build-command': `node ${script}` }), depsFor(ws, false)).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toMatch(/^Input 'build-command': 'node .*fail\.mjs' failed with exit code 3; last output:/);
    expect(error?.message).toContain('webpack line 30');
    expect(error?.message).toContain('ERROR in ./src/index.js');
    expect(error?.message).not.toContain('webpack line 1\n');
    expect(await calls(ws)).toEqual(['install']);
    expect(await outputEntries()).toEqual([]);
  });

  it('names a command that cannot start', async () => {
    await expect(buildDistWithLauncher(inputsFor(ws, { 'install-command': 'no-such-program-qla ci' }), depsFor(ws, false))).rejects.toThrow(
      /^Input 'install-command': 'no-such-program-qla ci' could not start/,
    );
  });

  it('names a missing asset before anything runs', async () => {
    await rm(join(ws.launcher, 'assets/favicon.png'));
    await rm(join(ws.launcher, 'assets/logo.png'));
    await expect(buildDistWithLauncher(inputsFor(ws), depsFor(ws))).rejects.toThrow(
      `Input 'assets': the launcher build needs favicon.png, logo.png, not found in ${join(ws.launcher, 'assets')}`,
    );
    expect(await calls(ws)).toEqual([]);
    expect(await outputEntries()).toEqual([]);
  });

  it('names an assets input that is not a folder', async () => {
    await expect(buildDistWithLauncher(inputsFor(ws, { assets: join(ws.root, 'missing-assets') }), depsFor(ws))).rejects.toThrow(
      `Input 'assets': ${join(ws.root, 'missing-assets')} is not a folder`,
    );
  });

  it('refuses an unwritable output folder before the build', async () => {
    await writeFile(join(ws.root, 'a-file'), 'not a folder');
    const output = join(ws.root, 'a-file', 'out');
    await expect(buildDistWithLauncher(inputsFor(ws, { 'output-dir': output }), depsFor(ws))).rejects.toThrow(/^Input 'output-dir': /);
    expect(await calls(ws)).toEqual([]);
  });

  it('refuses to replace a folder that is not an earlier distribution output', async () => {
    const output = join(ws.root, 'out');
    await mkdir(output);
    await writeFile(join(output, 'precious.txt'), 'mine');
    await expect(buildDistWithLauncher(inputsFor(ws), depsFor(ws))).rejects.toThrow(/^Input 'output-dir': .* refusing to replace it/);
    expect(await readFile(join(output, 'precious.txt'), 'utf8')).toBe('mine');
    expect(await calls(ws)).toEqual([]);
  });

  it('fails clearly when the build leaves no index.html', async () => {
    await expect(
      buildDistWithLauncher(inputsFor(ws, { 'build-command': 'node --version' }), depsFor(ws, false)),
    ).rejects.toThrow(`Input 'build-output': the build left no index.html in ${join(ws.launcher, 'build')}`);
    expect(await outputEntries()).toEqual([]);
  });

  it('names a bad SOURCE_DATE_EPOCH', async () => {
    const deps = depsFor(ws);
    await expect(buildDistWithLauncher(inputsFor(ws), { ...deps, env: { ...deps.env, SOURCE_DATE_EPOCH: 'yesterday' } })).rejects.toThrow(
      "SOURCE_DATE_EPOCH='yesterday' is not a whole number",
    );
  });

  it('names a missing distribution', async () => {
    const missing = join(ws.root, 'cloud-pipeline.1.tgz');
    await expect(buildDistWithLauncher(inputsFor(ws, { distribution: missing }), depsFor(ws))).rejects.toThrow(
      `Input 'distribution': ${missing} does not exist`,
    );
  });
});

describe('getInputs', () => {
  const read = (values: Record<string, string>) => () => getInputs(new InputReader(inputsFrom(values)), {});

  it.each([
    [{ version: '1.0 beta' }, "Input 'version': '1.0 beta' is not a valid version"],
    [{ version: '../1' }, "Input 'version': '../1' is not a valid version"],
    [{ 'build-output': '../elsewhere' }, "Input 'build-output': '../elsewhere' must be a sub-folder of the launcher source"],
    [{ 'build-output': '/abs' }, "Input 'build-output': '/abs' must be a sub-folder of the launcher source"],
    [{ 'build-output': '.' }, "Input 'build-output': '.' must be a sub-folder of the launcher source"],
    [{ 'build-output': 'dist/..' }, "Input 'build-output': 'dist/..' must be a sub-folder of the launcher source"],
    [{ cache: 'maybe' }, "Input 'cache': 'maybe' is not a boolean"],
    [{ 'build-env': 'PUBLIC_URL=/\nnot a pair' }, "Input 'build-env': line 2: expected KEY=VALUE"],
    [{ 'install-command': 'npm ci && rm -rf /' }, "Input 'install-command': '&&' is a shell operator"],
    [{ 'build-command': 'npm run "build' }, "Input 'build-command': unclosed \" quote"],
  ])('refuses %j', (values, message) => {
    expect(read(values)).toThrow(message);
  });

  it('has the documented defaults', () => {
    const inputs = getInputs(new InputReader(inputsFrom({})), { RUNNER_TEMP: '/runner/temp' });
    expect(inputs).toMatchObject({
      launcherSource: 'quick-launcher',
      installCommand: ['npm', 'ci'],
      buildCommand: ['npm', 'run', 'build'],
      buildOutput: 'build',
      cache: true,
      cacheDir: '/runner/temp/quick-launcher/build-cache',
      outputDir: '/runner/temp/quick-launcher/distribution',
    });
    expect(inputs.distribution).toBeUndefined();
    expect(getInputs(new InputReader(inputsFrom({ 'build-output': './out/web/' })), {}).buildOutput).toBe('out/web');
  });
});
