import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * For builds of optimized tool images against a loopback registry, without network: a busybox
 * base image pushed there, a copy of the sample tools folder built on it and the spec-env it
 * needs, a namespace of its own per run. The engine-backed tests and the bench share these.
 */

/** The sample tools folder: one tool of each kind of variant (images.yml, several spec-dirs, none). */
const FIXTURE = new URL('../../__tests__/fixtures/optimized-tools/', import.meta.url).pathname;

const APPLETS = ['sh', 'mkdir', 'cat', 'echo', 'test', 'chmod', 'ls', 'true', 'false'];

/** A registry namespace no other test run uses. */
export function uniqueNamespace(): string {
  return `qla-${randomBytes(4).toString('hex')}`;
}

/** A temp folder holding a busybox rootfs tarball (bin/busybox and applet links). */
async function busyboxRootfs(): Promise<{ dir: string; tarball: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'qla-busybox-'));
  const root = join(dir, 'rootfs');
  await mkdir(join(root, 'bin'), { recursive: true });
  await mkdir(join(root, 'tmp'), { recursive: true });
  await cp('/bin/busybox', join(root, 'bin', 'busybox'));
  for (const applet of APPLETS) await symlink('busybox', join(root, 'bin', applet));
  const tarball = join(dir, 'rootfs.tar');
  execFileSync('tar', ['-C', root, '-cf', tarball, '.']);
  return { dir, tarball };
}

/** Pushes a busybox base image with docker (import + push); returns its reference. */
export async function pushBusyboxWithDocker(registry: string, namespace: string): Promise<string> {
  const { dir, tarball } = await busyboxRootfs();
  const reference = `${registry}/${namespace}/busybox:1`;
  try {
    execFileSync('docker', ['import', '--change', 'ENV PATH=/bin', tarball, reference], { stdio: 'pipe' });
    execFileSync('docker', ['push', reference], { stdio: 'pipe' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return reference;
}

/** Pushes a busybox base image with buildah (FROM scratch + ADD); returns its reference. */
export async function pushBusyboxWithBuildah(registry: string, namespace: string, storage: string[]): Promise<string> {
  const { dir } = await busyboxRootfs();
  const reference = `${registry}/${namespace}/busybox:1`;
  try {
    await writeFile(join(dir, 'Base'), 'FROM scratch\nADD rootfs.tar /\nENV PATH=/bin\n');
    execFileSync('buildah', [...storage, 'bud', '--isolation', 'chroot', '--format', 'docker', '-f', join(dir, 'Base'), '-t', reference, dir], { stdio: 'pipe' });
    execFileSync('buildah', [...storage, 'push', '--tls-verify=false', reference], { stdio: 'pipe' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return reference;
}

/** A writable copy of the fixture tools folder. */
export async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qla-tools-'));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

/** spec-env that every fixture spec.json and images.yml needs. */
export function fixtureSpecEnv(busybox: string): string {
  return [
    `BUSYBOX_IMAGE=${busybox}`,
    'CP_PREF_CLUSTER_INSTANCE_TYPE=m5.large',
    'CP_APPLICATION_LAUNCHER_EXTERNAL_HOST=apps.example.test',
    'CP_TOOL_LAUNCHER_EXTERNAL_HOST=tools.example.test',
  ].join('\n');
}

/** Every repository under `namespace` in the registry with its tags (the registry's catalog). */
export async function registryContents(registry: string, namespace: string): Promise<Record<string, string[]>> {
  const repositories: string[] = [];
  let next: string | undefined = `/v2/_catalog?n=1000`;
  while (next) {
    const response: Response = await fetch(`http://${registry}${next}`);
    const page = (await response.json()) as { repositories: string[] | null };
    repositories.push(...(page.repositories ?? []));
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  const contents: Record<string, string[]> = {};
  for (const repository of repositories) {
    if (!repository.startsWith(`${namespace}/`) || repository === `${namespace}/busybox`) continue;
    const tags = (await (await fetch(`http://${registry}/v2/${repository}/tags/list`)).json()) as { tags: string[] | null };
    if (tags.tags && tags.tags.length > 0) contents[repository.slice(namespace.length + 1)] = tags.tags.sort();
  }
  return contents;
}
