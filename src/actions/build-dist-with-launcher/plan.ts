import { basename } from 'node:path';
import { digestOf } from '../../lib/digest.js';
import { ConfigurationError, InputError } from '../../lib/errors.js';
import { FALLBACK_EPOCH, type TarEntry } from '../../lib/tarball.js';
import { checkVersion, type Inputs } from './inputs.js';

/*
 * build-dist-with-launcher's decisions, apart from the I/O execute.ts does (pure, table-tested in
 * __tests__/actions/build-dist-with-launcher/plan.test.ts): from the inputs and the facts read
 * about the launcher source, the version, the archives' time, the build's variables and commands,
 * the cache key, and which archives the output folder gets with what in them.
 */

/** What execute.ts reads about the launcher source before anything is decided. */
export interface SourceFacts {
  /** `SOURCE_DATE_EPOCH` as set in the environment (trimmed), if it is. */
  sourceDateEpoch?: string;
  /** `%ct` of the launcher folder's last commit; read only without SOURCE_DATE_EPOCH. */
  commitTime?: string;
  /** `%H` of that commit. */
  commit?: string;
  /** The `version` of the launcher's package.json. */
  packageVersion?: string;
}

/** The time every archive entry carries, and where it came from (for the log). */
export interface SourceTime {
  epoch: number;
  from: 'SOURCE_DATE_EPOCH' | 'commit' | 'fixed';
}

/** A command the build runs, named by the input that gave it. */
export interface BuildStep {
  input: 'install-command' | 'build-command';
  argv: readonly string[];
}

export interface BuildPlan {
  version: string;
  time: SourceTime;
  /** BUILD_DESCRIPTION: the launcher's commit, so the bundle names its source. */
  description: string;
  /** What the action sets for the build (not the whole environment). */
  variables: Record<string, string>;
  /** Run on a cache miss, in this order; a hit skips them. */
  steps: BuildStep[];
  /** The file names of the two archives. */
  archives: { distribution: string; launcher: string };
}

/** The build-time variables pointing at each asset, so index.html links them (reference §1.1a). */
const ASSET_VARIABLES = { BACKGROUND: 'background.png', LOGO: 'logo.png', FAVICON: 'favicon.png' } as const;

/** The file names of the two archives (the Cloud Pipeline build's `cloud-pipeline.<version>.tgz`). */
function archiveNames(version: string): { distribution: string; launcher: string } {
  return { distribution: `cloud-pipeline.${version}.tgz`, launcher: `quick-launcher.${version}.tgz` };
}

/** The version in a distribution file name `cloud-pipeline.<version>.tgz`, if it has one. */
export function versionFromName(path: string): string | undefined {
  return /^cloud-pipeline\.(.+)\.(?:tgz|tar\.gz)$/.exec(basename(path))?.[1];
}

/** The `version` input, else the distribution's file name, else package.json; none is an InputError. */
export function chooseVersion(inputs: Pick<Inputs, 'version' | 'distribution'>, packageVersion: string | undefined): string {
  if (inputs.version) return inputs.version;
  const version = (inputs.distribution ? versionFromName(inputs.distribution) : undefined) ?? packageVersion;
  if (!version) {
    throw new InputError('version', 'was not given, and neither the distribution file name (cloud-pipeline.<version>.tgz) nor package.json gives one');
  }
  return checkVersion(version, 'version');
}

/** SOURCE_DATE_EPOCH, else the launcher's last commit time, else FALLBACK_EPOCH (1980-01-01). */
export function sourceTimeOf(facts: Pick<SourceFacts, 'sourceDateEpoch' | 'commitTime'>): SourceTime {
  const given = facts.sourceDateEpoch;
  if (given) {
    if (!/^\d{1,12}$/.test(given)) throw new ConfigurationError(`SOURCE_DATE_EPOCH='${given}' is not a whole number of seconds since 1970-01-01`);
    return { epoch: Number(given), from: 'SOURCE_DATE_EPOCH' };
  }
  if (facts.commitTime && /^\d+$/.test(facts.commitTime)) return { epoch: Number(facts.commitTime), from: 'commit' };
  return { epoch: FALLBACK_EPOCH, from: 'fixed' };
}

