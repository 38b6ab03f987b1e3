import { FileError } from '../../lib/errors.js';
import { digestOf } from '../../lib/digest.js';
import { substituteArgs } from './dockerfile.js';
import type { Variant } from './discover.js';
import { parseReference } from './reference.js';

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
export function buildOrder(parentsOf: ReadonlyMap<string, string[]>, origins: ReadonlyMap<string, Variant>): string[] {
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
