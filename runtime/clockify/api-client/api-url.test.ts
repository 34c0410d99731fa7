import { describe, expect, it } from 'vitest';
import { buildApiUrl, parseApiBase } from './api-url.js';
import { createHostAllowlist } from './host-allowlist.js';

const allowlist = createHostAllowlist({ devHosts: ['127.0.0.1:*'] });
const base = parseApiBase('https://api.clockify.me/api/', allowlist);

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('parseApiBase', () => {
  it('keeps the origin and the path without its trailing slash', () => {
    expect(base).toEqual({ origin: 'https://api.clockify.me', path: '/api' });
  });

  it.each([
    ['none stored', undefined, 'CLOCKIFY_API_URL_INVALID'],
    ['not a URL', 'api.clockify.me/api', 'CLOCKIFY_API_URL_INVALID'],
    ['a file URL', 'file:///etc/passwd', 'CLOCKIFY_API_URL_INVALID'],
    ['credentials', 'https://user:pw@api.clockify.me/api', 'CLOCKIFY_API_URL_INVALID'],
    ['a query', 'https://api.clockify.me/api?x=1', 'CLOCKIFY_API_URL_INVALID'],
    ['a host off the allowlist', 'https://evil.example/api', 'CLOCKIFY_HOST_NOT_ALLOWED'],
  ])('refuses %s', (_case, apiUrl, code) => {
    expect(codeOf(() => parseApiBase(apiUrl, allowlist))).toBe(code);
  });
});

describe('buildApiUrl', () => {
  it('appends the path to the base, fills placeholders (workspaceId from the client) and adds the query', () => {
    const url = buildApiUrl(
      base,
      { path: '/v1/workspaces/{workspaceId}/projects/{projectId}', params: { projectId: 'p 1' }, query: { page: 2, tag: ['a', 'b'] } },
      'ws-1',
    );
    expect(url.href).toBe('https://api.clockify.me/api/v1/workspaces/ws-1/projects/p%201?page=2&tag=a&tag=b');
  });

  it('accepts add-on endpoints under /addon/', () => {
    expect(buildApiUrl(base, { path: '/addon/workspaces/{workspaceId}/settings' }, 'ws-1').pathname).toBe(
      '/api/addon/workspaces/ws-1/settings',
    );
  });

  it.each([
    ['an absolute URL', 'https://evil.example/v1/workspaces'],
    ['a protocol-relative URL', '//evil.example/v1/workspaces'],
    ['a path without a leading slash', 'v1/workspaces'],
    ['a path outside /v1 and /addon', '/internal/admin'],
    ['a dot-dot segment', '/v1/../../evil'],
    ['an encoded dot-dot segment', '/v1/%2e%2e/%2E%2E/evil'],
    ['a dot segment', '/v1/./workspaces'],
    ['an encoded slash', '/v1/workspaces/a%2Fb'],
    ['a backslash', '/v1\\..\\evil'],
    ['an empty segment', '/v1//workspaces'],
    ['a query in the path', '/v1/workspaces?x=1'],
    ['a fragment', '/v1/workspaces#x'],
    ['an at sign', '/v1@evil.example/x'],
    ['whitespace', '/v1/work spaces'],
    ['a control character', '/v1/work\nspaces'],
    ['a non-ASCII character', '/v1/wörkspaces'],
    ['a malformed escape', '/v1/%zz'],
    ['a placeholder without a value', '/v1/workspaces/{workspaceId}/projects/{projectId}'],
  ])('refuses %s', (_case, path) => {
    expect(codeOf(() => buildApiUrl(base, { path }, 'ws-1'))).toBe('CLOCKIFY_PATH_INVALID');
  });

  it.each([
    ['a dot-dot value', '..'],
    ['a slash in a value', 'a/../../evil'],
  ])('refuses a placeholder filled with %s', (_case, projectId) => {
    const target = { path: '/v1/workspaces/{workspaceId}/projects/{projectId}', params: { projectId } };
    expect(codeOf(() => buildApiUrl(base, target, 'ws-1'))).toBe('CLOCKIFY_PATH_INVALID');
  });

  it('keeps the base host whatever the path', () => {
    for (const path of ['/v1/workspaces/x:y@z', '/v1/workspaces/;evil.example', '/addon/a,b']) {
      const outcome = (() => {
        try {
          return buildApiUrl(base, { path }, 'ws-1').origin;
        } catch {
          return 'refused';
        }
      })();
      expect(['https://api.clockify.me', 'refused']).toContain(outcome);
    }
  });
});
