import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { InputError } from '../../../lib/errors.js';
import { jsonErrorPosition } from '../../../lib/json-position.js';

/** `storage.user.home.hierarchy.template`: folder name -> the folders inside it. */
export interface HomeHierarchy {
  [folder: string]: HomeHierarchy;
}

/** A hierarchy larger than this is surely a mistake (and would be one huge call per user). */
export const MAX_HIERARCHY_FOLDERS = 1000;

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  validator ??= new Ajv({ strict: true, allErrors: false }).compile(
    JSON.parse(readFileSync(new URL('../../../../schemas/home-hierarchy.schema.json', import.meta.url), 'utf8')) as object,
  );
  return validator;
}

/**
 * Checks a parsed hierarchy: first for folders that would leave the storage (`..`, absolute or
 * multi-segment names), each named with its place in the tree, then against the published schema.
 */
export function validateHomeHierarchy(value: unknown, input = 'home-hierarchy-template'): HomeHierarchy {
  let count = 0;
  const walk = (node: unknown, where: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      throw new InputError(input, `${where || 'the template'} must be an object of folders ({} for none), not ${Array.isArray(node) ? 'an array' : typeof node}`);
    }
    for (const [name, children] of Object.entries(node)) {
      const path = where ? `${where}/${name}` : name;
      if (name === '..' || name.split(/[/\\]/).includes('..')) throw new InputError(input, `folder '${path}' escapes the home storage ('..' is not allowed)`);
      if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) {
        throw new InputError(input, `folder '${path}' is an absolute path; names are relative to the home storage`);
      }
      if (name.includes('/') || name.includes('\\')) throw new InputError(input, `folder '${path}': give one folder name per level (nest objects instead of '/')`);
      if (++count > MAX_HIERARCHY_FOLDERS) throw new InputError(input, `more than ${MAX_HIERARCHY_FOLDERS} folders`);
      walk(children, path);
    }
  };
  walk(value, '');
  const validate = compiled();
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    const named = errors.find((error) => error.propertyName !== undefined);
    const at = (named ?? errors[0])?.instancePath.replace(/^\//, '') || 'the template';
    if (named) {
      throw new InputError(input, `${at}: folder name ${JSON.stringify(named.propertyName)} is not allowed (one name per level, not '.' or '..', no control characters)`);
    }
    throw new InputError(input, `${at}: ${errors[0]?.message ?? 'does not match schemas/home-hierarchy.schema.json'}`);
  }
  return value as HomeHierarchy;
}

/** Parses and validates the JSON text of the hierarchy template; syntax errors give line and column. */
export function parseHomeHierarchy(text: string, input = 'home-hierarchy-template'): HomeHierarchy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text);
    throw new InputError(input, `not valid JSON at line ${line}, column ${column}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateHomeHierarchy(value, input);
}

/** The folders of the hierarchy for one user, parents before children, `@@` replaced. */
export function foldersFor(hierarchy: HomeHierarchy, userName: string): string[] {
  const folders: string[] = [];
  const walk = (node: HomeHierarchy, prefix: string) => {
    for (const [name, children] of Object.entries(node)) {
      const path = `${prefix}${name.split('@@').join(userName)}`;
      folders.push(path);
      walk(children, `${path}/`);
    }
  };
  walk(hierarchy, '');
  return folders;
}
