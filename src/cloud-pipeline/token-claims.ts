/**
 * The claims of a Cloud Pipeline JWT, read without verifying it (the API does that): subject,
 * expiry and the roles frozen at issue (`security/jwt/JwtTokenGenerator.java:87-93`,
 * `entity/security/JwtTokenClaims.java`). Undefined for a token that is not a readable JWT.
 */
export interface TokenClaims {
  sub?: string;
  exp?: number;
  roles?: string[];
}

export function tokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims !== 'object' || claims === null) return undefined;
    return {
      ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
      ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}),
      ...(Array.isArray(claims.roles) ? { roles: claims.roles.filter((role): role is string => typeof role === 'string') } : {}),
    };
  } catch {
    return undefined;
  }
}
