import { isIP } from 'node:net';
import { ConfigurationError } from './errors.js';
import { redactUrlCredentials } from './redact.js';

/**
 * Which proxy a request goes through, from the environment as curl and the GitHub runner read it:
 * `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http URLs (the
 * lower-case name wins when both are set), `no_proxy`/`NO_PROXY` for the exceptions.
 *
 * NO_PROXY entries, separated by commas or blanks, case-insensitive:
 * - `*` bypasses the proxy for every host;
 * - `example.com`, `.example.com` and `*.example.com` all match example.com and every name under it;
 * - an IP address matches that address exactly (`[::1]` or `::1` for IPv6); CIDR ranges are not read;
 * - `host:port` matches that host on that port only (the URL's default port when it names none).
 * Loopback (localhost, *.localhost, 127.0.0.0/8, ::1) never goes through a proxy: a proxy cannot
 * reach this machine's loopback, and @actions/http-client, which the actions used before, did the same.
 */
export interface ProxyRoute {
  /** The proxy to use, or undefined to connect directly. */
  proxy?: URL;
  /** The variable the proxy came from (for messages). */
  variable?: string;
}

function envValue(env: NodeJS.ProcessEnv, name: string): { name: string; value: string } | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return { name: key, value };
  }
  return undefined;
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** True for localhost, *.localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** True when one NO_PROXY entry exempts `url`. */
function matchesEntry(url: URL, rawEntry: string): boolean {
  let entry = rawEntry.toLowerCase();
  if (entry === '*') return true;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    entry = bracketed[1];
    port = bracketed[2];
  } else if (isIP(entry) !== 6) {
    const withPort = /^(.*):(\d+)$/.exec(entry);
    if (withPort) [, entry, port] = withPort;
  }
  if (port !== undefined && port !== defaultPort(url)) return false;
  const host = bareHost(url.hostname);
  if (isIP(entry) !== 0) return host === entry;
  const suffix = entry.replace(/^\*?\./, '');
  return suffix !== '' && (host === suffix || host.endsWith(`.${suffix}`));
}

/** True when NO_PROXY (or loopback) says `url` is reached directly. */
export function bypassesProxy(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  if (isLoopbackHost(url.hostname)) return true;
  const noProxy = envValue(env, 'no_proxy')?.value ?? '';
  return noProxy.split(/[\s,]+/).some((entry) => entry !== '' && matchesEntry(url, entry));
}

/** The proxy `url` goes through, per the environment; a proxy variable that is no http(s) URL is a ConfigurationError naming it. */
export function proxyRoute(url: URL, env: NodeJS.ProcessEnv = process.env): ProxyRoute {
  const found = envValue(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (found === undefined || bypassesProxy(url, env)) return {};
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`);
  } catch {
    throw new ConfigurationError(`${found.name} is not a URL: ${redactUrlCredentials(found.value)}`);
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new ConfigurationError(`${found.name}: only http:// and https:// proxies are supported, not ${proxy.protocol}//`);
  }
  return { proxy, variable: found.name };
}

/** The Proxy-Authorization header for a proxy URL with userinfo, if any. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

/** A proxy URL fit for a message: no userinfo, no path. */
export function describeProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}
