import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a bundle run left behind, as the runner would see it. */
export interface BundleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>;
  summary: string;
  /** The runner temp folder the run used. */
  runnerTemp: string;
}

/** Parses `name<<delimiter … delimiter` blocks of a GITHUB_OUTPUT or GITHUB_STATE file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index]);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/**
 * The Node that runs the bundles: the machine's by default; `BUNDLE_NODE` names another (CI runs
 * the bundle tests again on Node 24, the runtime the actions declare: scripts/node24.sh).
 */
export function bundleNode(): string {
  return process.env.BUNDLE_NODE || process.execPath;
}

export interface BundleOptions {
  /** Extra environment (e.g. STATE_* for a post step). */
  env?: Record<string, string>;
  /** The job's runner temp folder (default: a new one). */
  runnerTemp?: string;
  /** The step's working directory (the job's workspace). */
  cwd?: string;
}

/**
 * Runs `dist/<action>/index.js` the way the runner does: inputs as `INPUT_<NAME>` variables
 * (upper-cased, hyphens kept), pre-created GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY
 * files, a RUNNER_TEMP, and `node` on the bundle, asynchronously (stand-ins in the test process
 * keep answering).
 */
export async function runBundle(action: string, inputs: Record<string, string>, options: BundleOptions = {}): Promise<BundleRun> {
  const runnerTemp = options.runnerTemp ?? (await mkdtemp(join(tmpdir(), 'qla-runner-')));
  // The step's command files live apart from RUNNER_TEMP, so tests can see what the step left there.
  const files = await mkdtemp(join(tmpdir(), 'qla-step-'));
  const outputFile = join(files, 'github_output');
  const stateFile = join(files, 'github_state');
  const summaryFile = join(files, 'step_summary');
  for (const file of [outputFile, stateFile, summaryFile]) await writeFile(file, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/ /g, '_')}`, value]));
  const passThrough = Object.fromEntries(['DOCKER_HOST', 'HOME'].filter((name) => process.env[name]).map((name) => [name, process.env[name] as string]));
  const bundle = new URL(`../../dist/${action}/index.js`, import.meta.url).pathname;
  const child = spawn(bundleNode(), [bundle], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      ...passThrough,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STATE: stateFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...inputEnv,
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    state: parseOutputFile(await readFile(stateFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    runnerTemp,
  };
}
