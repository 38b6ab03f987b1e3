import { InputError } from '../../lib/errors.js';
import type { InputReader } from '../../lib/inputs.js';

export const BUILDERS = ['docker', 'buildah', 'podman'] as const;
export type BuilderName = (typeof BUILDERS)[number];

/** The inputs of build-optimized-images, parsed and checked once. */
export interface Inputs {
  toolsDir: string;
  /** `host[:port][/namespace]`, scheme removed; undefined when not given. */
  registry?: string;
  /** Plain HTTP to the registry: an `http://` prefix, or a loopback host. */
  registryInsecure: boolean;
  version: string;
  push: boolean;
  /** undefined: the first of docker, buildah, podman found on PATH. */
  builder?: BuilderName;
  buildArgs: Map<string, string>;
  specEnv: Map<string, string>;
  include: string[];
  maxParallel: number;
  /** optimized image (`image` or `image:tag`) -> default image reference. */
  defaultImages: Map<string, string>;
  build: boolean;
  /** Build every image even when its content tag is already in the registry (after a base image update the registry cannot tell). */
  rebuild: boolean;
  fallback: boolean;
  failOnFallback: boolean;
  /** undefined: `$RUNNER_TEMP/quick-launcher/tools`, else the OS temp folder. */
  outputDir?: string;
  summary: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/;
const REGISTRY = /^[a-zA-Z0-9.-]+(?::\d{1,5})?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$|^\[::1\](?::\d{1,5})?(?:\/[a-z0-9._-]+)*$/;

/** Splits the registry input into host/namespace and whether it is plain HTTP. */
export function parseRegistry(value: string): { registry: string; insecure: boolean } {
  let rest = value.replace(/\/+$/, '');
  let insecure = false;
  if (rest.startsWith('http://')) {
    insecure = true;
    rest = rest.slice('http://'.length);
  } else if (rest.startsWith('https://')) {
    rest = rest.slice('https://'.length);
  }
  if (!REGISTRY.test(rest)) {
    throw new InputError('registry', `'${value}' is not a registry (expected host[:port][/namespace], e.g. registry.example.com:5000/library)`);
  }
  const host = rest.split('/')[0];
  return { registry: rest, insecure: insecure || LOOPBACK.test(host) };
}

/** `image=default` (or `image: default`) lines; `#` comments and blank lines skipped. */
export function parseDefaultImages(text: string | undefined): Map<string, string> {
  const mapping = new Map<string, string>();
  if (!text) return mapping;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(\S+?)\s*(?:=|:\s)\s*(\S+)$/.exec(line);
    if (!match) throw new InputError('default-images', `line ${index + 1}: expected 'optimized/image=default/image:tag', got '${line}'`);
    mapping.set(match[1], match[2]);
  });
  return mapping;
}

/** Reads every input; the only place this action touches the runner's inputs. */
export function getInputs(reader: InputReader, _env: NodeJS.ProcessEnv): Inputs {
  const registryText = reader.optional('registry');
  const registry = registryText === undefined ? undefined : parseRegistry(registryText);
  const push = reader.boolean('push', true);
  if (push && !registry) throw new InputError('registry', 'is required when push is true');
  const version = reader.string('version', 'latest');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(version)) {
    throw new InputError('version', `'${version}' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128)`);
  }
  const builderText = reader.optional('builder');
  const builder = builderText === undefined ? undefined : reader.choice('builder', BUILDERS, 'docker');
  return {
    toolsDir: reader.string('tools-dir', 'deploy/docker/cp-tools/optimized'),
    registry: registry?.registry,
    registryInsecure: registry?.insecure ?? false,
    version,
    push,
    builder,
    buildArgs: reader.keyValues('build-args'),
    specEnv: reader.keyValues('spec-env'),
    include: reader.list('include'),
    maxParallel: reader.integer('max-parallel', 2, { min: 1, max: 32 }),
    defaultImages: parseDefaultImages(reader.optional('default-images')),
    build: reader.boolean('build', true),
    rebuild: reader.boolean('rebuild', false),
    fallback: reader.boolean('fallback', true),
    failOnFallback: reader.boolean('fail-on-fallback', false),
    outputDir: reader.optional('output-dir'),
    summary: reader.boolean('summary', true),
  };
}
