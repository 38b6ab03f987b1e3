import { basename } from 'node:path';
import { BuildError, ConfigurationError, type FileLocation } from '../lib/errors.js';
import { type CommandRunner, lastLines } from './exec.js';

/** What one image build needs; paths are absolute. */
export interface BuildRequest {
  context: string;
  dockerfile: string;
  /** Full references (`registry/image:tag`) the built image gets. */
  tags: readonly string[];
  buildArgs: ReadonlyMap<string, string>;
}

/** A registry a builder pushes to or pulls bases from, with its transport security. */
export interface PushOptions {
  /** Plain HTTP or unverified TLS (loopback test registries, `http://` in the registry input). */
  insecure: boolean;
}

/**
 * The common face of docker, buildah and podman: the action builds, tags and pushes through
 * it and never cares which one runs. Each implementation builds argv in pure functions and runs
 * one CommandRunner per call.
 */
export interface ImageBuilder {
  readonly name: 'docker' | 'buildah' | 'podman';
  /** Builds and tags the image, each output line to `onLine` as it comes; resolves to the build log (stdout and stderr). */
  build(request: BuildRequest, options: PushOptions, onLine?: (line: string) => void): Promise<string>;
  push(reference: string, options: PushOptions): Promise<void>;
}

/** A build that exited non-zero: where it failed, why (when the builder says), and the last output lines. */
export class BuildFailedError extends BuildError {
  constructor(
    readonly builder: string,
    readonly step: string | undefined,
    readonly tail: string,
    readonly reason?: string,
    /** The Dockerfile line BuildKit names (`Dockerfile:12`), for an annotation there. */
    readonly location?: FileLocation,
  ) {
    const where = location?.line !== undefined ? `${basename(location.file)}:${location.line}${step ? ` (${step})` : ''}` : step;
    super(`${builder} build failed${where ? ` at ${where}` : ''}${reason ? `: ${reason}` : ''}:\n${tail}`);
  }
}

/** A push, tag or other builder command that exited non-zero. */
export class BuilderCommandError extends ConfigurationError {
  constructor(builder: string, what: string, output: string) {
    super(`${builder} ${what} failed:\n${lastLines(output, 15)}`);
  }
}

// docker's legacy builder prints `Step 3/5 : RUN false`; buildah and podman print `STEP 3/5: RUN false`.
const STEP = /^(?:Step|STEP) (\d+)\/(\d+) ?: ?(.*)$/;
// BuildKit names the failing step ` > [2/3] RUN make:` (`[build 2/3]` in a named stage) in its error block.
const BUILDKIT_STEP = /^(?:#\d+ )?> \[(?:\S+ )?(\d+)\/(\d+)\] (.*?):?$/;
// BuildKit's last word: `ERROR: failed to solve: …` (buildx 0.20+: `ERROR: failed to build: failed to solve: …`).
const BUILDKIT_ERROR = /^(?:ERROR|error): (?:failed to build: )?failed to solve: (?:rpc error: code = \w+ desc = )?(.*)$/;
// Before its Dockerfile excerpt BuildKit prints the file and line alone: `Dockerfile:12`.
const BUILDKIT_LOCATION = /^(\S+):(\d+)$/;
// Progress and housekeeping lines that say nothing about why a build failed.
const NOISE = [/^#\d+ (?:DONE|CACHED|\[internal\]|sha256:|extracting|naming to|exporting|writing image|transferring)/, /^ ---> /, /^Removing intermediate container/, /^Sending build context/, /^DEPRECATED: The legacy builder/, /^ {12}(?:BuildKit|Install the buildx|https:\/\/docs\.docker\.com\/go\/buildx)/, /^-{8,}$/];

/** The last Dockerfile step a build log announced, as `step N/M: INSTRUCTION`, if any. */
export function failingStep(output: string): string | undefined {
  let found: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const match = STEP.exec(raw.trim()) ?? BUILDKIT_STEP.exec(raw.trim());
    if (match) found = `step ${match[1]}/${match[2]}: ${match[3].trim()}`;
  }
  return found;
}

/** The last `count` lines of a build log that say something (progress and housekeeping left out). */
export function meaningfulTail(output: string, count: number): string {
  return lastLines(output.split(/\r?\n/).filter((line) => !NOISE.some((pattern) => pattern.test(line))).join('\n'), count);
}

/**
 * The error for a failed build from its combined output. BuildKit's formats (`ERROR: failed to
 * solve: process "/bin/sh -c …" did not complete successfully: exit code: N`, `failed to compute
 * cache key: … not found`) give the reason and, when BuildKit prints it, the Dockerfile line.
 */
export function buildFailure(builder: string, output: string, dockerfile?: string): BuildFailedError {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  let reason: string | undefined;
  let line: number | undefined;
  lines.forEach((text, index) => {
    const error = BUILDKIT_ERROR.exec(text);
    if (error) reason = error[1];
    const location = BUILDKIT_LOCATION.exec(text);
    if (location && /^-{8,}$/.test(lines[index + 1] ?? '')) line = Number(location[2]);
  });
  const location = dockerfile && line !== undefined ? { file: dockerfile, line } : undefined;
  return new BuildFailedError(builder, failingStep(output), meaningfulTail(output, 15), reason, location);
}

/** Splits streamed output into whole lines; `end()` gives the last one if it had no newline. */
export function lineSplitter(onLine: (line: string) => void): { write(chunk: string): void; end(): void } {
  let pending = '';
  return {
    write(chunk) {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) onLine(part);
    },
    end() {
      if (pending !== '') onLine(pending);
      pending = '';
    },
  };
}

/**
 * Runs one build command, streaming its output line by line to `onLine` while it runs; resolves
 * to the whole log, or throws the BuildFailedError of its output.
 */
export async function runBuild(run: CommandRunner, builder: string, binary: string, args: string[], request: BuildRequest, onLine?: (line: string) => void): Promise<string> {
  const stream = onLine ? lineSplitter(onLine) : undefined;
  const result = await run(binary, args, stream ? { onOutput: (chunk) => stream.write(chunk) } : {});
  stream?.end();
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.exitCode !== 0) throw buildFailure(builder, log, request.dockerfile);
  return log;
}

/**
 * The flags buildah's `bud` and podman's `build` share (one CLI underneath): Docker v2s2 format,
 * `--tls-verify=false` to pull bases from an insecure registry, file, tags, build args, context.
 */
export function ociBuildFlags(request: BuildRequest, options: PushOptions): string[] {
  return [
    '--format',
    'docker',
    ...(options.insecure ? ['--tls-verify=false'] : []),
    '--file',
    request.dockerfile,
    ...request.tags.flatMap((tag) => ['--tag', tag]),
    ...buildArgFlags(request.buildArgs),
    request.context,
  ];
}

/** `--build-arg KEY=VALUE` pairs in key order, so argv is stable. */
export function buildArgFlags(buildArgs: ReadonlyMap<string, string>): string[] {
  return [...buildArgs.keys()].sort().flatMap((key) => ['--build-arg', `${key}=${buildArgs.get(key) ?? ''}`]);
}
