import { FileError, InputError } from '../../lib/errors.js';
import { digestOf } from '../../lib/digest.js';
import { substituteArgs } from './dockerfile.js';
import type { Variant } from './discover.js';
import type { Inputs } from './inputs.js';
import { parseReference } from './reference.js';

/*
 * build-optimized-images' decisions, apart from the I/O execute.ts does (pure, table-tested in
 * __tests__/actions/build-optimized-images/): every variant's content tag, build args, parents
 * and order (planBuilds), which variants `include` selects, each one's default image, what
 * `build: false` needs, the registry names, and the output folder's inputs digest.
 */

/** A variant with everything the build needs decided. */
export interface PlannedVariant {
  variant: Variant;
  /** `c-<12 hex>`: digest of the build context, Dockerfile, build args and parents' content tags. */
  contentTag: string;
  /** Build args as passed to the builder (optimized images named by full reference). */
  buildArgs: Map<string, string>;
  /** Names of the variants this one is built FROM. */
  parents: string[];
}

export interface PlanOptions {
  /** `registry/namespace/` or '' when images stay local. */
  prefix: string;
  /** Action-wide build args; a variant's own win. */
  buildArgs: ReadonlyMap<string, string>;
  /** Digest of each variant's build context, by variant name. */
  contextDigests: ReadonlyMap<string, string>;
}

/** The variant an image reference names, if it names an optimized image of this run. */
function findOptimized(variants: readonly Variant[], repository: string, tag: string | undefined): Variant | undefined {
  const sameImage = variants.filter((variant) => variant.image === repository);
  if (sameImage.length === 0) return undefined;
  return sameImage.find((variant) => variant.tags.includes(tag ?? 'latest')) ?? (tag ? undefined : sameImage[0]);
}

/** Orders variants parents-first; a cycle is an error naming every variant in it. */
function buildOrder(parentsOf: ReadonlyMap<string, string[]>, origins: ReadonlyMap<string, Variant>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const variant = origins.get(name);
      throw new FileError(
        { file: variant?.dockerfile ?? name },
        `FROM cycle between optimized images: ${cycle.join(' -> ')}`,
      );
    }
    state.set(name, 'visiting');
    for (const parent of parentsOf.get(name) ?? []) visit(parent, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...parentsOf.keys()].sort()) visit(name, []);
  return order;
}

/**
 * Decides build args, parents and content tags of every variant, in build order (pure).
 * A build arg (or a Dockerfile ARG default) whose value names an optimized image of this run is
 * replaced by that image's content-tag reference, so a variant is always built on exactly the
 * parent of this run and its content tag changes whenever its parent's does.
 */
export function planBuilds(variants: readonly Variant[], options: PlanOptions): PlannedVariant[] {
  const byName = new Map<string, Variant>();
  const tagOwner = new Map<string, string>();
  for (const variant of variants) {
    if (byName.has(variant.name)) throw new FileError(variant.origin, `variant name '${variant.name}' is used twice`);
    byName.set(variant.name, variant);
    for (const tag of variant.tags) {
      const key = `${variant.image}:${tag}`;
      const owner = tagOwner.get(key);
      if (owner) throw new FileError(variant.origin, `${key} is produced by both '${owner}' and '${variant.name}'`);
      tagOwner.set(key, variant.name);
    }
  }
  const parentsOf = new Map<string, string[]>();
  const logicalArgs = new Map<string, Map<string, string>>();
  const parentArgs = new Map<string, Map<string, string>>();
  for (const variant of variants) {
    const facts = variant.dockerfileFacts;
    const args = new Map<string, string | undefined>(facts.globalArgs);
    for (const [key, value] of options.buildArgs) args.set(key, value);
    for (const [key, value] of variant.buildArgs) args.set(key, value);
    const parents = new Set<string>();
    const viaArg = new Map<string, string>();
    for (const [key, value] of args) {
      if (value === undefined) continue;
      const reference = parseReference(value);
      if (!reference || reference.digest) continue;
      const path = reference.host ? undefined : reference.path;
      const parent = path ? findOptimized(variants, path, reference.tag) : undefined;
      if (parent) {
        parents.add(parent.name);
        viaArg.set(key, parent.name);
      }
    }
    for (const from of facts.froms) {
      if (facts.stages.has(from.image)) continue;
      const image = substituteArgs(from.image, args);
      const reference = parseReference(image);
      if (!reference) {
        throw new FileError({ file: variant.dockerfile, line: from.line }, `FROM '${image}' is not a valid image reference (variant '${variant.name}')`);
      }
      const fullPath = reference.host ? `${reference.host}/${reference.path}` : reference.path;
      const prefixed = options.prefix && `${fullPath}/`.startsWith(options.prefix) ? fullPath.slice(options.prefix.length) : undefined;
      const literal = prefixed ?? (reference.host ? undefined : reference.path);
      const parent = literal ? findOptimized(variants, literal, reference.tag) : undefined;
      if (!parent || [...viaArg.values()].includes(parent.name)) continue;
      if (options.prefix && prefixed === undefined) {
        throw new FileError(
          { file: variant.dockerfile, line: from.line },
          `FROM ${image} names the optimized image ${parent.image} without the registry; use ARG BASE_IMAGE=${parent.image} and FROM \${BASE_IMAGE} so it is resolved to this run's image`,
        );
      }
      parents.add(parent.name);
    }
    parentsOf.set(variant.name, [...parents].sort());
    parentArgs.set(variant.name, new Map([...viaArg]));
    const given = new Map<string, string>();
    for (const [key, value] of args) if (value !== undefined && (variant.buildArgs.has(key) || options.buildArgs.has(key) || viaArg.has(key))) given.set(key, value);
    logicalArgs.set(variant.name, given);
  }
  const order = buildOrder(parentsOf, byName);
  const planned = new Map<string, PlannedVariant>();
  for (const name of order) {
    const variant = byName.get(name);
    if (!variant) throw new Error(`internal: unknown variant ${name}`);
    const logical = new Map(logicalArgs.get(name));
    const real = new Map(logical);
    for (const [key, parentName] of parentArgs.get(name) ?? []) {
      const parent = planned.get(parentName);
      if (!parent) throw new Error(`internal: ${parentName} planned after ${name}`);
      logical.set(key, `${parent.variant.image}:${parent.contentTag}`);
      real.set(key, `${options.prefix}${parent.variant.image}:${parent.contentTag}`);
    }
    const parents = parentsOf.get(name) ?? [];
    const digest = digestOf({
      context: options.contextDigests.get(name),
      dockerfile: variant.dockerfile.slice(variant.context.length),
      args: Object.fromEntries(logical),
      parents: parents.map((parentName) => planned.get(parentName)?.contentTag),
    });
    planned.set(name, { variant, contentTag: `c-${digest.slice('sha256:'.length, 'sha256:'.length + 12)}`, buildArgs: real, parents });
  }
  return order.map((name) => planned.get(name) as PlannedVariant);
}

