import { posix } from 'node:path';
import { InputError } from '../../lib/errors.js';
import type { InputReader } from '../../lib/inputs.js';
import { workFolder } from '../../lib/runner-temp.js';
import { parseCommand } from './command-line.js';

/** Everything the action reads from its inputs, parsed and checked once. */
export interface Inputs {
  launcherSource: string;
  distribution?: string;
  installCommand: string[];
  buildCommand: string[];
  buildOutput: string;
  buildEnv: Map<string, string>;
  assets?: string;
  version?: string;
  cache: boolean;
  cacheDir: string;
  outputDir: string;
  summary: boolean;
}

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Checks a version as it appears in a file name (`cloud-pipeline.<version>.tgz`). */
export function checkVersion(version: string, input: string): string {
  if (!VERSION.test(version)) {
    throw new InputError(input, `'${version}' is not a valid version (letters, digits, '.', '_', '+', '-'; no '/' or spaces)`);
  }
  return version;
}

/** Reads and checks the inputs of build-dist-with-launcher. */
export function getInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const given = read.string('build-output', 'build');
  const buildOutput = posix.normalize(given.replace(/\\/g, '/')).replace(/\/+$/, '');
  // The folder is cleared before each build: it must never be the launcher folder or outside it.
  if (given.startsWith('/') || buildOutput === '.' || buildOutput.split('/').includes('..')) {
    throw new InputError('build-output', `'${given}' must be a sub-folder of the launcher source (relative, not '.', no '..')`);
  }
  const version = read.optional('version');
  return {
    launcherSource: read.string('launcher-source', 'quick-launcher'),
    distribution: read.optional('distribution'),
    installCommand: parseCommand(read.string('install-command', 'npm ci'), 'install-command'),
    buildCommand: parseCommand(read.string('build-command', 'npm run build'), 'build-command'),
    buildOutput,
    buildEnv: read.keyValues('build-env'),
    assets: read.optional('assets'),
    version: version === undefined ? undefined : checkVersion(version, 'version'),
    cache: read.boolean('cache', true),
    cacheDir: read.string('cache-dir', workFolder(env, 'build-cache')),
    outputDir: read.string('output-dir', workFolder(env, 'distribution')),
    summary: read.boolean('summary', true),
  };
}
