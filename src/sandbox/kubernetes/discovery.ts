import type { JsonObject } from './json.js';
import { groupVersion, RESOURCES, type ResourceType } from './resources.js';

/** What `/version` answers: a v1.32 server, matching the kubectl the tests run. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function resourceEntries(resource: ResourceType): JsonObject[] {
  const main: JsonObject = {
    name: resource.plural,
    singularName: resource.singular,
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs ?? VERBS,
  };
  if (resource.shortNames) main.shortNames = resource.shortNames;
  if (resource.categories) main.categories = resource.categories;
  const subresources = (resource.subresources ?? []).map((sub) => ({
    name: `${resource.plural}/${sub}`,
    singularName: '',
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: sub === 'log' ? ['get'] : ['get', 'patch', 'update'],
  }));
  return [main, ...subresources];
}

/**
 * The plain (non-aggregated) discovery document for a path, or undefined when the path is not a
 * discovery path. kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2) but accepts these.
 */
export function discoveryDocument(path: string, serverAddress: string): JsonObject | undefined {
  if (path === '/version') return VERSION_INFO;
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
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: resources.flatMap(resourceEntries) };
}

/** `/apis/<group>`: the APIGroup document of one group. */
export function groupDocument(group: string): JsonObject | undefined {
  const resource = RESOURCES.find((r) => r.group === group && group !== '');
  if (!resource) return undefined;
  const entry = { groupVersion: groupVersion(resource), version: resource.version };
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [entry], preferredVersion: entry };
}
