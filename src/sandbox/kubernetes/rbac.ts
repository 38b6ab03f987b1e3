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

/** What an access check names, with the resource as plain strings (SelfSubjectAccessReview). */
export interface AccessCheck {
  verb: string;
  /** Plural, with `/subresource` when one is named. */
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
}

/** True when a deny rule covers the check. */
export function isDenied(rules: readonly DenyRule[], check: AccessCheck): boolean {
  return rules.some(
    (rule) =>
      (rule.verb === '*' || rule.verb === check.verb) &&
      (rule.resource === '*' || rule.resource === check.resource) &&
      (rule.group === undefined || rule.group === check.group) &&
      (rule.namespace === undefined || rule.namespace === check.namespace) &&
      (rule.name === undefined || rule.name === check.name),
  );
}

/**
 * The 403 kube-apiserver's RBAC authorizer answers when a rule denies the request, worded as
 * it words it, e.g. `configmaps "x" is forbidden: User "u" cannot patch resource "configmaps"
 * in API group "" in the namespace "default"`.
 */
export function authorize(rules: readonly DenyRule[], attributes: Attributes): void {
  const { resource, subresource, name, namespace, verb, user } = attributes;
  const plural = subresource ? `${resource.plural}/${subresource}` : resource.plural;
  if (!isDenied(rules, { verb, resource: plural, group: resource.group, namespace, name })) return;
  const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const details: Record<string, unknown> = {};
  if (name) details.name = name;
  if (resource.group) details.group = resource.group;
  details.kind = resource.plural;
  throw new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${plural}" in API group "${resource.group}" ${scope}`,
    details,
  );
}
