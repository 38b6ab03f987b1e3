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
  summary: string;
  /** The runner temp folder the run used. */
  runnerTemp: string;
}

/** Parses `name<<delimiter … delimiter` blocks of a GITHUB_OUTPUT file. */
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
 * Runs `dist/<action>/index.js` the way the runner does: inputs as `INPUT_<NAME>` variables
 * (upper-cased, hyphens kept), pre-created GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a
 * RUNNER_TEMP, and `node` on the bundle.
 */
export async function runBundle(action: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<BundleRun> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'qla-runner-'));
  const outputFile = join(runnerTemp, 'github_output');
  const summaryFile = join(runnerTemp, 'step_summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/ /g, '_')}`, value]));
  const bundle = new URL(`../../dist/${action}/index.js`, import.meta.url).pathname;
  const child = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...inputEnv, ...env },
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
    summary: await readFile(summaryFile, 'utf8'),
    runnerTemp,
  };
}
