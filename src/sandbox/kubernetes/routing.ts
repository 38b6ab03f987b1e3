import { findResource, type ResourceType } from './resources.js';

/** A resource request decoded from its URL path. */
export interface ResourceRoute {
  resource: ResourceType;
  /** The namespace in the path; undefined for cluster-scoped objects and all-namespace lists. */
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Decodes `/api/v1[/namespaces/<ns>]/<plural>[/<name>[/<sub>]]` and the `/apis/<group>/<version>/...`
 * equivalent. `/api/v1/namespaces/<name>[/status]` is the Namespace object itself.
 */
export function parseResourcePath(path: string): ResourceRoute | undefined {
  const parts = path.split('/').filter((part) => part !== '').map((part) => decodeURIComponent(part));
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && findResource(group, version, rest[2])?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const resource = findResource(group, version, rest[0]);
  if (!resource || rest.length > 3) return undefined;
  if (!resource.namespaced && namespace !== undefined) return undefined;
  const subresource = rest[2];
  if (subresource !== undefined && !resource.subresources?.includes(subresource)) return undefined;
  return { resource, namespace, name: rest[1], subresource };
}
