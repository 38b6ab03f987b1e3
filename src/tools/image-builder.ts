import { ConfigurationError } from '../lib/errors.js';
import { lastLines } from './exec.js';

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
  /** Builds and tags the image; resolves to the build log (stdout and stderr). */
  build(request: BuildRequest, options: PushOptions): Promise<string>;
  push(reference: string, options: PushOptions): Promise<void>;
}

/** A build that exited non-zero: the last output lines and the Dockerfile step that failed. */
export class BuildFailedError extends ConfigurationError {
  constructor(
    readonly builder: string,
    readonly step: string | undefined,
    readonly tail: string,
  ) {
    super(`${builder} build failed${step ? ` at ${step}` : ''}:\n${tail}`);
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

/** The last Dockerfile step a build log announced, as `step N/M: INSTRUCTION`, if any. */
export function failingStep(output: string): string | undefined {
  let found: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const match = STEP.exec(raw.trim());
    if (match) found = `step ${match[1]}/${match[2]}: ${match[3].trim()}`;
  }
  return found;
}

/** The error for a failed build from its combined output. */
export function buildFailure(builder: string, output: string): BuildFailedError {
  return new BuildFailedError(builder, failingStep(output), lastLines(output, 15));
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