/**
 * The variables the action sets for the build: BUILD_VERSION / BUILD_DESCRIPTION (so the build
 * never asks git and does not vary between runs) and the asset paths, under the user's build-env.
 */
export function buildVariables(version: string, description: string, buildEnv: ReadonlyMap<string, string>): Record<string, string> {
  const variables: Record<string, string> = { BUILD_VERSION: version, BUILD_DESCRIPTION: description };
  for (const [name, file] of Object.entries(ASSET_VARIABLES)) variables[name] = `assets/${file}`;
  for (const [key, value] of buildEnv) variables[key] = value;
  return Object.fromEntries(Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The whole plan of one run, before the cache is asked. Errors come in the order a user fixes them: version, then time. */
export function planBuild(inputs: Inputs, facts: SourceFacts): BuildPlan {
  const version = chooseVersion(inputs, facts.packageVersion);
  const time = sourceTimeOf(facts);
  // Without a commit (no git, not a repository) the description is still fixed for the version.
  const description = facts.commit ?? `quick-launcher ${version}`;
  return {
    version,
    time,
    description,
    variables: buildVariables(version, description, inputs.buildEnv),
    steps: [
      { input: 'install-command', argv: inputs.installCommand },
      { input: 'build-command', argv: inputs.buildCommand },
    ],
    archives: archiveNames(version),
  };
}

/** What the cache key digests: everything the build output depends on. */
export interface CacheKeyFacts {
  /** Every source file of the launcher with its sha256 (build-cache.ts `sourceDigests`). */
  sources: Record<string, string>;
  /** The sha256 of each lockfile present. */
  lockfiles: Record<string, string>;
  variables: Record<string, string>;
  installCommand: readonly string[];
  buildCommand: readonly string[];
  buildOutput: string;
  /** `<platform>-<arch>-node<major>`: native modules and bundlers may differ between them. */
  platform: string;
}

/** The cache key: `quick-launcher-build-<sha256>` of sources, lockfiles, variables, commands and platform. */
export function cacheKeyOf(facts: CacheKeyFacts): string {
  const digest = digestOf({
    schema: 1,
    sources: facts.sources,
    lockfiles: facts.lockfiles,
    variables: facts.variables,
    install: facts.installCommand,
    build: facts.buildCommand,
    output: facts.buildOutput,
    platform: facts.platform,
  });
  return `quick-launcher-build-${digest.slice('sha256:'.length)}`;
}

/** What the output folder's manifest records as its inputs: a rerun with the same is the same output. */
export function inputsDigestOf(key: string, plan: Pick<BuildPlan, 'version' | 'time'>, distributionPaths: string[] | undefined): string {
  return digestOf({ key, version: plan.version, mtime: plan.time.epoch, distribution: distributionPaths ?? null });
}

/** What the cache gave: a restored output that holds index.html is a hit, and the build is skipped. */
export function cacheOutcome(cache: { description: string } | undefined, key: string, restoredValid: boolean): { hit: boolean; build: boolean; save: boolean; line?: string } {
  if (!cache) return { hit: false, build: true, save: false };
  if (restoredValid) return { hit: true, build: false, save: false, line: `cache hit (${cache.description}, ${key}): install and build skipped` };
  return { hit: false, build: true, save: true, line: `cache miss (${key})` };
}

/**
 * The archives the output folder gets: the distribution (the input's entries, its own
 * quick-launcher/ tree already dropped, then the launcher's) and the launcher alone.
 */
export function archivesOf(plan: Pick<BuildPlan, 'archives'>, inputEntries: TarEntry[] | undefined, launcher: TarEntry[]): Array<{ name: string; entries: TarEntry[] }> {
  return [
    { name: plan.archives.distribution, entries: [...(inputEntries ?? []), ...launcher] },
    { name: plan.archives.launcher, entries: launcher },
  ];
}
