import { describe, expect, it } from '@jest/globals';
import { fileChanges } from '../../../src/actions/deploy-quick-launcher/file-changes.js';
import type { PayloadIndex } from '../../../src/actions/deploy-quick-launcher/payload.js';

const index = (files: Array<[string, string, number]>): PayloadIndex => ({
  schema: 1,
  hostPath: '/opt/edge/apps',
  installer: 'sha256:i',
  files: files.map(([path, sha256, size]) => ({ path, sha256, size, secret: path.endsWith('settings.json'), chunks: [] })),
});

describe('fileChanges', () => {
  it('names what is added, changed and removed, by path and sha256, sorted by path', () => {
    const live = index([['b.conf', 'x', 1], ['www/old.js', 'o', 5], ['www/same.js', 's', 2]]);
    const next = index([['www/same.js', 's', 2], ['b.conf', 'y', 3], ['a.conf', 'n', 4]]);
    expect(fileChanges(live, next)).toEqual([
      { path: 'a.conf', change: 'added', size: 4 },
      { path: 'b.conf', change: 'changed', size: 3 },
      { path: 'www/old.js', change: 'removed', size: 5 },
    ]);
  });

  it('calls every file added when nothing is live, and nothing when the sets are equal', () => {
    const next = index([['a.conf', 'n', 4], ['quick-launcher/settings.json', 't', 9]]);
    expect(fileChanges(undefined, next).map((change) => change.change)).toEqual(['added', 'added']);
    expect(fileChanges(next, next)).toEqual([]);
  });
});
