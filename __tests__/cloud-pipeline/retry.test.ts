import { describe, expect, test } from '@jest/globals';
import { parseRetryAfter, retryDelay } from '../../src/cloud-pipeline/index.js';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retry policy', () => {
  test.each([
    ['seconds', '3', 3000],
    ['fractional seconds', '0.5', 500],
    ['an HTTP date', new Date(10_000 + 2000).toUTCString(), 2000],
    ['a date in the past', new Date(0).toUTCString(), 0],
    ['garbage', 'soon', undefined],
    ['absent', undefined, undefined],
  ])('parseRetryAfter: %s', (_name, header, expected) => {
    expect(parseRetryAfter(header, 10_000)).toBe(expected);
  });

  test.each([
    [1, 0, 50],
    [1, 1, 100],
    [3, 0, 200],
    [3, 1, 400],
    [10, 1, 1000],
  ])('backoff with full jitter: retry %i, dice %f -> %i ms', (retry, dice, expected) => {
    expect(retryDelay(policy, retry, undefined, () => dice)).toBe(expected);
  });

  test('Retry-After wins over backoff and is capped by maxDelayMs', () => {
    expect(retryDelay(policy, 1, 700, () => 0)).toBe(700);
    expect(retryDelay(policy, 1, 60_000, () => 0)).toBe(1000);
    expect(retryDelay(policy, 4, 0, () => 1)).toBe(0);
  });
});
