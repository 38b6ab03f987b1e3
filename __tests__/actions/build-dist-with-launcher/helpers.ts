import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalFolderCache } from '../../../src/actions/build-dist-with-launcher/build-cache.js';
import type { Dependencies } from '../../../src/actions/build-dist-with-launcher/execute.js';
import { type Inputs, getInputs } from '../../../src/actions/build-dist-with-launcher/inputs.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { type CommandRunner, execRunner } from '../../../src/tools/exec.js';

/** The sample launcher shipped in the repository (never built in place: tests copy it). */
export const SAMPLE = fileURLToPath(new URL('../../../examples/quick-launcher-sample/', import.meta.url));

/** A temp folder with a copy of the sample launcher at `<root>/quick-launcher`. */
export interface Workspace {
  root: string;
  launcher: string;
  /** The file the recording commands append to. */
  callsFile: string;
  cleanup(): Promise<void>;
}

export async function workspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'qla-build-dist-'));
  const launcher = join(root, 'quick-launcher');
  await cp(SAMPLE, launcher, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|build)$/.test(source),
  });
  // A command that records each call outside the launcher folder, then does the real step.
  const recorder = [
    "import { appendFileSync } from 'node:fs';",
    "import { execFileSync } from 'node:child_process';",
    'const [step, log] = process.argv.slice(2);',
    "appendFileSync(log, step + '\\n');",
    "if (step === 'build') execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });",
  ].join('\n');
  await writeFile(join(root, 'record.mjs'), recorder);
  const callsFile = join(root, 'calls.log');
  return { root, launcher, callsFile, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The commands that record their calls into `ws.callsFile` (the build one runs build.mjs). */
export function recordingCommands(ws: Workspace): Record<string, string> {
  const script = join(ws.root, 'record.mjs');
  return {
    'install-command': `node ${script} install ${ws.callsFile}`,
    'build-command': `node ${script} build ${ws.callsFile}`,
  };
}

export async function calls(ws: Workspace): Promise<string[]> {
  const text = await readFile(ws.callsFile, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '');
}

/** Inputs with the workspace's launcher and output folder, overridable. */
export function inputsFor(ws: Workspace, values: Record<string, string> = {}): Inputs {
  return getInputs(
    new InputReader(
      inputsFrom({
        'launcher-source': ws.launcher,
        'output-dir': join(ws.root, 'out'),
        'cache-dir': join(ws.root, 'cache'),
        version: '1.2.3',
        ...recordingCommands(ws),
        ...values,
      }),
    ),
    {},
  );
}

/** execRunner without echoing to the test output. */
export const quietRunner: CommandRunner = (command, args, options) => execRunner(command, args, { ...options, echo: false });

/** Dependencies with the real runner, a memory logger and the workspace's local cache. */
export function depsFor(ws: Workspace, cache = true): Dependencies & { logger: MemoryLogger } {
  const logger = new MemoryLogger();
  return {
    run: quietRunner,
    logger,
    cache: cache ? new LocalFolderCache(join(ws.root, 'cache'), logger) : undefined,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  };
}
