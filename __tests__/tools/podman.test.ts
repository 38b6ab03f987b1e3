import { describe, expect, it } from '@jest/globals';
import type { CommandRunner } from '../../src/tools/exec.js';
import { BuildFailedError } from '../../src/tools/image-builder.js';
import { Podman, podmanBuildArgs, podmanPushArgs } from '../../src/tools/podman.js';

const request = { context: '/ctx', dockerfile: '/ctx/Dockerfile', tags: ['r/a:1', 'r/a:latest'], buildArgs: new Map([['A', '1']]) };

describe('podman argv', () => {
  it.each([
    ['build, insecure', podmanBuildArgs(request, { insecure: true }), ['build', '--format', 'docker', '--tls-verify=false', '--file', '/ctx/Dockerfile', '--tag', 'r/a:1', '--tag', 'r/a:latest', '--build-arg', 'A=1', '/ctx']],
    ['build, TLS', podmanBuildArgs(request, { insecure: false }), ['build', '--format', 'docker', '--file', '/ctx/Dockerfile', '--tag', 'r/a:1', '--tag', 'r/a:latest', '--build-arg', 'A=1', '/ctx']],
    ['push, insecure', podmanPushArgs('r/a:1', { insecure: true }), ['push', '--tls-verify=false', 'r/a:1']],
    ['push, TLS', podmanPushArgs('r/a:1', { insecure: false }), ['push', 'r/a:1']],
  ])('%s', (_name, argv, expected) => {
    expect(argv).toEqual(expected);
  });

  // podman is not installed on the project's machines; its CLI is docker's, so a recording runner checks the wiring.
  it('runs one command per call and reports a failed build with its step', async () => {
    const calls: string[][] = [];
    const runner: CommandRunner = (command, args) => {
      calls.push([command, ...args]);
      return Promise.resolve({ exitCode: 125, stdout: 'STEP 1/2: FROM x\nSTEP 2/2: RUN false\n', stderr: 'Error: building at STEP "RUN false": exit status 1' });
    };
    const error = await new Podman(runner).build(request, { insecure: true }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BuildFailedError);
    expect((error as Error).message).toMatch(/^podman build failed at step 2\/2: RUN false:\n[\s\S]*exit status 1$/);
    expect(calls).toEqual([['podman', ...podmanBuildArgs(request, { insecure: true })]]);
  });
});
