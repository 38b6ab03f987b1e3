import { EnvironmentError, InputError, errorMessage } from '../../lib/errors.js';
import { Buildah } from '../../tools/buildah.js';
import { Docker } from '../../tools/docker.js';
import { execRunner, findOnPath } from '../../tools/exec.js';
import type { ImageBuilder } from '../../tools/image-builder.js';
import { Podman } from '../../tools/podman.js';
import { RegistryClient, RegistryError, dockerCredentials } from '../../tools/registry.js';
import { BUILDERS, type BuilderName, type Inputs } from './inputs.js';

/** The builder the input names, or the first of docker, buildah, podman on PATH. */
export async function resolveBuilder(name: BuilderName | undefined): Promise<ImageBuilder> {
  const candidates = name ? [name] : BUILDERS;
  for (const candidate of candidates) {
    const binary = await findOnPath(candidate);
    if (!binary) continue;
    if (candidate === 'docker') return new Docker(execRunner, binary);
    if (candidate === 'buildah') return new Buildah(execRunner, { driver: 'vfs' }, binary);
    return new Podman(execRunner, binary);
  }
  // A builder the input names is the user's choice; none at all is the runner's lack.
  if (name) throw new InputError('builder', `${name} is not on PATH`);
  throw new EnvironmentError(`Input 'builder': none of ${BUILDERS.join(', ')} is on PATH`);
}

/** A client for the registry input, checked to answer before anything is built (an unreachable registry is an EnvironmentError). */
export async function connectRegistry(inputs: Inputs): Promise<RegistryClient | undefined> {
  if (!inputs.push || !inputs.registry) return undefined;
  const host = inputs.registry.split('/')[0];
  const client = new RegistryClient({ host, insecure: inputs.registryInsecure }, await dockerCredentials(host));
  try {
    await client.ping();
  } catch (error) {
    if (error instanceof RegistryError) throw new EnvironmentError(`Input 'registry': ${errorMessage(error)}`, { cause: error });
    throw error;
  }
  return client;
}
