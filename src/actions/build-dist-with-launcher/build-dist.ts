import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { digestOf, sha256File } from '../../lib/digest.js';
import { DISTRIBUTION_KIND } from '../../lib/distribution-layout.js';
import { InputError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Manifest } from '../../lib/manifest.js';
import { StagedOutput } from '../../lib/output-folder.js';
import { runnerTemp } from '../../lib/runner-temp.js';
import { DEFAULT_LIMITS, type SafetyLimits } from '../../lib/safe-extract.js';
import { writeTarball } from '../../lib/tarball.js';
import type { CommandRunner } from '../../tools/exec.js';
import { type BuildCache, cacheKey } from './build-cache.js';
import { archiveNames, extractionDir, launcherEntries, readInputDistribution, versionFromName } from './distribution.js';
import { type Inputs, checkVersion } from './inputs.js';
import { buildVariables, checkBuildOutput, checkLauncherSource, prepareAssets, runBuild } from './launcher-build.js';
import { packageVersion, sourceDescription, sourceTime } from './source-facts.js';

const ACTION_NAME = 'build-dist-with-launcher';

/** What the action needs besides its inputs; tests pass fakes or real runners here. */
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

async function resolveVersion(inputs: Inputs, launcherDir: string): Promise<string> {
  if (inputs.version) return inputs.version;
  const fromName = inputs.distribution ? versionFromName(inputs.distribution) : undefined;
  const version = fromName ?? (await packageVersion(launcherDir));
  if (!version) {
    throw new InputError(
      'version',
      'was not given, and neither the distribution file name (cloud-pipeline.<version>.tgz) nor package.json gives one',
    );
  }
  return checkVersion(version, 'version');
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
    const version = await resolveVersion(inputs, launcherDir);
    const time = await sourceTime(launcherDir, env, run);
    const description = await sourceDescription(launcherDir, version, run);
    const variables = buildVariables(version, description, inputs.buildEnv);
    const key = await cacheKey({
      launcherDir,
      buildOutput: inputs.buildOutput,
      variables,
      installCommand: inputs.installCommand,
      buildCommand: inputs.buildCommand,
      exclude: [inputs.outputDir, inputs.cacheDir],
    });
    const inputsDigest = digestOf({
      key,
      version,
      mtime: time.epoch,
      distribution: input ? input.entries.map((entry) => entry.path) : null,
    });
    const output = await StagedOutput.open(inputs.outputDir, { kind: DISTRIBUTION_KIND, action: ACTION_NAME, inputsDigest }, 'output-dir');
    try {
      const buildDir = join(launcherDir, inputs.buildOutput);
      let cacheHit = false;
      if (deps.cache) {
        await rm(buildDir, { recursive: true, force: true });
        cacheHit = await deps.cache.restore(key, buildDir);
        if (cacheHit) {
          cacheHit = await checkBuildOutput(buildDir, 'build-output').then(
            () => true,
            () => false,
          );
        }
        logger.info(cacheHit ? `cache hit (${deps.cache.description}, ${key}): install and build skipped` : `cache miss (${key})`);
      }
      if (!cacheHit) {
        await runBuild({
          launcherDir,
          buildOutput: inputs.buildOutput,
          steps: [
            { input: 'install-command', argv: inputs.installCommand },
            { input: 'build-command', argv: inputs.buildCommand },
          ],
          variables,
          run,
          logger,
          env,
        });
        await deps.cache?.save(key, buildDir);
      }

      const names = archiveNames(version);
      const launcher = await launcherEntries(buildDir);
      logger.info(`archiving with mtime ${time.epoch} (from ${time.from})`);
      await writeTarball(join(output.staging, names.distribution), [...(input?.entries ?? []), ...launcher], { mtime: time.epoch });
      await writeTarball(join(output.staging, names.launcher), launcher, { mtime: time.epoch });
      const manifest = await output.commit();
      const distribution = join(output.dir, names.distribution);
      const launcherArchive = join(output.dir, names.launcher);
      return {
        version,
        outputDir: output.dir,
        distribution,
        launcherArchive,
        distributionSha256: await sha256File(distribution),
        launcherSha256: await sha256File(launcherArchive),
        cacheHit,
        launcherOnly: !input,
        mtime: time.epoch,
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
