import type { IncomingHttpHeaders } from 'node:http';

/**
 * CORS as the API answers it. Upstream maps `/**` to any origin, method and header
 * (`app/SecurityConfig.java:38-52`) through Spring 4.3's `CorsRegistration`, whose implicit
 * defaults are credentials allowed and a max age of 1800 s; with credentials allowed Spring's
 * `CorsConfiguration.checkOrigin` echoes the caller's origin instead of `*`. Spring's
 * `DefaultCorsProcessor` adds nothing to a request without `Origin` or from the same origin, and
 * on a preflight echoes the requested method and headers (any method, any header allowed).
 */
const CORS_MAX_AGE_SECONDS = 1800;

/** True for a CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && typeof headers.origin === 'string' && typeof headers['access-control-request-method'] === 'string';
}

/** The CORS headers of one answer ({} when the request is not a cross-origin one). */
export function corsHeaders(method: string, headers: IncomingHttpHeaders, scheme = 'http'): Record<string, string> {
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === '') return {};
  if (sameOrigin(origin, headers.host, scheme)) return {};
  const answer: Record<string, string> = {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Credentials': 'true',
  };
  if (isPreflight(method, headers)) {
    answer['Access-Control-Allow-Methods'] = String(headers['access-control-request-method']).trim();
    const requested = headers['access-control-request-headers'];
    const list = (typeof requested === 'string' ? requested : '')
      .split(',')
      .map((header) => header.trim())
      .filter((header) => header !== '');
    if (list.length > 0) answer['Access-Control-Allow-Headers'] = list.join(', ');
    answer['Access-Control-Max-Age'] = String(CORS_MAX_AGE_SECONDS);
  }
  return answer;
}

function sameOrigin(origin: string, host: string | undefined, scheme: string): boolean {
  if (host === undefined) return false;
  try {
    const parsed = new URL(origin);
    return parsed.protocol === `${scheme}:` && parsed.host === new URL(`${scheme}://${host}`).host;
  } catch {
    return false;
  }
}
