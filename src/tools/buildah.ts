import type { CommandRunner } from './exec.js';
import {
  type BuildRequest,
  type ImageBuilder,
  type PushOptions,
  BuilderCommandError,
  ociBuildFlags,
  runBuild,
} from './image-builder.js';

/** Where buildah keeps images; vfs needs no kernel overlay support and no daemon. */
export interface BuildahStorage {
  driver: string;
  /** `--root` (images); default: buildah's own. */
  root?: string;
  /** `--runroot` (locks, mounts); default: buildah's own. */
  runroot?: string;
}

/** The global flags every buildah call takes. */
export function buildahGlobalArgs(storage: BuildahStorage): string[] {
  return [
    '--storage-driver',
    storage.driver,
    ...(storage.root ? ['--root', storage.root] : []),
    ...(storage.runroot ? ['--runroot', storage.runroot] : []),
  ];
}

/**
 * argv of `buildah bud`. Chroot isolation is the one that runs `RUN` without an OCI runtime or
 * cgroup v2 (see reference/test-infra.md); `--format docker` gives Docker v2s2 manifests, as
 * docker pushes them, so digests mean the same whichever builder made them.
 */
export function buildahBuildArgs(storage: BuildahStorage, request: BuildRequest, options: PushOptions): string[] {
  return [
    ...buildahGlobalArgs(storage),
    'bud',
    '--isolation',
    'chroot',
    ...ociBuildFlags(request, options),
  ];
}

/** argv of `buildah push`. */
export function buildahPushArgs(storage: BuildahStorage, reference: string, options: PushOptions): string[] {
  return [...buildahGlobalArgs(storage), 'push', ...(options.insecure ? ['--tls-verify=false'] : []), reference];
}

/** buildah, daemonless. */
export class Buildah implements ImageBuilder {
  readonly name = 'buildah';
  constructor(
    private readonly run: CommandRunner,
    private readonly storage: BuildahStorage = { driver: 'vfs' },
    private readonly binary = 'buildah',
  ) {}

  build(request: BuildRequest, options: PushOptions, onLine?: (line: string) => void): Promise<string> {
    return runBuild(this.run, 'buildah', this.binary, buildahBuildArgs(this.storage, request, options), request, onLine);
  }

  async push(reference: string, options: PushOptions): Promise<void> {
    const result = await this.run(this.binary, buildahPushArgs(this.storage, reference, options));
    if (result.exitCode !== 0) throw new BuilderCommandError('buildah', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
  }
}
