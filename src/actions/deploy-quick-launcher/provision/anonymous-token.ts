import { CloudPipelineAuthError, CloudPipelineError } from '../../../cloud-pipeline/errors.js';
import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import { tokenClaims } from '../../../cloud-pipeline/token-claims.js';

/**
 * The roles the anonymous user's token must carry. Every call the launcher makes with it
 * (`/whoami`, `/metadata/search`, `/tool/load`, `/run`, `/datastorage/...`; quick-launcher/src on
 * branch quick-launcher-app) is a secured resource, which needs ROLE_ADMIN or ROLE_USER; a
 * ROLE_ANONYMOUS_USER token alone reaches only `api.security.anonymous.urls`
 * (`app/JWTSecurityConfiguration.java:112-118`, default `/restapi/route,/restapi/static-resources/**`,
 * `deploy/docker/cp-api-srv/config/application.properties:17`).
 */
export const ANONYMOUS_TOKEN_ROLES: readonly string[] = ['ROLE_ANONYMOUS_USER', 'ROLE_USER'];

/** A token kept while it is valid for at least this long (default 7 days). */
const RENEW_BEFORE_SECONDS = 7 * 24 * 3600;

/**
 * Why `live` cannot stay the anonymous token (undefined when it can): it must be a JWT of
 * `userName` that the API still accepts (`GET /whoami` with it), valid for `renewBeforeSeconds`
 * more, whose frozen roles hold ANONYMOUS_TOKEN_ROLES.
 */
export async function liveTokenProblem(
  client: CloudPipelineClient,
  live: string,
  userName: string,
  options: { now?: Date; renewBeforeSeconds?: number } = {},
): Promise<string | undefined> {
  const claims = tokenClaims(live);
  if (!claims) return 'it is not a JWT';
  if (claims.sub?.toUpperCase() !== userName.toUpperCase()) return `it belongs to ${claims.sub ?? 'nobody'}, not ${userName}`;
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (claims.exp !== undefined && claims.exp - now < (options.renewBeforeSeconds ?? RENEW_BEFORE_SECONDS)) {
    return claims.exp <= now ? 'it has expired' : 'it expires soon';
  }
  const missing = ANONYMOUS_TOKEN_ROLES.filter((role) => !(claims.roles ?? []).includes(role));
  if (missing.length > 0) return `its roles (frozen at issue) lack ${missing.join(', ')}`;
  const check = client.withToken(live);
  try {
    const me = await check.users.whoami();
    if (me.userName.toUpperCase() !== userName.toUpperCase()) return `the API says it belongs to ${me.userName}`;
    return undefined;
  } catch (error) {
    if (error instanceof CloudPipelineAuthError) return 'the API refuses it';
    if (error instanceof CloudPipelineError && error.status === 200) return `the API refuses it: ${error.apiMessage}`;
    throw error;
  } finally {
    check.close();
  }
}
