import { badRequest } from './status.js';
import { text, valueAtPath } from './json.js';

/** One requirement of a label selector. */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/** Splits on commas outside parentheses (`a in (x,y),b`). */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.map((term) => term.trim()).filter((term) => term !== '');
}

/**
 * Parses a label selector as kube-apiserver does: `=`, `==`, `!=`, `in (...)`, `notin (...)`,
 * `key` (exists) and `!key` (does not exist). `!=` and `notin` also match objects without the key.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTerms(selector).map((term) => {
    const set = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (set) {
      const values = set[3].split(',').map((value) => value.trim()).filter((value) => value !== '');
      return { key: set[1], op: set[2] as 'in' | 'notin', values };
    }
    const equality = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/.exec(term);
    if (equality) {
      return { key: equality[1], op: equality[2] === '!=' ? 'notin' : 'in', values: [equality[3]] };
    }
    const absent = /^!\s*([^\s!=()]+)$/.exec(term);
    if (absent) return { key: absent[1], op: '!exists' };
    if (/^[^\s!=()]+$/.test(term)) return { key: term, op: 'exists' };
    throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
  });
}

/** True when the labels satisfy every requirement. */
export function matchesLabels(requirements: LabelRequirement[], labels: Record<string, string>): boolean {
  return requirements.every((requirement) => {
    const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    switch (requirement.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && requirement.values.includes(labels[requirement.key]);
      case 'notin':
        return !has || !requirement.values.includes(labels[requirement.key]);
    }
  });
}

/** One requirement of a field selector (`metadata.name=x`, `status.phase!=Running`). */
export interface FieldRequirement {
  path: string;
  negate: boolean;
  value: string;
}

/**
 * Parses a field selector. Any dotted path is accepted (kube-apiserver accepts a per-kind set;
 * kubectl uses metadata.name, metadata.namespace and the involvedObject fields of events).
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  return splitTerms(selector).map((term) => {
    const match = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
    return { path: match[1], negate: match[2] === '!=', value: match[3].trim() };
  });
}

/** True when the object satisfies every field requirement. */
export function matchesFields(requirements: FieldRequirement[], object: unknown): boolean {
  return requirements.every((requirement) => {
    const actual = text(valueAtPath(object, requirement.path));
    return requirement.negate ? actual !== requirement.value : actual === requirement.value;
  });
}

/** Matches a `{matchLabels, matchExpressions}` LabelSelector object (Job and Deployment selectors). */
export function requirementsOfSelector(selector: unknown): LabelRequirement[] {
  const out: LabelRequirement[] = [];
  if (typeof selector !== 'object' || selector === null) return out;
  const { matchLabels, matchExpressions } = selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  for (const [key, value] of Object.entries(matchLabels ?? {})) out.push({ key, op: 'in', values: [value] });
  for (const expression of matchExpressions ?? []) {
    const op = expression.operator.toLowerCase();
    if (op === 'in' || op === 'notin') out.push({ key: expression.key, op, values: expression.values ?? [] });
    else if (op === 'exists') out.push({ key: expression.key, op: 'exists' });
    else out.push({ key: expression.key, op: '!exists' });
  }
  return out;
}