/** Keeps the variants `include` names (tool folder, image or variant name) and their parents. */
export function selectVariants(plan: readonly PlannedVariant[], include: readonly string[]): PlannedVariant[] {
  if (include.length === 0) return [...plan];
  const byName = new Map(plan.map((planned) => [planned.variant.name, planned]));
  const wanted = new Set<string>();
  for (const item of include) {
    const matches = plan.filter(({ variant }) => variant.tool === item || variant.image === item || variant.name === item);
    if (matches.length === 0) throw new InputError('include', `'${item}' names no tool folder, image or variant`);
    const add = (name: string): void => {
      if (wanted.has(name)) return;
      wanted.add(name);
      for (const parent of byName.get(name)?.parents ?? []) add(parent);
    };
    for (const match of matches) add(match.variant.name);
  }
  return plan.filter((planned) => wanted.has(planned.variant.name));
}

/** The default image of a variant: mapped by `image:tag` (any of its tags) or by `image`. */
export function defaultImageFor(defaults: ReadonlyMap<string, string>, variant: Variant): string | undefined {
  for (const tag of variant.tags) {
    const found = defaults.get(`${variant.image}:${tag}`);
    if (found) return found;
  }
  return defaults.get(variant.image);
}

/** Every `default-images` pair names an image and a valid reference. */
export function checkDefaultImages(defaults: ReadonlyMap<string, string>): void {
  for (const [image, reference] of defaults) {
    if (!parseReference(image)) throw new InputError('default-images', `'${image}' is not an image name`);
    if (!parseReference(reference)) throw new InputError('default-images', `'${reference}' (for ${image}) is not a valid image reference`);
  }
}

/** With `build: false` every variant falls back: each needs a default image, and `fail-on-fallback` cannot hold. */
export function checkWithoutBuild(plan: readonly PlannedVariant[], inputs: Pick<Inputs, 'build' | 'defaultImages' | 'failOnFallback'>): void {
  if (inputs.build) return;
  const missing = plan.filter((planned) => !defaultImageFor(inputs.defaultImages, planned.variant)).map((planned) => planned.variant.image);
  if (missing.length > 0) throw new InputError('default-images', `build is false, so every image needs a default; none for ${[...new Set(missing)].join(', ')}`);
  if (inputs.failOnFallback) throw new InputError('fail-on-fallback', 'is true while build is false: every variant would fall back');
}

/** The `registry` input as names: `prefix` of every image reference, `namespace` inside the registry for its API. */
export function registryNames(registry: string | undefined): { prefix: string; namespace: string } {
  const given = registry ?? '';
  return { prefix: given ? `${given}/` : '', namespace: given.includes('/') ? `${given.slice(given.indexOf('/') + 1)}/` : '' };
}

/** The tools folder's inputs digest: the inputs that shape it, and every content tag planned. */
export function inputsDigestOf(inputs: Inputs, plan: readonly PlannedVariant[]): string {
  return digestOf({
    ...inputs,
    // Whether the step writes a job summary does not shape the folder.
    summary: undefined,
    buildArgs: Object.fromEntries(inputs.buildArgs),
    specEnv: [...inputs.specEnv.keys()].sort(),
    defaultImages: Object.fromEntries(inputs.defaultImages),
    contentTags: plan.map((planned) => planned.contentTag),
  });
}
