import { InputError } from '../lib/errors.js';
import { redactUrlCredentials } from '../lib/redact.js';

/**
 * Checks the `api-url` input: an http(s) URL without userinfo. The API authenticates with the
 * bearer token alone (`api-token`); a `user:password@` in the URL would only end up in logs.
 * Returns the parsed URL.
 */
export function checkApiUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('api-url', `is not a URL: ${redactUrlCredentials(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError('api-url', `must be an http:// or https:// URL, not ${parsed.protocol}//`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InputError('api-url', `must not carry credentials (${redactUrlCredentials(parsed.href)}): the API is reached with 'api-token' alone`);
  }
  return parsed;
}
