import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildah, buildahBuildArgs, buildahGlobalArgs, buildahPushArgs } from '../../src/tools/buildah.js';
import { execRunner } from '../../src/tools/exec.js';
import { BuildFailedError } from '../../src/tools/image-builder.js';
import { describeWith } from '../helpers/services.js';

const request = { context: '/ctx', dockerfile: '/ctx/Dockerfile', tags: ['r/a:1'], buildArgs: new Map([['A', '1']]) };
const storage = { driver: 'vfs', root: '/s/root', runroot: '/s/run' };

describe('buildah argv', () => {
  it.each([
    ['global flags', buildahGlobalArgs({ driver: 'vfs' }), ['--storage-driver', 'vfs']],
    ['global flags with roots', buildahGlobalArgs(storage), ['--storage-driver', 'vfs', '--root', '/s/root', '--runroot', '/s/run']],
    [
      'bud, insecure',
      buildahBuildArgs(storage, request, { insecure: true }),
      ['--storage-driver', 'vfs', '--root', '/s/root', '--runroot', '/s/run', 'bud', '--isolation', 'chroot', '--format', 'docker', '--tls-verify=false', '--file', '/ctx/Dockerfile', '--tag', 'r/a:1', '--build-arg', 'A=1', '/ctx'],
    ],
    [
      'bud, TLS',
      buildahBuildArgs({ driver: 'vfs' }, request, { insecure: false }),
      ['--storage-driver', 'vfs', 'bud', '--isolation', 'chroot', '--format', 'docker', '--file', '/ctx/Dockerfile', '--tag', 'r/a:1', '--build-arg', 'A=1', '/ctx'],
    ],
    ['push, insecure', buildahPushArgs({ driver: 'vfs' }, 'r/a:1', { insecure: true }), ['--storage-driver', 'vfs', 'push', '--tls-verify=false', 'r/a:1']],
    ['push, TLS', buildahPushArgs({ driver: 'vfs' }, 'r/a:1', { insecure: false }), ['--storage-driver', 'vfs', 'push', 'r/a:1']],
  ])('%s', (_name, argv, expected) => {
    expect(argv).toEqual(expected);
  });
});

describeWith(['buildah'])('Buildah for real (vfs, chroot)', () => {
  it('builds FROM scratch and reports the failing step of a broken build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qla-buildah-tool-'));
    const buildah = new Buildah(execRunner, { driver: 'vfs', root: join(dir, 'root'), runroot: join(dir, 'run') });
    try {
      await writeFile(join(dir, 'file.txt'), 'x');
      await writeFile(join(dir, 'Good'), 'FROM scratch\nCOPY file.txt /file.txt\n');
      await writeFile(join(dir, 'Bad'), 'FROM scratch\nCOPY file.txt /file.txt\nCOPY nope /nope\n');
      await buildah.build({ context: dir, dockerfile: join(dir, 'Good'), tags: ['localhost/qla/good:1'], buildArgs: new Map() }, { insecure: true });
      const error = await buildah
        .build({ context: dir, dockerfile: join(dir, 'Bad'), tags: ['localhost/qla/bad:1'], buildArgs: new Map() }, { insecure: true })
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(BuildFailedError);
      expect((error as BuildFailedError).step).toBe('step 3/3: COPY nope /nope');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
