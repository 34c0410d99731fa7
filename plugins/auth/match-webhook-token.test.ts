import { describe, expect, it } from 'vitest';
import { isSameToken, storedTokenDigest } from './match-webhook-token.js';

const ROUTE = '/webhooks/new-time-entry';

describe('the token stored for a webhook route', () => {
  it('is found by the route path, by the full URL under the base path, or by a URL ending with the route', () => {
    const byPath = Object.freeze({ [ROUTE]: 'token-a' });
    const byUrl = Object.freeze({ [`https://addon.example/base${ROUTE}`]: 'token-b' });
    const bySuffix = Object.freeze({ [`https://proxy.example/other${ROUTE}/`]: 'token-c' });
    expect(isSameToken('token-a', storedTokenDigest(byPath, ROUTE, '/base') as Buffer)).toBe(true);
    expect(isSameToken('token-b', storedTokenDigest(byUrl, ROUTE, '/base/') as Buffer)).toBe(true);
    expect(isSameToken('token-c', storedTokenDigest(bySuffix, ROUTE, '/base') as Buffer)).toBe(true);
    expect(storedTokenDigest(byPath, '/webhooks/other', '/base')).toBeUndefined();
  });

  it('refuses another token, a prefix of it and an empty one', () => {
    const digest = storedTokenDigest(Object.freeze({ [ROUTE]: 'the-stored-token' }), ROUTE, '') as Buffer;
    for (const presented of ['another-token-xx', 'the-stored', '', 'the-stored-token ']) expect(isSameToken(presented, digest)).toBe(false);
  });

  it('hashes a record once per route: the next delivery with the same cached record reuses the digest', () => {
    const record = Object.freeze({ [ROUTE]: 'token-a' });
    const first = storedTokenDigest(record, ROUTE, '');
    expect(storedTokenDigest(record, ROUTE, '')).toBe(first);
    // A new record (the installation read again, or changed) is looked up afresh.
    const changed = Object.freeze({ [ROUTE]: 'token-b' });
    expect(isSameToken('token-b', storedTokenDigest(changed, ROUTE, '') as Buffer)).toBe(true);
    expect(isSameToken('token-a', storedTokenDigest(changed, ROUTE, '') as Buffer)).toBe(false);
  });
});
