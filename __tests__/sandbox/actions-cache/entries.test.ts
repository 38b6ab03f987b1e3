import { describe, expect, it } from '@jest/globals';
import { CacheEntries } from '../../../src/sandbox/actions-cache/entries.js';

function store(...keys: string[]): CacheEntries {
  const entries = new CacheEntries();
  for (const key of keys) {
    const entry = entries.create(key, 'v1');
    if (entry) entry.finalized = true;
  }
  return entries;
}

describe('CacheEntries', () => {
  it('refuses a second entry for the same key and version, not for another version', () => {
    const entries = new CacheEntries();
    expect(entries.create('k', 'v1')).toBeDefined();
    expect(entries.create('k', 'v1')).toBeUndefined();
    expect(entries.create('k', 'v2')).toBeDefined();
  });

  it('matches the exact key before a longer key it prefixes', () => {
    expect(store('build-1', 'build').match(['build'], 'v1')?.key).toBe('build');
  });

  it('matches the newest entry a key prefixes', () => {
    expect(store('build-a', 'build-b', 'other').match(['build-'], 'v1')?.key).toBe('build-b');
  });

  it('tries the restore keys in order after the primary key', () => {
    const entries = store('deps-old', 'build-x');
    expect(entries.match(['none', 'build-', 'deps-'], 'v1')?.key).toBe('build-x');
    expect(entries.match(['none', 'deps-', 'build-'], 'v1')?.key).toBe('deps-old');
  });

  it('never matches another version or an entry not yet finalized', () => {
    const entries = store('k');
    expect(entries.match(['k'], 'v2')).toBeUndefined();
    entries.create('pending', 'v1');
    expect(entries.match(['pending'], 'v1')).toBeUndefined();
    expect(entries.pending('pending', 'v1')?.key).toBe('pending');
  });
});
