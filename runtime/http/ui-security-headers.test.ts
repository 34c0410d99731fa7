import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isAddonError } from '../errors/index.js';
import type { AddonEnv } from './types.js';
import { type UiSecurityHeadersOptions, uiSecurityHeaders } from './ui-security-headers.js';

async function headersOf(options?: UiSecurityHeadersOptions): Promise<Headers> {
  const app = new Hono<AddonEnv>();
  app.get('/ui/sidebar', uiSecurityHeaders(options), (c) => c.html('<p>hi</p>'));
  return (await app.request('/ui/sidebar?auth_token=x')).headers;
}

describe('uiSecurityHeaders', () => {
  it('lets Clockify frame the page through CSP frame-ancestors and sends no X-Frame-Options', async () => {
    const headers = await headersOf();
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://*.clockify.me https://clockify.me");
    expect(headers.get('x-frame-options')).toBeNull();
  });

  it('sends nosniff, no-referrer (the URL carries the user token) and a same-origin default source', async () => {
    const headers = await headersOf();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('adds configured frame ancestors and connect sources', async () => {
    const headers = await headersOf({ extraFrameAncestors: ['http://localhost:4010'], extraConnectSources: ['https://api.example.com'] });
    expect(headers.get('content-security-policy')).toContain('https://clockify.me http://localhost:4010');
    expect(headers.get('content-security-policy')).toContain("connect-src 'self' https://api.example.com");
  });

  it('refuses a source that would smuggle in another directive with CONFIG_INVALID', () => {
    const error = (() => {
      try {
        uiSecurityHeaders({ extraFrameAncestors: ["https://a.example; script-src 'unsafe-inline'"] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isAddonError(error) && error.code).toBe('CONFIG_INVALID');
  });
});
