import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

/**
 * JWTs as the API issues them (`security/jwt/JwtTokenGenerator.java:87-93`): RS512-signed, the
 * subject is the user name, `user_id`, `roles` and `groups` are frozen at issue
 * (`entity/security/JwtTokenClaims.java`), and `exp` is `launch.jwt.token.expiration` seconds
 * (default 2592000, 30 days: `SystemPreferences.java:748-749`) unless the call gives its own.
 */
export interface TokenClaims {
  sub: string;
  user_id: string;
  roles: string[];
  groups: string[];
  jti: string;
  iat: number;
  exp: number;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** Issues and verifies the stand-in's tokens (one RSA key pair per process: making one takes a while). */
export class TokenAuthority {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = keys.privateKey;
    this.publicKey = keys.publicKey;
  }

  issue(user: { id: number; userName: string; roles: string[]; groups?: string[] }, expirationSeconds: number, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    const claims: TokenClaims = {
      sub: user.userName,
      user_id: String(user.id),
      roles: [...user.roles],
      groups: [...(user.groups ?? [])],
      jti: randomUUID(),
      iat,
      exp: iat + expirationSeconds,
    };
    const body = `${encode({ typ: 'JWT', alg: 'RS512' })}.${encode(claims)}`;
    return `${body}.${sign('sha512', Buffer.from(body), this.privateKey).toString('base64url')}`;
  }

  /** The claims of a token this authority signed and that has not expired, else undefined. */
  verify(token: string, now = Date.now()): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header = '', payload = '', signature = ''] = parts;
    if (!verify('sha512', Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, 'base64url'))) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}
