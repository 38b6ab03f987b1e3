import { InputError } from '../../../lib/errors.js';
import { JsonSyntaxError, loadSchema, parseJson } from '../../../lib/json.js';

/** `storage.user.home.hierarchy.template`: folder name -> the folders inside it. */
export interface HomeHierarchy {
  [folder: string]: HomeHierarchy;
}

/** A hierarchy larger than this is surely a mistake (and would be one huge call per user). */
const MAX_HIERARCHY_FOLDERS = 1000;

const SCHEMA = new URL('../../../../schemas/home-hierarchy.schema.json', import.meta.url);

/** The folder names schemas/home-hierarchy.schema.json allows (its propertyNames: 1 to 255 characters, not '.' or '..', no '/', '\\' or control characters). */
function isFolderName(name: string): boolean {
  const chars = [...name];
  return chars.length >= 1 && chars.length <= 255 && name !== '.' && name !== '..' && !chars.some((char) => char === '/' || char === '\\' || char.charCodeAt(0) < 0x20);
}

/**
 * Checks a parsed hierarchy without the schema (no ajv: this runs while the inputs are parsed):
 * folders that would leave the storage (`..`, absolute or multi-segment names) and names the
 * schema's propertyNames refuse, each named with its place in the tree.
 */
function checkFolders(value: unknown, input: string): HomeHierarchy {
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
      if (!isFolderName(name)) throw notAllowed(input, where, name);
      if (++count > MAX_HIERARCHY_FOLDERS) throw new InputError(input, `more than ${MAX_HIERARCHY_FOLDERS} folders`);
      walk(children, path);
    }
  };
  walk(value, '');
  return value as HomeHierarchy;
}

function notAllowed(input: string, where: string, name: string): InputError {
  return new InputError(input, `${where || 'the template'}: folder name ${JSON.stringify(name)} is not allowed (one name per level, not '.' or '..', no control characters)`);
}

/** Checks a hierarchy as checkFolders does, then against the published schema. */
export async function validateHomeHierarchy(value: unknown, input = 'home-hierarchy-template'): Promise<HomeHierarchy> {
  const hierarchy = checkFolders(value, input);
  const problem = (await loadSchema(SCHEMA)).check(value);
  if (problem) {
    const at = problem.pointer.replace(/^\//, '');
    if (problem.propertyName !== undefined) throw notAllowed(input, at, problem.propertyName);
    throw new InputError(input, `${at || 'the template'}: ${problem.message}`);
  }
  return hierarchy;
}

/**
 * Parses the JSON text of the hierarchy template (syntax errors give line and column) and checks
 * its folders; the schema check waits for validateHomeHierarchy, before provisioning changes anything.
 */
export function parseHomeHierarchy(text: string, input = 'home-hierarchy-template'): HomeHierarchy {
  let value: unknown;
  try {
    value = parseJson(text, input);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.location;
    throw new InputError(input, `not valid JSON at line ${line}, column ${column}: ${error.detail}`);
  }
  return checkFolders(value, input);
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
