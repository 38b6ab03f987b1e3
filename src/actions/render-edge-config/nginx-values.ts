import { InputError } from '../../lib/errors.js';

/**
 * Strict checks for every value that reaches an nginx configuration, so that no input can add a
 * directive: each check is a whitelist, and the error names the character that was refused.
 */
const DANGEROUS: Array<[RegExp, string]> = [
  [/;/, "';'"],
  [/[{}]/, "'{' or '}'"],
  [/["'`]/, 'a quote'],
  [/[\r\n]/, 'a line break'],
  [/\$/, "'$'"],
  [/#/, "'#'"],
  [/\\/, 'a backslash'],
  [/\s/, 'white space'],
];

function refuseDangerous(value: string, input: string, what: string): void {
  for (const [pattern, name] of DANGEROUS) {
    if (pattern.test(value)) {
      throw new InputError(input, `${JSON.stringify(value)} is not a valid ${what}: it contains ${name}, which nginx would read as syntax`);
    }
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS host name, lower-cased (the launcher keys its settings by `location.hostname`). */
export function checkHost(raw: string, input: string): string {
  const value = raw.trim();
  if (value === '') throw new InputError(input, 'is empty; give a DNS host name such as apps.example.com');
  refuseDangerous(value, input, 'DNS host name');
  const host = value.toLowerCase();
  if (host.length > 253) {
    throw new InputError(input, `${JSON.stringify(value)} is not a valid DNS host name: it has ${host.length} characters, and a host name has at most 253`);
  }
  if (!host.split('.').every((label) => LABEL.test(label))) {
    throw new InputError(
      input,
      `${JSON.stringify(value)} is not a valid DNS host name (letters, digits and '-' in dot-separated labels of 1-63 characters)`,
    );
  }
  return host;
}

const PATH = /^\/[A-Za-z0-9._@+=,/-]*$/;

/** An absolute path without `..`, spaces or nginx syntax. */
export function checkPath(raw: string, input: string): string {
  const value = raw.trim();
  refuseDangerous(value, input, 'path');
  if (!PATH.test(value)) throw new InputError(input, `${JSON.stringify(value)} must be an absolute path (letters, digits, . _ @ + = , - /)`);
  if (value.split('/').includes('..')) throw new InputError(input, `${JSON.stringify(value)} must not contain '..'`);
  return value.length > 1 ? value.replace(/\/+$/, '') : value;
}

/** A TCP port: 1-5 digits, 1..65535. */
export function isPort(value: string): boolean {
  return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A `listen` address: a port, or an IPv4 address and port (`127.0.0.1:18443`). */
export function checkListen(raw: string, input: string): string {
  const value = raw.trim();
  refuseDangerous(value, input, 'port');
  const colon = value.lastIndexOf(':');
  const address = colon === -1 ? undefined : value.slice(0, colon);
  const port = colon === -1 ? value : value.slice(colon + 1);
  const octets = address === undefined ? undefined : IPV4.exec(address);
  if (address !== undefined && (!octets || octets.slice(1).some((octet) => Number(octet) > 255))) {
    throw new InputError(input, `${JSON.stringify(value)} is not PORT or IPV4:PORT`);
  }
  if (!isPort(port)) {
    throw new InputError(input, `${JSON.stringify(value)} is not a port number in 1..65535`);
  }
  return value;
}

/** An http(s) URL for the launcher's `api` setting, normalised (it is JSON-encoded, never reaches nginx). */
export function checkApiUrl(raw: string, input: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, `${JSON.stringify(value)} is not a URL (expected https://<host>/pipeline/restapi)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `${JSON.stringify(value)} must be an http or https URL`);
  }
  if (url.username || url.password) throw new InputError(input, 'must not carry credentials');
  // The launcher appends each call's path to it as text (combineUrl), so a query or fragment
  // would end up in the middle of every request URL.
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new InputError(input, `${JSON.stringify(value)} must not have a query or fragment (expected https://<host>/pipeline/restapi)`);
  }
  // The normalised form (WHATWG URL serialisation: quotes and spaces percent-encoded).
  return url.href.replace(/\/+$/, '');
}

/** A Cloud Pipeline user name for the `serviceUser` setting. */
export function checkUserName(raw: string, input: string): string {
  const value = raw.trim();
  if (!/^[A-Za-z0-9_.@-]{1,128}$/.test(value)) {
    throw new InputError(input, `${JSON.stringify(value)} is not a valid user name (letters, digits, _ . @ -)`);
  }
  return value;
}
