import { copyFile, lstat, mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BuildError, InputError, errorCode, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { type CommandRunner, lastLines } from '../../tools/exec.js';
import type { BuildStep } from './plan.js';

/** The images the upstream launcher build needs in `assets/` (reference §1.1). */
const REQUIRED_ASSETS = ['background.png', 'favicon.png', 'logo.png'] as const;

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Checks the launcher folder: it must exist and hold a package.json. */
export async function checkLauncherSource(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new InputError('launcher-source', `${dir} does not exist or cannot be read (${errorCode(error) ?? errorMessage(error)})`);
  });
  if (!info.isDirectory()) throw new InputError('launcher-source', `${dir} is not a folder`);
  if (!(await isFile(join(dir, 'package.json')))) {
    throw new InputError('launcher-source', `${dir} has no package.json; point it at the quick-launcher folder`);
  }
}

/**
 * Names any required asset found neither in the `assets` input folder nor in the launcher's own
 * `assets/`, before anything runs; then copies the given assets into the launcher's `assets/`.
 */
export async function prepareAssets(launcherDir: string, assetsDir: string | undefined, logger: Logger): Promise<void> {
  if (assetsDir !== undefined) {
    const info = await stat(assetsDir).catch(() => undefined);
    if (!info?.isDirectory()) throw new InputError('assets', `${assetsDir} is not a folder`);
  }
  const missing: string[] = [];
  for (const name of REQUIRED_ASSETS) {
    const given = assetsDir !== undefined && (await isFile(join(assetsDir, name)));
    if (!given && !(await isFile(join(launcherDir, 'assets', name)))) missing.push(name);
  }
  if (missing.length > 0) {
    const where = assetsDir === undefined ? join(launcherDir, 'assets') : `${assetsDir} or ${join(launcherDir, 'assets')}`;
    throw new InputError('assets', `the launcher build needs ${missing.join(', ')}, not found in ${where}`);
  }
  // Nothing to copy when the assets input is the launcher's own assets folder.
  if (assetsDir === undefined || resolve(assetsDir) === resolve(launcherDir, 'assets')) return;
  await mkdir(join(launcherDir, 'assets'), { recursive: true });
  for (const name of REQUIRED_ASSETS) {
    if (await isFile(join(assetsDir, name))) {
      await copyFile(join(assetsDir, name), join(launcherDir, 'assets', name));
      logger.info(`asset ${name} copied from ${assetsDir}`);
    }
  }
}

/**
 * Runs the install and build commands in the launcher folder with `variables` over the process
 * environment, each in a log group, after clearing the build output (the upstream webpack build
 * leaves stale files there). A failing command is an error with its exit code and last lines;
 * a build without `index.html` is an error.
 */
export async function runBuild(options: {
  launcherDir: string;
  buildOutput: string;
  steps: readonly BuildStep[];
  variables: Record<string, string>;
  run: CommandRunner;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  const { launcherDir, logger } = options;
  const outputDir = join(launcherDir, options.buildOutput);
  await rm(outputDir, { recursive: true, force: true });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env ?? process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, options.variables);
  for (const step of options.steps) {
    const [command, ...args] = step.argv;
    const shown = step.argv.join(' ');
    const result = await logger.group(`${step.input}: ${shown}`, async () => {
      try {
        return await options.run(command, args, { cwd: launcherDir, env, echo: true });
      } catch (error) {
        // @actions/exec throws when the program is not found at all.
        throw new InputError(step.input, `'${shown}' could not start: ${errorMessage(error)}`);
      }
    });
    if (result.exitCode !== 0) {
      const tail = lastLines(`${result.stdout}\n${result.stderr}`, 15);
      // The command ran and failed: a build error (its output says why), named by its input.
      throw new BuildError(`Input '${step.input}': '${shown}' failed with exit code ${result.exitCode}${tail ? `; last output:\n${tail}` : ''}`);
    }
  }
  await checkBuildOutput(outputDir, 'build-output');
}

/** A build output must hold index.html. */
export async function checkBuildOutput(outputDir: string, input: string): Promise<void> {
  const index = await lstat(join(outputDir, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) {
    throw new InputError(input, `the build left no index.html in ${outputDir}; check build-command and build-output`);
  }
}
