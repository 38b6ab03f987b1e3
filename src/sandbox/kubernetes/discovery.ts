import type { JsonObject } from './json.js';
import { profileTraits, type ProfileTraits } from './profiles.js';
import { groupVersion, RESOURCES, type ResourceType } from './resources.js';

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** Kind and verbs of a subresource entry, as kube-apiserver lists them. */
function subresourceEntry(sub: string): { kind?: string; verbs: string[] } {
  if (sub === 'log') return { verbs: ['get'] };
  // pods/exec is served for GET (WebSocket) and POST (SPDY), as PodExecOptions.
  if (sub === 'exec') return { kind: 'PodExecOptions', verbs: ['create', 'get'] };
  return { verbs: ['get', 'patch', 'update'] };
}

function resourceEntries(resource: ResourceType, traits: ProfileTraits): JsonObject[] {
  const main: JsonObject = {
    name: resource.plural,
    // Before 1.27 kube-apiserver left singularName empty.
    singularName: traits.singularNames ? resource.singular : '',
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs ?? VERBS,
  };
  if (resource.shortNames) main.shortNames = resource.shortNames;
  if (resource.categories) main.categories = resource.categories;
  const subresources = (resource.subresources ?? []).map((sub) => {
    const entry = subresourceEntry(sub);
    return { name: `${resource.plural}/${sub}`, singularName: '', namespaced: resource.namespaced, kind: entry.kind ?? resource.kind, verbs: entry.verbs };
  });
  return [main, ...subresources];
}

/**
 * The plain (non-aggregated) discovery document for a path, or undefined when the path is not a
 * discovery path. kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2) but accepts these.
 */
export function discoveryDocument(path: string, serverAddress: string, traits: ProfileTraits = profileTraits('current')): JsonObject | undefined {
  if (path === '/version') return traits.version;
  if (path === '/api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
  }
  const groups = [...new Set(RESOURCES.filter((r) => r.group !== '').map((r) => `${r.group}/${r.version}`))];
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => {
        const [name, version] = gv.split('/');
        const entry = { groupVersion: gv, version };
        return { name, versions: [entry], preferredVersion: entry };
      }),
    };
  }
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!match) return undefined;
  const gv = match[1] ?? `${match[2]}/${match[3]}`;
  const resources = RESOURCES.filter((r) => groupVersion(r) === gv);
  if (resources.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: resources.flatMap((resource) => resourceEntries(resource, traits)) };
}

/** `/apis/<group>`: the APIGroup document of one group. */
export function groupDocument(group: string): JsonObject | undefined {
  const resource = RESOURCES.find((r) => r.group === group && group !== '');
  if (!resource) return undefined;
  const entry = { groupVersion: groupVersion(resource), version: resource.version };
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [entry], preferredVersion: entry };
}
