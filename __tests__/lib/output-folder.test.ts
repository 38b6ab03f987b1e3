import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/lib/errors.js';
import { StagedOutput, writeOutputFolder } from '../../src/lib/output-folder.js';

let parent: string;
const header = { kind: 'edge-config', action: 'render-edge-config', inputsDigest: 'sha256:1' };

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'qla-output-'));
});

describe('writeOutputFolder', () => {
  test('writes the files and the manifest', async () => {
    const dir = join(parent, 'out');
    const manifest = await writeOutputFolder(dir, [{ path: 'a/b.txt', content: 'b' }], header);
    expect(manifest.files.map((file) => file.path)).toEqual(['a/b.txt']);
    expect((await readdir(dir)).sort()).toEqual(['a', 'manifest.json']);
  });

  test('replaces an earlier output of the same kind, dropping stale files', async () => {
    const dir = join(parent, 'out');
    await writeOutputFolder(dir, [{ path: 'old.conf', content: 'old' }], header);
    await writeOutputFolder(dir, [{ path: 'new.conf', content: 'new' }], header);
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'new.conf']);
    expect(await readdir(parent)).toEqual(['out']);
  });

  test("refuses a folder that is the user's, or an output of another kind", async () => {
    const mine = join(parent, 'mine');
    await mkdir(mine);
    await writeFile(join(mine, 'notes.txt'), 'keep');
    await expect(writeOutputFolder(mine, [{ path: 'x', content: 'x' }], header)).rejects.toThrow(InputError);
    expect(await readFile(join(mine, 'notes.txt'), 'utf8')).toBe('keep');
    const tools = join(parent, 'tools');
    await writeOutputFolder(tools, [{ path: 't.json', content: '{}' }], { ...header, kind: 'tools' });
    await expect(writeOutputFolder(tools, [{ path: 'x', content: 'x' }], header)).rejects.toThrow(/does not hold an earlier 'edge-config' output/);
  });

  test('a failure before commit leaves the earlier output as it was and no staging folder', async () => {
    const dir = join(parent, 'out');
    await writeOutputFolder(dir, [{ path: 'kept.conf', content: 'kept' }], header);
    const staged = await StagedOutput.open(dir, header, 'output-dir');
    await staged.write({ path: 'half.conf', content: 'half' });
    await staged.discard();
    expect(await readdir(dir)).toEqual(['kept.conf', 'manifest.json']);
    expect(await readdir(parent)).toEqual(['out']);
    await expect(writeOutputFolder(dir, [{ path: '../escape', content: 'x' }], header)).rejects.toThrow(/not a plain relative path/);
    expect(existsSync(join(parent, 'escape'))).toBe(false);
    expect(await readdir(parent)).toEqual(['out']);
  });
});
