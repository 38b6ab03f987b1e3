import { execFileSync } from 'node:child_process';
import { describe } from '@jest/globals';

/**
 * Real services the tests use on loopback. Outside CI a missing one skips its tests; under
 * CI=true the tests run anyway and fail, so a skipped engine test can never pass CI.
 */
function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const underCi = process.env.CI === 'true';

export const available = {
  nginx: onPath('nginx'),
  openssl: onPath('openssl'),
  kubectl: onPath('kubectl'),
  buildah: onPath('buildah'),
  skopeo: onPath('skopeo'),
  /** busybox-static: the minimal shell the installer must also run under. */
  busybox: onPath('busybox'),
  /** Set by scripts/test-services.sh (DOCKER_HOST, TEST_REGISTRY). */
  docker: Boolean(process.env.DOCKER_HOST) && onPath('docker'),
  registry: Boolean(process.env.TEST_REGISTRY),
};

export type Service = keyof typeof available;

/** `describe` when every service is there (or under CI), else `describe.skip`. */
export function describeWith(services: Service[]): typeof describe | typeof describe.skip {
  return services.every((service) => available[service]) || underCi ? describe : describe.skip;
}
