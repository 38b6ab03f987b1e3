import type { CommandRunner } from './exec.js';
import {
  type BuildRequest,
  type ImageBuilder,
  type PushOptions,
  BuilderCommandError,
  ociBuildFlags,
  runBuild,
} from './image-builder.js';

/** argv of `podman build`; `--tls-verify=false` lets it pull bases from an insecure registry. */
export function podmanBuildArgs(request: BuildRequest, options: PushOptions): string[] {
  return [
    'build',
    ...ociBuildFlags(request, options),
  ];
}

/** argv of `podman push`. */
export function podmanPushArgs(reference: string, options: PushOptions): string[] {
  return ['push', ...(options.insecure ? ['--tls-verify=false'] : []), reference];
}

/** The podman CLI (daemonless, docker-compatible flags). */
export class Podman implements ImageBuilder {
  readonly name = 'podman';
  constructor(
    private readonly run: CommandRunner,
    private readonly binary = 'podman',
  ) {}

  build(request: BuildRequest, options: PushOptions, onLine?: (line: string) => void): Promise<string> {
    return runBuild(this.run, 'podman', this.binary, podmanBuildArgs(request, options), request, onLine);
  }

  async push(reference: string, options: PushOptions): Promise<void> {
    const result = await this.run(this.binary, podmanPushArgs(reference, options));
    if (result.exitCode !== 0) throw new BuilderCommandError('podman', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
  }
}
