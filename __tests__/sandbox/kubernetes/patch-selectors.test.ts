import { describe, expect, test } from '@jest/globals';
import { dropUnappliedFields, jsonPatch, mergePatch, strategicMergePatch } from '../../../src/sandbox/kubernetes/patch.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from '../../../src/sandbox/kubernetes/selectors.js';
import { rewritePaths } from '../../../src/sandbox/kubernetes/volumes.js';
import { expandReferences } from '../../../src/sandbox/kubernetes/container-process.js';

describe('label selectors', () => {
  const labels = { app: 'launcher', tier: 'web' };
  test.each([
    ['app=launcher', true],
    ['app==launcher', true],
    ['app!=launcher', false],
    ['app!=other', true],
    ['missing!=x', true],
    ['tier in (api, web)', true],
    ['tier notin (web)', false],
    ['missing notin (web)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app=launcher,tier in (api)', false],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  test('a malformed selector is a 400', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(expect.objectContaining({ code: 400 }));
  });

  test('field selectors over any dotted path', () => {
    const event = { metadata: { name: 'x', namespace: 'default' }, involvedObject: { kind: 'Pod' } };
    expect(matchesFields(parseFieldSelector('metadata.name=x,involvedObject.kind==Pod'), event)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.namespace!=default'), event)).toBe(false);
  });
});

describe('patches', () => {
  test('merge patch: null deletes, objects merge, lists replace', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { a: null, b: { c: 4 }, l: [3] })).toEqual({ b: { c: 4, d: 3 }, l: [3] });
  });

  test('strategic merge patch merges containers and env by name, honours $patch and $setElementOrder', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] }, { name: 'b', image: 'b:1' }], args: ['x'] } };
    const patch = {
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
        containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }] }, { name: 'b', $patch: 'delete' }, { name: 'c', image: 'c:1' }],
        args: ['y'],
      },
    };
    expect(strategicMergePatch(live, patch)).toEqual({
      spec: {
        containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }, { name: 'c', image: 'c:1' }],
        args: ['y'],
      },
    });
    expect(strategicMergePatch({ data: { a: '1', b: '2' } }, { data: { $patch: 'replace', c: '3' } })).toEqual({ data: { c: '3' } });
    expect(strategicMergePatch({ f: ['x', 'y'] }, { '$deleteFromPrimitiveList/f': ['x'] })).toEqual({ f: ['y'] });
  });

  test('json patch: add, replace, remove, move, copy, test', () => {
    const doc = { a: { b: 1 }, l: [1, 2] };
    expect(
      jsonPatch(doc, [
        { op: 'add', path: '/l/-', value: 3 },
        { op: 'replace', path: '/a/b', value: 2 },
        { op: 'copy', from: '/a/b', path: '/c' },
        { op: 'move', from: '/c', path: '/d' },
        { op: 'remove', path: '/l/0' },
        { op: 'test', path: '/d', value: 2 },
      ]),
    ).toEqual({ a: { b: 2 }, l: [2, 3], d: 2 });
    expect(doc).toEqual({ a: { b: 1 }, l: [1, 2] });
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/a/b', value: 5 }])).toThrow('testing value /a/b failed');
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/zz' }])).toThrow(expect.objectContaining({ code: 400 }));
  });

  test('server-side apply drops what the manager applied before and no longer applies', () => {
    const live = { data: { a: '1', b: '2', mine: 'x' }, spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
    dropUnappliedFields(live, { data: { mine: 'x' }, spec: { containers: [{ name: 'b' }] } }, { data: {}, spec: { containers: [] } });
    expect(live).toEqual({ data: { a: '1', b: '2' }, spec: { containers: [{ name: 'a' }] } });
  });
});

describe('container paths', () => {
  const mounts = [
    { mountPath: '/opt/edge/external-apps', local: '/tmp/n/opt/edge/external-apps' },
    { mountPath: '/payload', local: '/tmp/p/volumes/payload' },
    { mountPath: '/opt/edge', local: '/tmp/edge' },
  ];
  test.each([
    ['cp /payload/a "/opt/edge/external-apps/b"', 'cp /tmp/p/volumes/payload/a "/tmp/n/opt/edge/external-apps/b"'],
    ['ls /opt/edge /opt/edge/pki', 'ls /tmp/edge /tmp/edge/pki'],
    ['/payloads /x/payload $HOME/payload', '/payloads /x/payload $HOME/payload'],
    ['DIR=/payload;cd /payload:', 'DIR=/tmp/p/volumes/payload;cd /tmp/p/volumes/payload:'],
  ])('%s', (input, expected) => {
    expect(rewritePaths(input, mounts)).toBe(expected);
  });

  test('$(VAR) references expand as the kubelet expands them', () => {
    expect(expandReferences('$(A)/x $(MISSING) $$(A)', { A: 'a' })).toBe('a/x $(MISSING) $(A)');
  });
});
