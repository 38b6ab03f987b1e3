import { basename } from 'node:path';
import type { BuildResult } from './execute.js';

/** The job summary of a run, as Markdown: the files written and their digests. */
export function summaryMarkdown(result: BuildResult): string {
  const lines = [
    `### Quick Launcher distribution ${result.version}`,
    '',
    `Launcher build: ${result.cacheHit ? 'restored from the cache (install and build skipped)' : 'built'}.`,
    result.launcherOnly
      ? 'No input distribution was given: the distribution holds only the launcher (`quick-launcher/`).'
      : 'The launcher was added to the given distribution under `quick-launcher/`.',
    `Every archive entry carries mtime ${result.mtime} (${new Date(result.mtime * 1000).toISOString()}).`,
    '',
    '| file | size | sha256 |',
    '|---|---|---|',
    ...result.manifest.files.map((file) => `| \`${file.path}\` | ${file.size} | \`${file.sha256}\` |`),
    '',
    `Output folder: \`${result.outputDir}\` (pass it to render-edge-config's \`distribution\` input).`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The step outputs, named as in action.yml. */
export function outputsOf(result: BuildResult): Record<string, string> {
  return {
    distribution: result.distribution,
    'launcher-archive': result.launcherArchive,
    version: result.version,
    'distribution-sha256': result.distributionSha256,
    'launcher-sha256': result.launcherSha256,
    'cache-hit': String(result.cacheHit),
    'output-dir': result.outputDir,
  };
}

/** One log line per archive. */
export function resultLines(result: BuildResult): string[] {
  return [
    `${basename(result.distribution)} sha256:${result.distributionSha256}`,
    `${basename(result.launcherArchive)} sha256:${result.launcherSha256}`,
  ];
}
