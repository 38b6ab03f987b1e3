import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/** The Role of examples/rbac and kube-apiserver's view of a request, to replay requests against it. */
export interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** A request in RBAC terms, as kube-apiserver's request-info resolver sees it. */
export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  name?: string;
  namespace?: string;
}

/** The RBAC attributes of a request, or undefined for non-resource paths (discovery, openapi, version). */
export function attributesOf(method: string, path: string, query: string): Attributes | undefined {
  const match = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)\/(.*)$/.exec(path);
  if (!match) return undefined;
  const group = match[1] ?? '';
  let parts = match[2].split('/');
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  const [resource, name, subresource] = parts;
  const watch = /(^|&)watch=(true|1)/.test(query);
  const verbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
  const verb = method === 'GET' ? (name === undefined ? (watch ? 'watch' : 'list') : 'get') : (verbs[method] ?? method.toLowerCase());
  return { verb, group, resource: subresource ? `${resource}/${subresource}` : resource, ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
}

export function allowed(rules: Rule[], request: Attributes): boolean {
  return rules.some(
    (rule) =>
      rule.apiGroups.includes(request.group) &&
      rule.resources.includes(request.resource) &&
      rule.verbs.includes(request.verb) &&
      (rule.resourceNames === undefined || (request.name !== undefined && rule.resourceNames.includes(request.name))),
  );
}

export async function roleRules(): Promise<Rule[]> {
  const documents = parseAllDocuments(await readFile(new URL('../../../examples/rbac/quick-launcher-deployer.yaml', import.meta.url), 'utf8')).map((document) => document.toJS() as { kind: string; rules?: Rule[] });
  return documents.find((document) => document.kind === 'Role')?.rules ?? [];
}

