import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Docker, dockerBuildArgs, dockerPushArgs } from '../../src/tools/docker.js';
import { type CommandRunner, execRunner } from '../../src/tools/exec.js';
import { BuildFailedError, BuilderCommandError, buildArgFlags, failingStep } from '../../src/tools/image-builder.js';
import { describeWith } from '../helpers/services.js';

const request = {
  context: '/ctx',
  dockerfile: '/ctx/Dockerfile',
  tags: ['r/a:1', 'r/a:c-123'],
  buildArgs: new Map([['Z', 'last'], ['BASE_IMAGE', 'r/base:c-9']]),
};

describe('docker argv', () => {
  it.each([
    ['build', dockerBuildArgs(request), ['build', '--file', '/ctx/Dockerfile', '--tag', 'r/a:1', '--tag', 'r/a:c-123', '--build-arg', 'BASE_IMAGE=r/base:c-9', '--build-arg', 'Z=last', '/ctx']],
    ['build without args', dockerBuildArgs({ ...request, tags: ['x'], buildArgs: new Map() }), ['build', '--file', '/ctx/Dockerfile', '--tag', 'x', '/ctx']],
    ['push', dockerPushArgs('r/a:1'), ['push', 'r/a:1']],
    ['build args sorted', buildArgFlags(new Map([['B', '2'], ['A', '1=x']])), ['--build-arg', 'A=1=x', '--build-arg', 'B=2']],
  ])('%s', (_name, argv, expected) => {
    expect(argv).toEqual(expected);
  });
});

describe('failingStep', () => {
  it.each([
    ['Step 1/3 : FROM x\n ---> abc\nStep 2/3 : RUN false\n ---> Running in 1\nerror', 'step 2/3: RUN false'],
    ['STEP 1/2: FROM x\nSTEP 2/2: RUN exit 3\nerror building', 'step 2/2: RUN exit 3'],
    ['no steps at all', undefined],
  ])('%j', (output, expected) => {
    expect(failingStep(output)).toBe(expected);
  });
});

describe('Docker with a recording runner', () => {
  it('runs one command per call and turns a failure into an error with the step and the log tail', async () => {
    const calls: string[][] = [];
    const runner: CommandRunner = (command, args) => {
      calls.push([command, ...args]);
      return Promise.resolve({ exitCode: 1, stdout: 'Step 1/2 : FROM x\nStep 2/2 : RUN false\n', stderr: "The command '/bin/sh -c false' returned a non-zero code: 1" });
    };
    const docker = new Docker(runner, '/usr/bin/docker');
    const error = await docker.build(request).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BuildFailedError);
    expect((error as BuildFailedError).step).toBe('step 2/2: RUN false');
    expect((error as Error).message).toContain("returned a non-zero code: 1");
    await expect(docker.push('r/a:1')).rejects.toBeInstanceOf(BuilderCommandError);
    expect(calls.map((call) => call.slice(0, 2))).toEqual([['/usr/bin/docker', 'build'], ['/usr/bin/docker', 'push']]);
  });
});

describeWith(['docker'])('Docker against a real engine', () => {
  it('reports the failing step of a real build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qla-docker-'));
    try {
      await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY missing-file /x\n');
      const error = await new Docker(execRunner).build({ context: dir, dockerfile: join(dir, 'Dockerfile'), tags: ['qla-test/failing:1'], buildArgs: new Map() }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(BuildFailedError);
      expect((error as BuildFailedError).step).toBe('step 2/2: COPY missing-file /x');
      expect((error as Error).message).toMatch(/missing-file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
