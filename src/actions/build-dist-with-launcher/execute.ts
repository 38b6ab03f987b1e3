import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256File } from '../../lib/digest.js';
import { DISTRIBUTION_KIND } from '../../lib/distribution-layout.js';
import type { Logger } from '../../lib/logger.js';
import type { Manifest } from '../../lib/manifest.js';
import { StagedOutput } from '../../lib/output-folder.js';
import { runnerTemp } from '../../lib/runner-temp.js';
import { DEFAULT_LIMITS, type SafetyLimits } from '../../lib/safe-extract.js';
import { writeTarball } from '../../lib/tarball.js';
import { execRunner, type CommandRunner } from '../../tools/exec.js';
import { ActionsCache, LocalFolderCache, lockfileDigests, platformOf, sourceDigests, type BuildCache } from './build-cache.js';
import { extractionDir, launcherEntries, readInputDistribution } from './distribution.js';
import type { Inputs } from './inputs.js';
import { checkBuildOutput, checkLauncherSource, prepareAssets, runBuild } from './launcher-build.js';
import { archivesOf, cacheKeyOf, cacheOutcome, inputsDigestOf, planBuild } from './plan.js';
import { readSourceFacts } from './source-facts.js';

const ACTION_NAME = 'build-dist-with-launcher';

/** What the build needs besides its inputs; tests pass fakes or real runners here. */
export interface Dependencies {
  run: CommandRunner;
  logger: Logger;
  /** undefined: no cache (input `cache: false`). */
  cache?: BuildCache;
  env?: NodeJS.ProcessEnv;
  limits?: SafetyLimits;
}

/** What one run produced; the paths are inside the committed output folder. */
export interface BuildResult {
  version: string;
  outputDir: string;
  distribution: string;
  launcherArchive: string;
  distributionSha256: string;
  launcherSha256: string;
  cacheHit: boolean;
  /** True when no input distribution was given (the distribution holds only the launcher). */
  launcherOnly: boolean;
  mtime: number;
  cacheKey: string;
  manifest: Manifest;
}

/**
 * build-dist-with-launcher's work once its inputs parsed, with the runner's tools: commands, and
 * the @actions/cache service when the runner has one, else the cache folder.
 */
export async function execute(inputs: Inputs, { env, logger }: { env: NodeJS.ProcessEnv; logger: Logger }): Promise<BuildResult> {
  const cache = inputs.cache ? (ActionsCache.available(env) ? new ActionsCache(logger) : new LocalFolderCache(inputs.cacheDir, logger)) : undefined;
  return buildDistWithLauncher(inputs, { run: execRunner, logger, cache, env });
}

/**
 * Builds the launcher (or restores it from the cache) and writes the output folder:
 * `cloud-pipeline.<version>.tgz` with the launcher under `quick-launcher/`, the launcher-only
 * `quick-launcher.<version>.tgz` and `manifest.json`. Every check that can fail on user input
 * runs before the build, and nothing reaches the output folder unless everything succeeded.
 */
export async function buildDistWithLauncher(inputs: Inputs, deps: Dependencies): Promise<BuildResult> {
  const { logger, run } = deps;
  const env = deps.env ?? process.env;
  const launcherDir = resolve(inputs.launcherSource);
  await checkLauncherSource(launcherDir);
  await prepareAssets(launcherDir, inputs.assets, logger);

  const workBase = join(runnerTemp(env), 'quick-launcher');
  await mkdir(workBase, { recursive: true });
  const work = await mkdtemp(join(workBase, 'work-'));
  try {
    const input = inputs.distribution
      ? await readInputDistribution(inputs.distribution, extractionDir(work), deps.limits ?? DEFAULT_LIMITS)
      : undefined;
    if (input) {
      logger.info(`distribution ${inputs.distribution}: ${input.count} entries checked`);
      if (input.hadLauncher) logger.info('it already holds a quick-launcher/ tree: that tree is replaced');
    }
    const plan = planBuild(inputs, await readSourceFacts(launcherDir, env, run));
    const key = cacheKeyOf({
      sources: await sourceDigests(launcherDir, inputs.buildOutput, [inputs.outputDir, inputs.cacheDir]),
      lockfiles: await lockfileDigests(launcherDir),
      variables: plan.variables,
      installCommand: inputs.installCommand,
      buildCommand: inputs.buildCommand,
      buildOutput: inputs.buildOutput,
      platform: platformOf(),
    });
    const inputsDigest = inputsDigestOf(key, plan, input?.entries.map((entry) => entry.path));
    const output = await StagedOutput.open(inputs.outputDir, { kind: DISTRIBUTION_KIND, action: ACTION_NAME, inputsDigest }, 'output-dir');
    try {
      const buildDir = join(launcherDir, inputs.buildOutput);
      let restoredValid = false;
      if (deps.cache) {
        await rm(buildDir, { recursive: true, force: true });
        restoredValid = (await deps.cache.restore(key, buildDir)) && (await checkBuildOutput(buildDir, 'build-output').then(() => true, () => false));
      }
      const cache = cacheOutcome(deps.cache, key, restoredValid);
      if (cache.line) logger.info(cache.line);
      if (cache.build) await runBuild({ launcherDir, buildOutput: inputs.buildOutput, steps: plan.steps, variables: plan.variables, run, logger, env });
      if (cache.save) await deps.cache?.save(key, buildDir);

      const launcher = await launcherEntries(buildDir);
      logger.info(`archiving with mtime ${plan.time.epoch} (from ${plan.time.from})`);
      for (const archive of archivesOf(plan, input?.entries, launcher)) {
        await writeTarball(join(output.staging, archive.name), archive.entries, { mtime: plan.time.epoch });
      }
      const manifest = await output.commit();
      const distribution = join(output.dir, plan.archives.distribution);
      const launcherArchive = join(output.dir, plan.archives.launcher);
      return {
        version: plan.version,
        outputDir: output.dir,
        distribution,
        launcherArchive,
        distributionSha256: await sha256File(distribution),
        launcherSha256: await sha256File(launcherArchive),
        cacheHit: cache.hit,
        launcherOnly: !input,
        mtime: plan.time.epoch,
        cacheKey: key,
        manifest,
      };
    } catch (error) {
      await output.discard();
      throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
