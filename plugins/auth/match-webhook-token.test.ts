import { describe, expect, it } from 'vitest';
import { isSameToken, storedTokenBytes } from './match-webhook-token.js';

const ROUTE = '/webhooks/new-time-entry';

describe('the token stored for a webhook route', () => {
  it('is found by the route path, by the full URL under the base path, or by a URL ending with the route', () => {
    const byPath = Object.freeze({ [ROUTE]: 'token-a' });
    const byUrl = Object.freeze({ [`https://addon.example/base${ROUTE}`]: 'token-b' });
    const bySuffix = Object.freeze({ [`https://proxy.example/other${ROUTE}/`]: 'token-c' });
    expect(isSameToken('token-a', storedTokenBytes(byPath, ROUTE, '/base') as Buffer)).toBe(true);
    expect(isSameToken('token-b', storedTokenBytes(byUrl, ROUTE, '/base/') as Buffer)).toBe(true);
    expect(isSameToken('token-c', storedTokenBytes(bySuffix, ROUTE, '/base') as Buffer)).toBe(true);
    expect(storedTokenBytes(byPath, '/webhooks/other', '/base')).toBeUndefined();
  });

  it('refuses another token, a prefix of it and an empty one', () => {
    const stored = storedTokenBytes(Object.freeze({ [ROUTE]: 'the-stored-token' }), ROUTE, '') as Buffer;
    for (const presented of ['another-token-xx', 'the-stored', '', 'the-stored-token ', 'the-stored-tokén']) {
      expect(isSameToken(presented, stored)).toBe(false);
    }
    expect(isSameToken('the-stored-token', stored)).toBe(true);
  });

  it('encodes a record once per route: the next delivery with the same cached record reuses the bytes', () => {
    const record = Object.freeze({ [ROUTE]: 'token-a' });
    const first = storedTokenBytes(record, ROUTE, '');
    expect(storedTokenBytes(record, ROUTE, '')).toBe(first);
    // A new record (the installation read again, or changed) is looked up afresh.
    const changed = Object.freeze({ [ROUTE]: 'token-b' });
    expect(isSameToken('token-b', storedTokenBytes(changed, ROUTE, '') as Buffer)).toBe(true);
    expect(isSameToken('token-a', storedTokenBytes(changed, ROUTE, '') as Buffer)).toBe(false);
  });
});
