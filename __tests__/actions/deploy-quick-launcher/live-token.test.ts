import { describe, expect, it } from '@jest/globals';
import { tokenInSettings } from '../../../src/actions/deploy-quick-launcher/live-token.js';

describe('the live anonymous token', () => {
  it('reads the app launcher token from hostname-keyed settings', () => {
    const settings = JSON.stringify({ 'tools.test': { applicationsMode: 'docker' }, 'apps.test': { applicationsMode: 'folder', anonymousAccess: { token: 'live' } } });
    expect(tokenInSettings(settings)).toBe('live');
    expect(tokenInSettings(JSON.stringify({ 'apps.test': { applicationsMode: 'folder', anonymousAccess: { token: '' } } }))).toBeUndefined();
    expect(tokenInSettings('not json')).toBeUndefined();
    expect(tokenInSettings(undefined)).toBeUndefined();
  });
});
