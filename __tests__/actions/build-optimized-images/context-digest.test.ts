import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contextDigest } from '../../../src/actions/build-optimized-images/context-digest.js';
import { Dockerignore } from '../../../src/actions/build-optimized-images/dockerignore.js';
import { Docker } from '../../../src/tools/docker.js';
import { execRunner } from '../../../src/tools/exec.js';
import { describeWith } from '../../helpers/services.js';

describe('Dockerignore (Docker semantics over the ignore package)', () => {
  it.each([
    ['patterns are relative to the context root', 'secret.txt', { 'secret.txt': true, 'sub/secret.txt': false }],
    ['a leading / is dropped', '/secret.txt', { 'secret.txt': true, 'sub/secret.txt': false }],
    ['** matches any depth', '**/*.log', { 'a.log': true, 'x/y/a.log': true, 'a.txt': false }],
    ['a folder takes its contents', 'cache', { 'cache/': true, 'cache/a/b': true, 'cached': false }],
    ['a trailing / still matches a file', 'build/', { build: true }],
    ['# only in column 1 is a comment', '#x\n #y', { '#x': false, '#y': true }],
    ['clean: ./a and a/../b', './a\nc/../b', { a: true, b: true, c: false }],
    ['! re-includes inside an excluded folder', 'docs\n!docs/keep.md', { 'docs/x.md': true, 'docs/keep.md': false, 'docs/': true }],
    ['the last matching line wins', '*.md\n!README*.md\nREADME-secret.md', { 'a.md': true, 'README.md': false, 'README-secret.md': true }],
    ['* stays in one segment', '*/temp*', { 'a/temp.txt': true, 'temp.txt': false, 'a/b/temp.txt': false }],
    ['patterns above the context match nothing', '../x\n.', { x: false, 'a/x': false }],
  ])('%s', (_name, text, expected) => {
    const rules = new Dockerignore(text);
    expect(Object.fromEntries(Object.keys(expected).map((path) => [path, rules.excludes(path)]))).toEqual(expected);
  });
});

describe('contextDigest and .dockerignore', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qla-ctx-'));
    await put('Dockerfile', 'FROM scratch\nCOPY . /ctx/\n');
    await put('app.txt', 'app');
    await put('notes/draft.md', 'draft');
    await put('notes/keep.md', 'keep');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  async function put(path: string, text: string): Promise<void> {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const digest = (dockerfile = 'Dockerfile'): Promise<string> => contextDigest(dir, join(dir, dockerfile));

  it('an edit of an excluded file keeps the tag; an edit of an included one changes it', async () => {
    await put('.dockerignore', 'notes\n');
    const before = await digest();
    await put('notes/draft.md', 'edited');
    expect(await digest()).toBe(before);
    await put('app.txt', 'edited');
    expect(await digest()).not.toBe(before);
  });

  it('a file that ! re-includes inside an excluded folder counts', async () => {
    await put('.dockerignore', 'notes\n!notes/keep.md\n');
    const before = await digest();
    await put('notes/draft.md', 'edited');
    expect(await digest()).toBe(before);
    await put('notes/keep.md', 'edited');
    expect(await digest()).not.toBe(before);
  });

  it('a Dockerfile that .dockerignore names still counts; a sibling Dockerfile it names does not', async () => {
    await put('Other.Dockerfile', 'FROM scratch\n');
    await put('.dockerignore', 'Dockerfile\nOther.Dockerfile\n');
    const before = await digest();
    await put('Other.Dockerfile', 'FROM scratch\nCOPY app.txt /\n');
    expect(await digest()).toBe(before);
    await put('Dockerfile', 'FROM scratch\nCOPY app.txt /\n');
    expect(await digest()).not.toBe(before);
  });

  it('without a .dockerignore every file counts', async () => {
    const before = await digest();
    await put('notes/draft.md', 'edited');
    expect(await digest()).not.toBe(before);
  });

  it('a .containerignore (read first by buildah and podman) turns the filtering off', async () => {
    await put('.dockerignore', 'notes\n');
    await put('.containerignore', '');
    const before = await digest();
    await put('notes/draft.md', 'edited');
    expect(await digest()).not.toBe(before);
  });
});

describeWith(['docker'])('a real docker build of a context with .dockerignore', () => {
  it('leaves out what the content tag leaves out and keeps what ! re-includes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qla-ctx-docker-'));
    const reference = `qla-dockerignore:${Date.now()}`;
    try {
      await mkdir(join(dir, 'notes'));
      await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx/\n');
      await writeFile(join(dir, '.dockerignore'), 'notes\n!notes/keep.md\nDockerfile\n');
      await writeFile(join(dir, 'app.txt'), 'app');
      await writeFile(join(dir, 'notes', 'draft.md'), 'draft');
      await writeFile(join(dir, 'notes', 'keep.md'), 'keep');
      await new Docker(execRunner).build({ context: dir, dockerfile: join(dir, 'Dockerfile'), tags: [reference], buildArgs: new Map() });
      const container = execFileSync('docker', ['create', reference, '/none'], { encoding: 'utf8' }).trim();
      const listing = execFileSync('sh', ['-c', `docker export ${container} | tar -t`], { encoding: 'utf8' });
      execFileSync('docker', ['rm', container]);
      const files = listing.split('\n').filter((line) => line.startsWith('ctx/') && !line.endsWith('/'));
      expect(files.sort()).toEqual(['ctx/.dockerignore', 'ctx/app.txt', 'ctx/notes/keep.md']);

      const before = await contextDigest(dir, join(dir, 'Dockerfile'));
      await writeFile(join(dir, 'notes', 'draft.md'), 'edited');
      expect(await contextDigest(dir, join(dir, 'Dockerfile'))).toBe(before);
    } finally {
      execFileSync('docker', ['rmi', '-f', reference], { stdio: 'ignore' });
      await rm(dir, { recursive: true, force: true });
    }
  });
});
