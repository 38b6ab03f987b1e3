import { describe, expect, it } from '@jest/globals';
import { summarizeDiff } from '../../../src/actions/deploy-quick-launcher/diff-summary.js';

const DIFF = [
  'diff -u -N /tmp/LIVE-1/v1.ConfigMap.default.ql-abc-cm-0 /tmp/MERGED-2/v1.ConfigMap.default.ql-abc-cm-0',
  '--- /tmp/LIVE-1/v1.ConfigMap.default.ql-abc-cm-0\t2026-11-27',
  '+++ /tmp/MERGED-2/v1.ConfigMap.default.ql-abc-cm-0\t2026-11-27',
  '@@ -0,0 +1,5 @@',
  '+apiVersion: v1',
  `+  f00000.c0000: ${'QUJD'.repeat(100)}`,
  '+  creationTimestamp: "2026-11-27T21:18:00Z"',
  'diff -u -N /tmp/LIVE-1/v1.Secret.default.ql-abc-secret-0 /tmp/MERGED-2/v1.Secret.default.ql-abc-secret-0',
  '@@ -1 +1,3 @@',
  '-null',
  '+  f00001.c0000: c2VjcmV0LXRva2Vu',
  'diff -u -N /tmp/LIVE-1/apps.v1.Deployment.default.cp-edge /tmp/MERGED-2/apps.v1.Deployment.default.cp-edge',
  '@@ -3,1 +3,1 @@',
  '-  a: b',
  '+  a: c',
].join('\n');

describe('summarizeDiff', () => {
  it('lists each object with create or update, hides Secret data and shortens long lines', () => {
    const summary = summarizeDiff(DIFF);
    expect(summary.objects).toEqual([
      { object: 'ConfigMap/ql-abc-cm-0', change: 'create' },
      { object: 'Secret/ql-abc-secret-0', change: 'create' },
      { object: 'Deployment/cp-edge', change: 'update' },
    ]);
    expect(summary.text).not.toContain('c2VjcmV0LXRva2Vu');
    expect(summary.text).toContain('=== Secret/ql-abc-secret-0 (Secret: data not shown)');
    expect(summary.text).toContain('… (417 chars)');
    expect(summary.text).not.toContain('creationTimestamp');
    expect(summary.text).toContain('+  a: c');
  });

  it('an empty diff has no objects', () => {
    expect(summarizeDiff('')).toEqual({ objects: [], text: '' });
  });
});
