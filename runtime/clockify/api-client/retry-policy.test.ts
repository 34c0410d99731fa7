import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRIES, isRetryable, parseRetryAfterMs } from './retry-policy.js';

describe('isRetryable', () => {
  it.each([
    [429, true, true],
    [503, true, true],
    [500, true, false],
    [502, true, false],
    [504, true, false],
    [400, false, false],
    [401, false, false],
    [403, false, false],
    [404, false, false],
    [409, false, false],
  ])('HTTP %i: idempotent %s, non-idempotent %s', (status, idempotent, other) => {
    expect(isRetryable({ kind: 'response', status }, true)).toBe(idempotent);
    expect(isRetryable({ kind: 'response', status }, false)).toBe(other);
  });

  it('repeats a failed connection for every method, a timeout or broken connection only when idempotent', () => {
    expect(isRetryable({ kind: 'error', failure: 'connect' }, false)).toBe(true);
    expect(isRetryable({ kind: 'error', failure: 'timeout' }, false)).toBe(false);
    expect(isRetryable({ kind: 'error', failure: 'network' }, false)).toBe(false);
    expect(isRetryable({ kind: 'error', failure: 'timeout' }, true)).toBe(true);
  });
});

describe('backoffDelayMs', () => {
  it('draws from zero to a ceiling that doubles per retry and stops at maxDelayMs', () => {
    const top = () => 0.999_999;
    expect(backoffDelayMs(1, DEFAULT_RETRIES, top)).toBe(199);
    expect(backoffDelayMs(3, DEFAULT_RETRIES, top)).toBe(799);
    expect(backoffDelayMs(20, DEFAULT_RETRIES, top)).toBe(9999);
    expect(backoffDelayMs(3, DEFAULT_RETRIES, () => 0)).toBe(0);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Tue, 31 Dec 2024 00:00:05 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});
