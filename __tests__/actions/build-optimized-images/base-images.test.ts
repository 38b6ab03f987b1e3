import { describe, expect, it } from '@jest/globals';
import { type BaseImage, externalBases, withBaseDigests } from '../../../src/actions/build-optimized-images/base-images.js';
import type { Variant } from '../../../src/actions/build-optimized-images/discover.js';
import { readDockerfile } from '../../../src/actions/build-optimized-images/dockerfile.js';
import { planBuilds } from '../../../src/actions/build-optimized-images/plan.js';
import { MemoryLogger } from '../../../src/lib/logger.js';

function variant(image: string, dockerfile: string, buildArgs: Record<string, string> = {}): Variant {
  return {
    tool: image.split('/').at(-1) as string,
    name: image,
    image,
    tags: ['1.0'],
    buildArgs: new Map(Object.entries(buildArgs)),
    context: `/tools/${image}`,
    dockerfile: `/tools/${image}/Dockerfile`,
    dockerfileFacts: readDockerfile(dockerfile),
    spec: {} as Variant['spec'],
    specFile: `/tools/${image}/spec.json`,
    origin: { file: `/tools/${image}/Dockerfile` },
  };
}

const prefix = 'registry.test:5000/ns/';

function basesOf(...variants: Variant[]): Record<string, string[]> {
  const plan = planBuilds(variants, { prefix, buildArgs: new Map(), contextDigests: new Map(variants.map((v) => [v.name, 'sha256:ctx'])) });
  return Object.fromEntries([...externalBases(plan, prefix)].map(([name, bases]) => [name, bases.map((base) => `${base.host} ${base.repository}:${base.tag}`)]));
}

describe('externalBases', () => {
  it('names Docker Hub images by the registry API host, library/ added, latest by default', () => {
    expect(basesOf(variant('a', 'FROM ubuntu\n'), variant('b', 'FROM docker.io/org/tool:2\n'))).toEqual({
      a: ['registry-1.docker.io library/ubuntu:latest'],
      b: ['registry-1.docker.io org/tool:2'],
    });
  });

  it('substitutes build args and ARG defaults, and keeps another registry as it is', () => {
    expect(basesOf(variant('a', 'ARG BASE=quay.test/x/y:1\nFROM ${BASE}\n'), variant('b', 'ARG BASE\nFROM ${BASE}\n', { BASE: 'registry.test:5000/ns/busybox:1' }))).toEqual({
      a: ['quay.test x/y:1'],
      b: ['registry.test:5000 ns/busybox:1'],
    });
  });

  it('leaves out stages, scratch, digest pins and the optimized images of this run', () => {
    const pinned = `ubuntu@sha256:${'a'.repeat(64)}`;
    expect(
      basesOf(
        variant('optimized/base', 'FROM busybox:1 AS build\nFROM build\nFROM scratch\n'),
        variant('optimized/child', `ARG BASE_IMAGE=optimized/base\nFROM \${BASE_IMAGE}\nFROM ${pinned}\nFROM registry.test:5000/ns/optimized/base:1.0\n`),
      ),
    ).toEqual({ 'optimized/base': ['registry-1.docker.io library/busybox:1'], 'optimized/child': [] });
  });
});

describe('withBaseDigests', () => {
  const base: BaseImage = { reference: 'ubuntu:22.04', host: 'registry-1.docker.io', repository: 'library/ubuntu', tag: '22.04' };
  const contexts = new Map([['a', 'sha256:ctx-a'], ['b', 'sha256:ctx-b']]);
  const bases = new Map([['a', [base]], ['b', []]]);

  it('folds a base digest in: a new digest under the same tag changes the digest, the same one does not', async () => {
    const logger = new MemoryLogger();
    const first = await withBaseDigests(contexts, bases, () => Promise.resolve('sha256:1'), logger);
    const again = await withBaseDigests(contexts, bases, () => Promise.resolve('sha256:1'), logger);
    const updated = await withBaseDigests(contexts, bases, () => Promise.resolve('sha256:2'), logger);
    expect(first.get('a')).not.toBe('sha256:ctx-a');
    expect(again.get('a')).toBe(first.get('a'));
    expect(updated.get('a')).not.toBe(first.get('a'));
    expect(first.get('b')).toBe('sha256:ctx-b');
    expect(logger.lines).toEqual([]);
  });

  it('asks once per base, and leaves the digest as it was with a warning when the registry cannot say', async () => {
    const logger = new MemoryLogger();
    let asked = 0;
    const twice = new Map([['a', [base]], ['b', [base]]]);
    const result = await withBaseDigests(contexts, twice, () => {
      asked++;
      return Promise.reject(new Error('cannot reach the registry'));
    }, logger);
    expect(asked).toBe(1);
    expect(result).toEqual(contexts);
    expect(logger.lines).toEqual([
      'warning: Base image ubuntu:22.04: its digest could not be read (cannot reach the registry); its updates do not change the content tag (use rebuild: true)',
    ]);
  });
});
