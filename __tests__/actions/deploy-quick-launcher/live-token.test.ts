import { describe, expect, it } from '@jest/globals';
import { chooseAnonymousToken, jwtClaims, tokenInSettings } from '../../../src/actions/deploy-quick-launcher/live-token.js';

const NOW = new Date('2026-11-27T21:00:00Z');
const DAY = 24 * 3600;

function jwt(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS512' })}.${encode(claims)}.signature`;
}

describe('anonymous token choice', () => {
  it('reads the app launcher token from hostname-keyed settings', () => {
    const settings = JSON.stringify({ 'tools.test': { applicationsMode: 'docker' }, 'apps.test': { applicationsMode: 'folder', anonymousAccess: { token: 'live' } } });
    expect(tokenInSettings(settings)).toBe('live');
    expect(tokenInSettings(JSON.stringify({ 'apps.test': { applicationsMode: 'folder', anonymousAccess: { token: '' } } }))).toBeUndefined();
    expect(tokenInSettings('not json')).toBeUndefined();
    expect(tokenInSettings(undefined)).toBeUndefined();
  });

  it('reads exp and sub from a JWT and nothing from other tokens', () => {
    expect(jwtClaims(jwt({ exp: 5, sub: 'U' }))).toEqual({ exp: 5, sub: 'U' });
    expect(jwtClaims('sandbox-user-abc')).toBeUndefined();
    expect(jwtClaims('a.!!!.c')).toBeUndefined();
  });

  it.each([
    ['no live token', undefined, 'fresh', 'fresh'],
    ['no fresh token (dry run)', 'live', undefined, 'live'],
    ['a live token that is not a JWT', 'sandbox-live', 'fresh', 'sandbox-live'],
    ['a live JWT valid for 30 days', jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'ANON' }), 'fresh', 'live-jwt'],
    ['a live JWT expiring in 2 days', jwt({ exp: NOW.getTime() / 1000 + 2 * DAY, sub: 'ANON' }), 'fresh', 'fresh'],
    ['a live JWT of another user', jwt({ exp: NOW.getTime() / 1000 + 30 * DAY, sub: 'OLD_ANON' }), 'fresh', 'fresh'],
  ])('%s', (_name, live, fresh, expected) => {
    const chosen = chooseAnonymousToken(live, fresh, { now: NOW, user: 'anon' });
    expect(chosen).toBe(expected === 'live-jwt' ? live : expected);
  });
});
