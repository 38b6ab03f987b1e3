import { chmod, readFile } from 'node:fs/promises';
import { arch as osArch } from 'node:os';
import * as toolCache from '@actions/tool-cache';
import { sha256File } from '../../lib/digest.js';
import { EnvironmentError, InputError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { findOnPath } from '../../tools/exec.js';

/** Where kubectl comes from: a pinned version downloaded from a mirror, else PATH. */
export interface KubectlSource {
  /** e.g. `v1.32.4`; undefined = the kubectl on PATH. */
  version?: string;
  /** Base of `/<version>/bin/linux/<arch>/kubectl` (default https://dl.k8s.io/release). */
  mirror: string;
  /** Node's arch name (default: this machine's). */
  arch?: string;
}

const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** dl.k8s.io's arch names. */
export function kubectlArch(nodeArch: string = osArch()): string {
  const known: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
  return known[nodeArch] ?? nodeArch;
}

/** The download URL of one kubectl build; `.sha256` next to it holds its checksum. */
export function kubectlUrl(mirror: string, version: string, arch: string): string {
  const v = version.startsWith('v') ? version : `v${version}`;
  return `${mirror.replace(/\/+$/, '')}/${v}/bin/linux/${arch}/kubectl`;
}

/**
 * Resolves the kubectl to run. A pinned version is taken from the tool cache or downloaded from
 * the mirror and checked against the published `kubectl.sha256` (setup-kubectl does not check
 * it; helm/kind-action#134 does) before it is cached; otherwise the kubectl on PATH.
 */
export async function resolveKubectl(source: KubectlSource, logger: Logger): Promise<string> {
  if (!source.version) {
    const found = await findOnPath('kubectl');
    if (!found) {
      // No input named a kubectl: the runner lacks one (not the user's mistake).
      throw new EnvironmentError("kubectl is not on PATH; install it or set the input 'kubectl-version' to download one");
    }
    logger.info(`Using kubectl on PATH: ${found}`);
    return found;
  }
  if (!VERSION.test(source.version)) {
    throw new InputError('kubectl-version', `'${source.version}' is not a version like v1.32.4`);
  }
  let mirror: URL;
  try {
    mirror = new URL(source.mirror);
  } catch {
    throw new InputError('kubectl-mirror', `'${source.mirror}' is not a URL`);
  }
  if (mirror.protocol !== 'https:' && mirror.protocol !== 'http:') {
    throw new InputError('kubectl-mirror', `'${source.mirror}' must be an http(s) URL`);
  }
  const version = source.version.startsWith('v') ? source.version : `v${source.version}`;
  const arch = kubectlArch(source.arch);
  const cached = toolCache.find('kubectl', version.slice(1), arch);
  if (cached) {
    logger.info(`Using cached kubectl ${version} (${arch})`);
    return `${cached}/kubectl`;
  }
  const url = kubectlUrl(source.mirror, version, arch);
  logger.info(`Downloading kubectl ${version} (${arch}) from ${url}`);
  let binary: string;
  let checksumFile: string;
  try {
    binary = await toolCache.downloadTool(url);
    checksumFile = await toolCache.downloadTool(`${url}.sha256`);
  } catch (error) {
    throw new InputError('kubectl-version', `cannot download kubectl ${version} for ${arch} from ${url}: ${errorMessage(error)}`);
  }
  const expected = (await readFile(checksumFile, 'utf8')).trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(expected)) {
    throw new InputError('kubectl-mirror', `${url}.sha256 does not hold a sha256 checksum`);
  }
  const actual = await sha256File(binary);
  if (actual !== expected) {
    throw new InputError('kubectl-mirror', `kubectl from ${url} has sha256 ${actual}, but ${url}.sha256 says ${expected}; refusing to run it`);
  }
  await chmod(binary, 0o755);
  const dir = await toolCache.cacheFile(binary, 'kubectl', 'kubectl', version.slice(1), arch);
  return `${dir}/kubectl`;
}
