import { describe, expect, it } from '@jest/globals';
import type { Variant } from '../../../src/actions/build-optimized-images/discover.js';
import { readDockerfile } from '../../../src/actions/build-optimized-images/dockerfile.js';
import { getInputs } from '../../../src/actions/build-optimized-images/inputs.js';
import {
  checkDefaultImages,
  checkWithoutBuild,
  defaultImageFor,
  inputsDigestOf,
  planBuilds,
  registryNames,
  selectVariants,
} from '../../../src/actions/build-optimized-images/plan.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';

function variant(tool: string, image: string, tags: string[], dockerfile = 'FROM busybox\n'): Variant {
  return {
    tool,
    name: `${image}:${tags[0]}`,
    image,
    tags,
    buildArgs: new Map(),
    context: `/tools/${tool}`,
    dockerfile: `/tools/${tool}/${image.split('/').at(-1) ?? ''}.Dockerfile`,
    dockerfileFacts: readDockerfile(dockerfile),
    spec: {} as Variant['spec'],
    specFile: `/tools/${tool}/spec.json`,
    origin: { file: `/tools/${tool}/Dockerfile` },
  };
}

// base ← child (child is built FROM base), and an unrelated other.
const variants = [
  variant('base', 'optimized/base', ['1']),
  variant('child', 'optimized/child', ['2', 'latest'], 'FROM optimized/base:1\n'),
  variant('other', 'optimized/other', ['3']),
];
const plan = planBuilds(variants, { prefix: '', buildArgs: new Map(), contextDigests: new Map(variants.map((v) => [v.name, 'sha256:ctx'])) });
const inputs = (values: Record<string, string> = {}) => getInputs(new InputReader(inputsFrom({ push: 'false', ...values })), {});

describe('selectVariants', () => {
  it.each([
    ['nothing named: all', [], ['optimized/base:1', 'optimized/child:2', 'optimized/other:3']],
    ['a tool folder, with its parent', ['child'], ['optimized/base:1', 'optimized/child:2']],
    ['an image', ['optimized/other'], ['optimized/other:3']],
    ['a variant name', ['optimized/base:1'], ['optimized/base:1']],
  ])('%s', (_name, include, names) => {
    expect(selectVariants(plan, include).map((planned) => planned.variant.name)).toEqual(names);
  });

  it('refuses a name that matches nothing, naming include', () => {
    expect(() => selectVariants(plan, ['nope'])).toThrow("Input 'include': 'nope' names no tool folder, image or variant");
  });
});

describe('default images', () => {
  const child = variants[1];
  it.each([
    ['by image:tag, any of its tags', new Map([['optimized/child:latest', 'hub/child:9']]), 'hub/child:9'],
    ['image:tag before image', new Map([['optimized/child', 'hub/any'], ['optimized/child:2', 'hub/child:2']]), 'hub/child:2'],
    ['by image', new Map([['optimized/child', 'hub/any']]), 'hub/any'],
    ['none', new Map([['optimized/other', 'hub/other']]), undefined],
  ])('%s', (_name, defaults, expected) => {
    expect(defaultImageFor(defaults, child)).toBe(expected);
  });

  it('checks each pair names an image and a reference', () => {
    expect(() => checkDefaultImages(new Map([['optimized/a', 'hub/a:1']]))).not.toThrow();
    expect(() => checkDefaultImages(new Map([['Not An Image', 'hub/a:1']]))).toThrow("Input 'default-images': 'Not An Image' is not an image name");
    expect(() => checkDefaultImages(new Map([['optimized/a', 'hub/a:!']]))).toThrow("Input 'default-images': 'hub/a:!' (for optimized/a) is not a valid image reference");
  });
});

describe('checkWithoutBuild', () => {
  const all = new Map([['optimized/base', 'hub/base'], ['optimized/child', 'hub/child'], ['optimized/other', 'hub/other']]);
  it.each([
    ['build: true needs nothing', { build: true, defaultImages: new Map<string, string>(), failOnFallback: true }, undefined],
    ['build: false with a default for each image', { build: false, defaultImages: all, failOnFallback: false }, undefined],
    ['build: false, images without a default', { build: false, defaultImages: new Map([['optimized/base', 'hub/base']]), failOnFallback: false }, "Input 'default-images': build is false, so every image needs a default; none for optimized/child, optimized/other"],
    ['build: false with fail-on-fallback', { build: false, defaultImages: all, failOnFallback: true }, "Input 'fail-on-fallback': is true while build is false: every variant would fall back"],
  ])('%s', (_name, given, error) => {
    const check = () => checkWithoutBuild(plan, given);
    if (error) expect(check).toThrow(error);
    else expect(check).not.toThrow();
  });
});

describe('registryNames', () => {
  it.each([
    [undefined, { prefix: '', namespace: '' }],
    ['registry.test:5000', { prefix: 'registry.test:5000/', namespace: '' }],
    ['registry.test:5000/library/tools', { prefix: 'registry.test:5000/library/tools/', namespace: 'library/tools/' }],
  ])('%p', (registry, expected) => {
    expect(registryNames(registry)).toEqual(expected);
  });
});

describe('inputsDigestOf', () => {
  const digest = inputsDigestOf(inputs(), plan);
  it.each([
    ['summary: false (it does not shape the folder)', inputs({ summary: 'false' }), plan, true],
    ['the same inputs', inputs(), plan, true],
    ['another build arg', inputs({ 'build-args': 'A=1' }), plan, false],
    ['another version', inputs({ version: '9' }), plan, false],
    ['other content tags (fewer variants)', inputs(), plan.slice(1), false],
  ])('%s: equal %p', (_name, given, planned, equal) => {
    expect(inputsDigestOf(given, planned) === digest).toBe(equal);
  });
});
