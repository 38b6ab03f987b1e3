import { join } from 'node:path';
import { InputError, errorMessage } from '../../lib/errors.js';
import { InputReader } from '../../lib/inputs.js';
import { workFolder } from '../../lib/runner-temp.js';
import { markdownTable } from '../../lib/markdown.js';
import { runStageAsStep, type Stage } from '../../lib/stage.js';
import { Buildah } from '../../tools/buildah.js';
import { Docker } from '../../tools/docker.js';
import { execRunner, findOnPath } from '../../tools/exec.js';
import type { ImageBuilder } from '../../tools/image-builder.js';
import { Podman } from '../../tools/podman.js';
import { RegistryClient, RegistryError, dockerCredentials } from '../../tools/registry.js';
import { BUILDERS, type BuilderName, type Inputs, getInputs } from './inputs.js';

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
  throw new InputError('builder', name ? `${name} is not on PATH` : `none of ${BUILDERS.join(', ')} is on PATH`);
}

/** A client for the registry input, checked to answer before anything is built. */
export async function connectRegistry(inputs: Inputs): Promise<RegistryClient | undefined> {
  if (!inputs.push || !inputs.registry) return undefined;
  const host = inputs.registry.split('/')[0];
  const client = new RegistryClient({ host, insecure: inputs.registryInsecure }, await dockerCredentials(host));
  try {
    await client.ping();
  } catch (error) {
    if (error instanceof RegistryError) throw new InputError('registry', errorMessage(error));
    throw error;
  }
  return client;
}

/** build-optimized-images as a stage: inputs -> tools -> core -> outputs and summary. */
export const buildImagesStage: Stage = async ({ source, env, logger }) => {
  const inputs = getInputs(new InputReader(source));
  // The build (YAML, JSON Schema) loads once the inputs are known to be good: a bad input fails fast.
  const [{ buildOptimizedImages }, { TOOLS_MANIFEST_FILE, summaryRows }] = await Promise.all([import('./build.js'), import('./tools-manifest.js')]);
  const builder = inputs.build ? await resolveBuilder(inputs.builder) : undefined;
  const registry = await connectRegistry(inputs);
  const outputDir = inputs.outputDir ?? workFolder(env, 'tools');
  const result = await buildOptimizedImages(inputs, { builder, registry, logger, env, outputDir });
  const [header, ...rows] = summaryRows(result.manifest);
  const counts = `${result.counts.built} built, ${result.counts.reused} reused, ${result.counts.fallback} fallback`;
  return {
    outputs: {
      'tools-manifest': result.outputDir,
      'tools-manifest-file': join(result.outputDir, TOOLS_MANIFEST_FILE),
      images: JSON.stringify(result.manifest.tools.map((tool) => tool.ref)),
      built: String(result.counts.built),
      reused: String(result.counts.reused),
      fallback: String(result.counts.fallback),
    },
    summary: ['### Optimized tool images', '', `${counts}${builder ? ` (builder: ${builder.name})` : ''}`, '', markdownTable(header, rows), ''].join('\n'),
  };
};

/** The step of the build-optimized-images action. */
export async function run(): Promise<void> {
  await runStageAsStep(buildImagesStage);
}
