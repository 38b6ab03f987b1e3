import { sha256 } from '../../lib/digest.js';
import { errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { RegistryClient, dockerCredentials } from '../../tools/registry.js';
import { substituteArgs } from './dockerfile.js';
import type { PlannedVariant } from './plan.js';
import { parseReference } from './reference.js';

/** A FROM image pulled from outside this run, named the way the registry API wants it. */
export interface BaseImage {
  /** The FROM image once its args are substituted, e.g. `ubuntu:22.04`. */
  reference: string;
  /** `host[:port]` of the registry API: `registry-1.docker.io` for Docker Hub. */
  host: string;
  repository: string;
  tag: string;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The external bases of each variant (pure): its FROM images once the build args are in, less
 * the stages of its own Dockerfile, `scratch`, images pinned by digest (the digest is already in
 * the Dockerfile or the args, so in the tag) and the optimized images of this run (their content
 * tags are already in the child's). A name without a host is Docker Hub's, `library/` added.
 */
export function externalBases(plan: readonly PlannedVariant[], prefix: string): Map<string, BaseImage[]> {
  const ownImages = new Set(plan.map((planned) => planned.variant.image));
  const bases = new Map<string, BaseImage[]>();
  for (const planned of plan) {
    const { dockerfileFacts: facts } = planned.variant;
    const args = new Map<string, string | undefined>(facts.globalArgs);
    for (const [key, value] of planned.buildArgs) args.set(key, value);
    const found: BaseImage[] = [];
    for (const from of facts.froms) {
      if (facts.stages.has(from.image)) continue;
      const image = substituteArgs(from.image, args);
      const reference = parseReference(image);
      if (!reference || reference.digest || image === 'scratch') continue;
      const full = reference.host ? `${reference.host}/${reference.path}` : reference.path;
      const own = prefix && `${full}/`.startsWith(prefix) ? full.slice(prefix.length) : reference.host ? undefined : reference.path;
      if (own !== undefined && ownImages.has(own)) continue;
      const hub = !reference.host || DOCKER_HUB.has(reference.host);
      const repository = hub && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
      found.push({ reference: image, host: hub ? 'registry-1.docker.io' : (reference.host as string), repository, tag: reference.tag ?? 'latest' });
    }
    bases.set(planned.variant.name, found);
  }
  return bases;
}

/** The manifest digest of a base image; undefined when the registry cannot say. */
export type BaseDigestResolver = (base: BaseImage) => Promise<string | undefined>;

/**
 * Resolves bases through the Registry API (the action's HTTP client: proxies and CA honoured,
 * `docker login` credentials). The push registry's client is reused for its own host, so an
 * insecure (plain HTTP) registry stays reachable; other hosts are asked over HTTPS.
 */
export function registryBaseResolver(pushRegistry: RegistryClient): BaseDigestResolver {
  const clients = new Map<string, RegistryClient>([[pushRegistry.endpoint.host, pushRegistry]]);
  return async (base) => {
    let client = clients.get(base.host);
    if (!client) {
      client = new RegistryClient({ host: base.host, insecure: false }, await dockerCredentials(base.host));
      clients.set(base.host, client);
    }
    return client.digest(base.repository, base.tag);
  };
}

/**
 * Each variant's context digest with the digests of its external bases folded in, so a base image
 * pushed anew under the same tag (a security update of `ubuntu:22.04`) gives a new content tag and
 * a rebuild. A base whose digest cannot be read leaves the digest as it was, with a warning: its
 * updates then need `rebuild: true`.
 */
export async function withBaseDigests(
  contextDigests: ReadonlyMap<string, string>,
  bases: ReadonlyMap<string, BaseImage[]>,
  resolve: BaseDigestResolver,
  logger: Logger,
): Promise<Map<string, string>> {
  const resolved = new Map<string, Promise<string | undefined>>();
  const digestOf = (base: BaseImage): Promise<string | undefined> => {
    const key = `${base.host}/${base.repository}:${base.tag}`;
    let found = resolved.get(key);
    if (!found) {
      found = resolve(base).then(
        (digest) => {
          if (!digest) logger.warning(`Base image ${base.reference} was not found in its registry; its updates do not change the content tag (use rebuild: true)`);
          return digest;
        },
        (error: unknown) => {
          logger.warning(`Base image ${base.reference}: its digest could not be read (${errorMessage(error)}); its updates do not change the content tag (use rebuild: true)`);
          return undefined;
        },
      );
      resolved.set(key, found);
    }
    return found;
  };
  const result = new Map(contextDigests);
  for (const [name, digest] of contextDigests) {
    const lines: string[] = [];
    for (const base of bases.get(name) ?? []) {
      const baseDigest = await digestOf(base);
      if (baseDigest) lines.push(`${base.reference} ${baseDigest}`);
    }
    if (lines.length > 0) result.set(name, sha256([digest, ...lines].join('\n')));
  }
  return result;
}
