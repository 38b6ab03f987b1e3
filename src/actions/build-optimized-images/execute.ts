import { resolve } from 'node:path';
import type { Logger } from '../../lib/logger.js';
import { writeOutputFolder } from '../../lib/output-folder.js';
import { workFolder } from '../../lib/runner-temp.js';
import type { ImageBuilder } from '../../tools/image-builder.js';
import type { RegistryClient } from '../../tools/registry.js';
import { externalBases, registryBaseResolver, withBaseDigests } from './base-images.js';
import { type VariantResult, executePlan } from './build-variants.js';
import { connectRegistry, resolveBuilder } from './connect.js';
import { contextDigest } from './context-digest.js';
import { type Variant, discoverTool, listTools } from './discover.js';
import { variablesFrom } from './expand.js';
import type { Inputs } from './inputs.js';
import { checkDefaultImages, checkWithoutBuild, defaultImageFor, inputsDigestOf, planBuilds, registryNames, selectVariants, type PlannedVariant } from './plan.js';
import { TOOLS_KIND, type ToolsManifest, toolsFolderFiles } from './tools-manifest.js';

const ACTION = 'build-optimized-images';

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

/**
 * build-optimized-images' work once its inputs parsed, with the runner's tools: the builder the
 * input names (else the first on PATH) and the registry, checked to answer before anything is
 * built. `builder` is returned for the summary.
 */
export async function execute(inputs: Inputs, { env, logger }: { env: NodeJS.ProcessEnv; logger: Logger }): Promise<BuildResult & { builder?: ImageBuilder }> {
  const builder = inputs.build ? await resolveBuilder(inputs.builder) : undefined;
  const registry = await connectRegistry(inputs);
  const result = await buildOptimizedImages(inputs, { builder, registry, logger, env, outputDir: inputs.outputDir ?? workFolder(env, 'tools') });
  return { ...result, ...(builder ? { builder } : {}) };
}

/**
 * The whole action, given its tools: discover and check every tool (nothing is built or pushed
 * until all of it is valid), plan, build/reuse/fall back, and write the `tools` output folder.
 */
export async function buildOptimizedImages(inputs: Inputs, deps: CoreDeps): Promise<BuildResult> {
  const { logger } = deps;
  checkDefaultImages(inputs.defaultImages);
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
  const { prefix, namespace } = registryNames(inputs.registry);
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
  checkWithoutBuild(plan, inputs);
  logger.info(`${plan.length} variant(s): ${plan.map((planned) => `${planned.variant.name} (${planned.contentTag})`).join(', ')}`);

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
  const { manifest, files } = await toolsFolderFiles(results, { registry: inputs.registry ?? '', version: inputs.version });
  await writeOutputFolder(deps.outputDir, files, { kind: TOOLS_KIND, action: ACTION, inputsDigest: inputsDigestOf(inputs, plan) }, 'output-dir');
  const counts = { built: 0, reused: 0, fallback: 0 };
  for (const result of results) counts[result.state]++;
  return { manifest, outputDir: resolve(deps.outputDir), results, counts };
}
