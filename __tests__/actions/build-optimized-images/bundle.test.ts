import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runBundle as runAs } from '../../helpers/runner.js';
import { describeWith } from '../../helpers/services.js';
import { copyFixture, fixtureSpecEnv, pushBusyboxWithDocker, registryContents, uniqueNamespace } from '../../../src/sandbox/tool-images.js';

const registryHost = process.env.TEST_REGISTRY ?? '127.0.0.1:15000';

/** The bundle run as the runner runs it, in the test's work folder as RUNNER_TEMP. */
const runBundle = (dir: string, inputs: Record<string, string>) => runAs('build-optimized-images', inputs, { runnerTemp: dir });

describeWith(['docker', 'registry'])('the build-optimized-images bundle, run as the runner runs it', () => {
  const namespace = uniqueNamespace();
  let busybox = '';
  let tools = '';
  let work = '';
  const base = (): Record<string, string> => ({
    'tools-dir': tools,
    registry: `${registryHost}/${namespace}`,
    version: '3.0',
    'build-args': `BUSYBOX_IMAGE=${busybox}`,
    'spec-env': fixtureSpecEnv(busybox),
    'max-parallel': '2',
  });

  beforeAll(async () => {
    busybox = await pushBusyboxWithDocker(registryHost, namespace);
    tools = await copyFixture();
    work = await mkdtemp(join(tmpdir(), 'qla-bundle-'));
  }, 60_000);

  afterAll(async () => {
    await rm(tools, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('refuses bad input with exit code 1 and one ::error:: line, nothing pushed', async () => {
    const run = await runBundle(work, { ...base(), builder: 'kaniko' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Input 'builder': 'kaniko' is not one of docker, buildah, podman");
    expect(run.outputs).toEqual({});
    expect(await registryContents(registryHost, namespace)).toEqual({});
  });

  it('names the file and line of an unset spec variable, as an annotation there relative to the workspace', async () => {
    const inputs = { ...base(), 'spec-env': `BUSYBOX_IMAGE=${busybox}` };
    const run = await runAs('build-optimized-images', inputs, { runnerTemp: work, env: { GITHUB_WORKSPACE: dirname(tools) } });
    expect(run.exitCode).toBe(1);
    const file = `${basename(tools)}/base/spec.json`;
    expect(run.stdout).toMatch(new RegExp(`^::error title=Configuration error,file=${file},line=3,col=\\d+::.*base/spec\\.json:3:\\d+: variable CP_PREF_CLUSTER_INSTANCE_TYPE is not set`, 'm'));
    // Outside the workspace the annotation keeps the path as it is.
    const outside = await runAs('build-optimized-images', inputs, { runnerTemp: work, env: { GITHUB_WORKSPACE: work } });
    expect(outside.stdout).toContain(`file=${join(tools, 'base', 'spec.json')},line=3,`);
    expect(await registryContents(registryHost, namespace)).toEqual({});
  });

  it('builds, pushes and writes the outputs, the tools folder and the summary', async () => {
    const run = await runBundle(work, { ...base(), 'output-dir': '' });
    expect(run.stdout).not.toContain('::error::');
    expect(run.exitCode).toBe(0);
    const folder = join(work, 'quick-launcher', 'tools');
    expect(run.outputs).toMatchObject({ 'tools-manifest': folder, 'tools-manifest-file': join(folder, 'tools-manifest.json'), built: '5', reused: '0', fallback: '0' });
    const images = JSON.parse(run.outputs.images) as string[];
    expect(images).toContain(`${registryHost}/${namespace}/optimized/shiny:3.0`);
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { kind: string };
    expect(manifest.kind).toBe('tools');
    expect(run.summary).toContain('Optimized tool images');
    expect(run.summary).toContain(`5 built, 0 reused, 0 fallback (builder: docker); pushed to \`${registryHost}/${namespace}\``);
    expect(run.summary).toMatch(/^\| shiny \| built \|/m);
    const again = await runBundle(work, base());
    expect(again.outputs).toMatchObject({ built: '0', reused: '5', fallback: '0' });
  }, 180_000);

  it('fails naming the variant when a build falls back and fail-on-fallback is set', async () => {
    const run = await runBundle(work, {
      ...base(),
      'build-args': 'BUSYBOX_IMAGE=127.0.0.1:1/none/busybox:1',
      include: 'base',
      'default-images': `optimized/base=${busybox}`,
      'fail-on-fallback': 'true',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Variant 'optimized\/base:3\.0' fell back to .*busybox:1 \(fail-on-fallback is true\): docker build failed/);
  }, 60_000);
});
