import { describe, expect, it } from '@jest/globals';
import { BuildError, FileError, InputError } from '../../src/lib/errors.js';
import { annotationOf } from '../../src/lib/run-action.js';
import { buildFailure } from '../../src/tools/image-builder.js';

const env = { GITHUB_WORKSPACE: '/home/runner/work/repo' };

describe('annotationOf', () => {
  it.each([
    ['a FileError inside the workspace', new FileError({ file: '/home/runner/work/repo/tools/a/spec.json', line: 3, column: 9 }, 'bad'), { title: 'Configuration error', file: 'tools/a/spec.json', startLine: 3, startColumn: 9 }],
    ['an InputError outside the workspace', new InputError('edge-config', 'bad', { file: '/tmp/edge/a.conf', line: 2 }), { title: 'Configuration error', file: '/tmp/edge/a.conf', startLine: 2, startColumn: undefined }],
    ['a file without a line', new FileError({ file: '/home/runner/work/repo/x.yml' }, 'bad'), { title: 'Configuration error', file: 'x.yml', startLine: undefined, startColumn: undefined }],
    [
      'a failed build wrapped with its cause',
      new BuildError("Variant 'a': failed", { cause: buildFailure('docker', 'Dockerfile:4\n--------\nERROR: failed to solve: x', '/home/runner/work/repo/tools/a/Dockerfile') }),
      { title: 'Build failed', file: 'tools/a/Dockerfile', startLine: 4, startColumn: undefined },
    ],
  ])('%s', (_name, error, expected) => {
    expect(annotationOf(error, env)).toEqual(expected);
  });

  it('is none for an error that knows no file, and for the workspace folder itself', () => {
    expect(annotationOf(new Error('bug'), env)).toBeUndefined();
    expect(annotationOf(new FileError({ file: '/home/runner/work/repo' }, 'x'), env)?.file).toBe('/home/runner/work/repo');
  });
});
