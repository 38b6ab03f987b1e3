import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execRunner } from '../../src/tools/exec.js';
import { Git } from '../../src/tools/git.js';

describe('Git.lastCommit', () => {
  let root: string;
  const git = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'qla-git-'));
    const repo = join(root, 'repo');
    await mkdir(join(repo, 'launcher'), { recursive: true });
    git(repo, ['init', '-q']);
    await writeFile(join(repo, 'launcher/a.txt'), 'a\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'launcher'], { GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' });
    // A later commit outside the launcher folder must not count.
    await writeFile(join(repo, 'other.txt'), 'b\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'other']);
    await mkdir(join(root, 'plain'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('gives the last commit that touched the folder', async () => {
    const launcher = join(root, 'repo/launcher');
    expect(await new Git(execRunner).lastCommit(launcher, '%ct')).toBe('1700000000');
    expect(await new Git(execRunner).lastCommit(launcher, '%H')).toBe(git(launcher, ['rev-parse', 'HEAD~1']));
  });

  test('a folder outside a checkout, or no git at all, has none', async () => {
    expect(await new Git(execRunner).lastCommit(join(root, 'plain'), '%H')).toBeUndefined();
    expect(await new Git(execRunner, join(root, 'no-such-git')).lastCommit(join(root, 'repo'), '%H')).toBeUndefined();
  });
});
