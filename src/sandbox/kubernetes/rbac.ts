import { ApiError } from './status.js';
import type { ResourceType } from './resources.js';

/** A denied permission: every field given must match; `resource` may name a subresource (`pods/log`). */
export interface DenyRule {
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
  /** API group; matches any group when omitted. */
  group?: string;
}

/** What a request asks, in RBAC terms. */
export interface Attributes {
  user: string;
  verb: string;
  resource: ResourceType;
  subresource?: string;
  namespace?: string;
  name?: string;
}

function ruleMatches(rule: DenyRule, attributes: Attributes): boolean {
  const resource = attributes.subresource ? `${attributes.resource.plural}/${attributes.subresource}` : attributes.resource.plural;
  return (
    (rule.verb === '*' || rule.verb === attributes.verb) &&
    (rule.resource === '*' || rule.resource === resource) &&
    (rule.group === undefined || rule.group === attributes.resource.group) &&
    (rule.namespace === undefined || rule.namespace === attributes.namespace) &&
    (rule.name === undefined || rule.name === attributes.name)
  );
}

/**
 * The 403 kube-apiserver's RBAC authorizer answers when a rule denies the request, worded as
 * it words it, e.g. `configmaps "x" is forbidden: User "u" cannot patch resource "configmaps"
 * in API group "" in the namespace "default"`.
 */
export function authorize(rules: readonly DenyRule[], attributes: Attributes): void {
  if (!rules.some((rule) => ruleMatches(rule, attributes))) return;
  const { resource, subresource, name, namespace, verb, user } = attributes;
  const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const what = subresource ? `${resource.plural}/${subresource}` : resource.plural;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const details: Record<string, unknown> = {};
  if (name) details.name = name;
  if (resource.group) details.group = resource.group;
  details.kind = resource.plural;
  throw new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${what}" in API group "${resource.group}" ${scope}`,
    details,
  );
}
