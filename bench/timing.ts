// The bench's one timing helper: medians, timed async work, and process start times taken in
// pairs, so that a figure and its yardstick share the machine's state at every run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of `fn` in milliseconds, with its value. */
export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

/** One command to start: argv, working folder and environment. */
export interface StartCommand {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Milliseconds from spawn to exit of one run. Asynchronous, so that a stand-in served by this
 * process (the cache service) answers the child meanwhile.
 */
export async function startTime(command: StartCommand): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(command.argv[0], command.argv.slice(1), { cwd: command.cwd, env: command.env, stdio: 'ignore' });
  await once(child, 'close');
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Median start times of `subject` and `yardstick`, run alternately `runs` times after one
 * unmeasured warm-up of each (the page cache), and the ratio of the two medians.
 */
export async function pairedStartTimes(subject: StartCommand, yardstick: StartCommand, runs: number): Promise<{ subject: number; yardstick: number; ratio: number }> {
  await startTime(subject);
  await startTime(yardstick);
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    a.push(await startTime(subject));
    b.push(await startTime(yardstick));
  }
  const subjectMedian = median(a);
  const yardstickMedian = median(b);
  return { subject: subjectMedian, yardstick: yardstickMedian, ratio: subjectMedian / yardstickMedian };
}
