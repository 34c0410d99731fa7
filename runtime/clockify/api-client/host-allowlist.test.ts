import { describe, expect, it } from 'vitest';
import { ClockifyApiError } from './client-errors.js';
import { createHostAllowlist, isHostPattern } from './host-allowlist.js';

const clockify = createHostAllowlist();
const withDev = createHostAllowlist({ devHosts: ['127.0.0.1:*', 'localhost:8080', '[::1]:*'] });

describe('createHostAllowlist', () => {
  it.each([
    'https://api.clockify.me/api',
    'https://developer.clockify.me/api',
    'https://euc1.clockify.me/api',
    'https://use2.clockify.me/api',
    'https://euw2.clockify.me/api',
    'https://apse2.clockify.me/api',
    'https://reports.api.clockify.me/v1',
    'https://pto.api.clockify.me/v1',
    'https://use2.api.clockify.me/pto',
    'https://api.clockify.me:443/api',
  ])('allows Clockify’s host %s over HTTPS', (url) => {
    expect(clockify.allows(new URL(url))).toBe(true);
  });

  it.each([
    ['plain HTTP to Clockify', 'http://api.clockify.me/api'],
    ['another port', 'https://api.clockify.me:8443/api'],
    ['a look-alike domain', 'https://api.clockify.me.evil.example/api'],
    ['a suffix look-alike', 'https://evilclockify.me/api'],
    ['two labels under *.clockify.me', 'https://a.b.c.clockify.me/api'],
    ['the bare domain', 'https://clockify.me/api'],
    ['a trailing-dot host', 'https://api.clockify.me./api'],
    ['credentials in the URL', 'https://user:pw@api.clockify.me/api'],
    ['the simulator when not configured', 'http://127.0.0.1:8080/api'],
    ['localhost when not configured', 'http://localhost:8080/api'],
  ])('refuses %s', (_case, url) => {
    expect(clockify.allows(new URL(url))).toBe(false);
  });

  it('allows configured dev hosts over HTTP, on the configured ports only', () => {
    expect(withDev.allows(new URL('http://127.0.0.1:39123/api'))).toBe(true);
    expect(withDev.allows(new URL('http://localhost:8080/api'))).toBe(true);
    expect(withDev.allows(new URL('http://[::1]:4000/api'))).toBe(true);
    expect(withDev.allows(new URL('http://localhost:8081/api'))).toBe(false);
    expect(withDev.allows(new URL('http://127.0.0.2:39123/api'))).toBe(false);
  });

  it('throws CLOCKIFY_HOST_NOT_ALLOWED naming the host', () => {
    const error = (() => {
      try {
        clockify.check(new URL('https://evil.example/api'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ClockifyApiError);
    expect(error).toMatchObject({ code: 'CLOCKIFY_HOST_NOT_ALLOWED', status: 502 });
    expect((error as Error).message).toContain('https://evil.example');
  });

  it('rejects a malformed pattern at creation', () => {
    expect(isHostPattern('*.clockify.me')).toBe(true);
    expect(isHostPattern('https://api.clockify.me')).toBe(false);
    expect(() => createHostAllowlist({ devHosts: ['*'] })).toThrow(/not a host pattern/);
  });
});
