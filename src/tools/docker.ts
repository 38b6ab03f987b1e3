import type { CommandRunner } from './exec.js';
import { type BuildRequest, type ImageBuilder, type PushOptions, BuilderCommandError, buildArgFlags, runBuild } from './image-builder.js';

/** argv of `docker build` (the legacy builder: the one Debian's engine has). */
export function dockerBuildArgs(request: BuildRequest): string[] {
  return [
    'build',
    '--file',
    request.dockerfile,
    ...request.tags.flatMap((tag) => ['--tag', tag]),
    ...buildArgFlags(request.buildArgs),
    request.context,
  ];
}

/** argv of `docker push`; the engine decides TLS from its own insecure-registries setting. */
export function dockerPushArgs(reference: string): string[] {
  return ['push', reference];
}

/** The docker CLI (talks to the engine at DOCKER_HOST). */
export class Docker implements ImageBuilder {
  readonly name = 'docker';
  constructor(
    private readonly run: CommandRunner,
    private readonly binary = 'docker',
  ) {}

  build(request: BuildRequest, _options?: PushOptions, onLine?: (line: string) => void): Promise<string> {
    return runBuild(this.run, 'docker', this.binary, dockerBuildArgs(request), request, onLine);
  }

  async push(reference: string): Promise<void> {
    const result = await this.run(this.binary, dockerPushArgs(reference));
    if (result.exitCode !== 0) throw new BuilderCommandError('docker', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
  }
}
