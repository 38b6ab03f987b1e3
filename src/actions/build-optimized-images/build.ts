import { resolve } from 'node:path';
import { digestOf } from '../../lib/digest.js';
import { InputError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { writeOutputFolder } from '../../lib/output-folder.js';
import type { ImageBuilder } from '../../tools/image-builder.js';
import type { RegistryClient } from '../../tools/registry.js';
import { externalBases, registryBaseResolver, withBaseDigests } from './base-images.js';
import { contextDigest } from './context-digest.js';
import { type Variant, discoverTool, listTools } from './discover.js';
import { type VariantResult, executePlan } from './execute.js';
import { variablesFrom } from './expand.js';
import type { Inputs } from './inputs.js';
import { type PlannedVariant, planBuilds } from './plan.js';
import { parseReference } from './reference.js';
import { TOOLS_KIND, type ToolsManifest, toolsFolderFiles } from './tools-manifest.js';

export const ACTION = 'build-optimized-images';

/** What the core needs from the outside world. */
export interface CoreDeps {
  /** Needed unless `build` is false. */
  builder?: ImageBuilder;
  /** Needed when `push` is true. */
  registry?: RegistryClient;
  logger: Logger;
  /** The environment `${VAR}` falls back to after spec-env. */
  env: Record<string, string | undefined>;
  outputDir: string;
}

export interface BuildResult {
  manifest: ToolsManifest;
  outputDir: string;
  results: VariantResult[];
  counts: Record<'built' | 'reused' | 'fallback', number>;
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

/**
 * The whole action, given its tools: discover and check every tool (nothing is built or pushed
 * until all of it is valid), plan, build/reuse/fall back, and write the `tools` output folder.
 */
export async function buildOptimizedImages(inputs: Inputs, deps: CoreDeps): Promise<BuildResult> {
  const { logger } = deps;
  for (const [image, reference] of inputs.defaultImages) {
    if (!parseReference(image)) throw new InputError('default-images', `'${image}' is not an image name`);
    if (!parseReference(reference)) throw new InputError('default-images', `'${reference}' (for ${image}) is not a valid image reference`);
  }
  const toolsDir = resolve(inputs.toolsDir);
  const variables = variablesFrom(inputs.specEnv, deps.env);
  const variants: Variant[] = [];
  for (const tool of await listTools(toolsDir)) variants.push(...(await discoverTool(toolsDir, tool, { version: inputs.version, variables })));

  const digests = new Map<string, string>();
  const byContext = new Map<string, string>();
  for (const variant of variants) {
    // Per context and Dockerfile: .dockerignore may leave out a sibling variant's Dockerfile.
    const key = `${variant.context}\0${variant.dockerfile}`;
    const digest = byContext.get(key) ?? (await contextDigest(variant.context, variant.dockerfile));
    byContext.set(key, digest);
    digests.set(variant.name, digest);
  }
  const registry = inputs.registry ?? '';
  const prefix = registry ? `${registry}/` : '';
  const planOptions = { prefix, buildArgs: inputs.buildArgs, contextDigests: digests };
  let plan = selectVariants(planBuilds(variants, planOptions), inputs.include);
  // A content tag decides something only when it is looked up in the registry: only then do the
  // bases' digests count (planned again with them folded in; planning is pure and cheap).
  if (inputs.build && inputs.push && deps.registry) {
    const selected = new Set(plan.map((planned) => planned.variant.name));
    const bases = new Map([...externalBases(planBuilds(variants, planOptions), prefix)].filter(([name]) => selected.has(name)));
    const contextDigests = await withBaseDigests(digests, bases, registryBaseResolver(deps.registry), logger);
    plan = selectVariants(planBuilds(variants, { ...planOptions, contextDigests }), inputs.include);
  }
  const defaultImageOf = (planned: PlannedVariant): string | undefined => defaultImageFor(inputs.defaultImages, planned.variant);
  if (!inputs.build) {
    const missing = plan.filter((planned) => !defaultImageOf(planned)).map((planned) => planned.variant.image);
    if (missing.length > 0) throw new InputError('default-images', `build is false, so every image needs a default; none for ${[...new Set(missing)].join(', ')}`);
    if (inputs.failOnFallback) throw new InputError('fail-on-fallback', 'is true while build is false: every variant would fall back');
  }
  logger.info(`${plan.length} variant(s): ${plan.map((planned) => `${planned.variant.name} (${planned.contentTag})`).join(', ')}`);

  const namespace = registry.includes('/') ? `${registry.slice(registry.indexOf('/') + 1)}/` : '';
  const results = await executePlan(
    plan,
    {
      prefix,
      namespace,
      push: inputs.push,
      insecure: inputs.registryInsecure,
      build: inputs.build,
      fallback: inputs.fallback,
      failOnFallback: inputs.failOnFallback,
      rebuild: inputs.rebuild,
      maxParallel: inputs.maxParallel,
      defaultImageOf,
    },
    deps,
  );
  const { manifest, files } = await toolsFolderFiles(results, { registry, version: inputs.version });
  const inputsDigest = digestOf({
    ...inputs,
    // Whether the step writes a job summary does not shape the folder.
    summary: undefined,
    buildArgs: Object.fromEntries(inputs.buildArgs),
    specEnv: [...inputs.specEnv.keys()].sort(),
    defaultImages: Object.fromEntries(inputs.defaultImages),
    contentTags: plan.map((planned) => planned.contentTag),
  });
  await writeOutputFolder(deps.outputDir, files, { kind: TOOLS_KIND, action: ACTION, inputsDigest }, 'output-dir');
  const counts = { built: 0, reused: 0, fallback: 0 };
  for (const result of results) counts[result.state]++;
  return { manifest, outputDir: resolve(deps.outputDir), results, counts };
}
