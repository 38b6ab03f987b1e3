/**
 * URL authorization as `app/JWTSecurityConfiguration.java:100-127` configures it, for paths
 * below the context path (`server.context-path=/pipeline`), e.g. `/restapi/whoami`.
 */

/** Default of `api.security.anonymous.urls` (`deploy/docker/cp-api-srv/config/application.properties:17`). */
export const DEFAULT_ANONYMOUS_URLS: readonly string[] = ['/restapi/route', '/restapi/static-resources/**'];

/** Permitted without a token (`JWTSecurityConfiguration.java:149-156`). */
const UNSECURED_URLS = ['/restapi/dockerRegistry/oauth', '/restapi/proxy/**', '/error', '/error/**'];

/** Spring's AntPathMatcher for the patterns used here: `**` any number of segments, `*` within one. */
function antMatch(pattern: string, path: string): boolean {
  const source = pattern
    .split('/')
    .map((part) => (part === '**' ? '**' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/')
    .replace(/\/\*\*/g, '(?:/.*)?')
    .replace(/^\*\*/, '.*');
  return new RegExp(`^${source}$`).test(path);
}

export type UrlDecision = 'permit' | 'deny';

/**
 * Whether a token holding `roles` reaches `path`: unsecured URLs always, the anonymous URLs with
 * ROLE_ADMIN, ROLE_USER or ROLE_ANONYMOUS_USER (lines 112-114), everything else under
 * `/restapi/**` with ROLE_ADMIN or ROLE_USER only (lines 117-118).
 */
export function authorizeUrl(path: string, roles: readonly string[], anonymousUrls: readonly string[]): UrlDecision {
  if (UNSECURED_URLS.some((pattern) => antMatch(pattern, path))) return 'permit';
  const has = (...wanted: string[]) => wanted.some((role) => roles.includes(role));
  if (anonymousUrls.some((pattern) => antMatch(pattern, path))) return has('ROLE_ADMIN', 'ROLE_USER', 'ROLE_ANONYMOUS_USER') ? 'permit' : 'deny';
  return has('ROLE_ADMIN', 'ROLE_USER') ? 'permit' : 'deny';
}

/** The body Spring Boot's BasicErrorController writes for a `sendError` (401, 403, 404). */
export function bootError(status: number, path: string, message?: string): Record<string, unknown> {
  const reason: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
  return { timestamp: Date.now(), status, error: reason[status] ?? 'Error', message: message ?? reason[status] ?? 'Error', path };
}
