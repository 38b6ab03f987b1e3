import { BuildError, ConfigurationError, EnvironmentError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { ImageBuilder } from '../../tools/image-builder.js';
import type { RegistryClient } from '../../tools/registry.js';
import { BuildLogs } from './build-log.js';
import type { PlannedVariant } from './plan.js';

export type VariantState = 'built' | 'reused' | 'fallback';

/** What happened to one variant. */
export interface VariantResult {
  planned: PlannedVariant;
  state: VariantState;
  /** The reference to pull: `<prefix><image>:<first tag>`, or the default image on fallback. */
  ref: string;
  /** Tags the image carries (content tag included); [] on fallback. */
  tags: string[];
  digest: string | null;
  defaultImage?: string;
  /** Why the variant fell back. */
  reason?: string;
}

export interface ExecuteOptions {
  /** `registry/namespace/` or ''. */
  prefix: string;
  /** Repository path prefix inside the registry (the namespace part, with `/`), for API calls. */
  namespace: string;
  push: boolean;
  insecure: boolean;
  build: boolean;
  fallback: boolean;
  failOnFallback: boolean;
  /** Build even when the content tag is already in the registry (after a base image update). */
  rebuild: boolean;
  maxParallel: number;
  defaultImageOf: (planned: PlannedVariant) => string | undefined;
}

export interface ExecuteDeps {
  builder?: ImageBuilder;
  registry?: RegistryClient;
  logger: Logger;
}

/** Runs `task` for every item once all its parents are done, at most `limit` at a time. */
export async function runOrdered<T>(
  items: readonly T[],
  key: (item: T) => string,
  parentsOf: (item: T) => readonly string[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const done = new Set<string>();
  const started = new Set<string>();
  let failure: unknown;
  let running = 0;
  await new Promise<void>((resolveAll) => {
    const pump = (): void => {
      if (failure === undefined) {
        for (const item of items) {
          if (running >= limit) break;
          const name = key(item);
          if (started.has(name) || !parentsOf(item).every((parent) => done.has(parent))) continue;
          started.add(name);
          running++;
          task(item)
            .then(() => done.add(name))
            .catch((error: unknown) => {
              failure ??= error;
            })
            .finally(() => {
              running--;
              pump();
            });
        }
      }
      if (running === 0) resolveAll();
    };
    pump();
  });
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(errorMessage(failure));
}

/**
 * Builds, reuses or falls back each planned variant, parents first, `maxParallel` at a time.
 * A variant whose content tag is already in the registry is retagged there, never rebuilt.
 */
export async function executePlan(plan: readonly PlannedVariant[], options: ExecuteOptions, deps: ExecuteDeps): Promise<VariantResult[]> {
  const results = new Map<string, VariantResult>();
  const { logger } = deps;
  const logs = new BuildLogs(logger);

  const fallBack = (planned: PlannedVariant, reason: string): VariantResult => {
    const name = planned.variant.name;
    const defaultImage = options.defaultImageOf(planned);
    if (!defaultImage) throw new ConfigurationError(`Variant '${name}': ${reason}, and default-images maps no default image for ${planned.variant.image}`);
    if (options.failOnFallback) throw new ConfigurationError(`Variant '${name}' fell back to ${defaultImage} (fail-on-fallback is true): ${reason}`);
    logger.warning(`Variant '${name}' falls back to the default image ${defaultImage}: ${reason}`);
    return { planned, state: 'fallback', ref: defaultImage, tags: [], digest: null, defaultImage, reason };
  };

  const publish = async (planned: PlannedVariant, repository: string): Promise<string> => {
    const registry = deps.registry as RegistryClient;
    let digest = '';
    for (const tag of planned.variant.tags) digest = await registry.retag(repository, planned.contentTag, tag);
    return digest;
  };

  const one = async (planned: PlannedVariant): Promise<void> => {
    const { variant, contentTag } = planned;
    const tags = [...variant.tags, contentTag];
    const ref = `${options.prefix}${variant.image}:${variant.tags[0]}`;
    const repository = `${options.namespace}${variant.image}`;
    const base = { planned, ref, tags, defaultImage: options.defaultImageOf(planned) };
    if (!options.build) {
      results.set(variant.name, fallBack(planned, 'build is false'));
      return;
    }
    const fallenParent = planned.parents.find((parent) => results.get(parent)?.state === 'fallback');
    if (fallenParent) {
      results.set(variant.name, fallBack(planned, `it is built FROM '${fallenParent}', which fell back`));
      return;
    }
    if (options.push && deps.registry && !options.rebuild) {
      const existing = await deps.registry.digest(repository, contentTag);
      if (existing) {
        const digest = await publish(planned, repository);
        logger.info(`${variant.name}: ${contentTag} is already in the registry; retagged, not rebuilt`);
        results.set(variant.name, { ...base, state: 'reused', digest: digest || existing });
        return;
      }
    }
    const builder = deps.builder as ImageBuilder;
    // Streamed into its own log group (BuildLogs keeps parallel builds' groups apart).
    const section = logs.open(`Building ${ref} (${plan.indexOf(planned) + 1}/${plan.length})`);
    try {
      await builder.build(
        {
          context: variant.context,
          dockerfile: variant.dockerfile,
          tags: tags.map((tag) => `${options.prefix}${variant.image}:${tag}`),
          buildArgs: planned.buildArgs,
        },
        { insecure: options.insecure },
        (line) => section.write(line),
      );
    } catch (error) {
      if (!(error instanceof ConfigurationError || error instanceof BuildError || error instanceof EnvironmentError)) throw error;
      if (!options.fallback) throw new BuildError(`Variant '${variant.name}': ${errorMessage(error)}`, { cause: error });
      results.set(variant.name, fallBack(planned, errorMessage(error).split('\n')[0].replace(/:$/, '')));
      return;
    } finally {
      section.close();
    }
    let digest: string | null = null;
    if (options.push && deps.registry) {
      await builder.push(`${options.prefix}${variant.image}:${contentTag}`, { insecure: options.insecure });
      digest = await publish(planned, repository);
    }
    results.set(variant.name, { ...base, state: 'built', digest });
  };

  try {
    await runOrdered(plan, (planned) => planned.variant.name, (planned) => planned.parents, options.maxParallel, one);
  } finally {
    await logs.drain();
  }
  return plan.map((planned) => results.get(planned.variant.name) as VariantResult);
}
