import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { UI_ENTRIES } from '../../bin/build-ui.js';
import { UI_MODULES } from '../../runtime/index.js';
import { startTestEnvironment, type TestEnvironment } from '../../runtime/testkit/index.js';

const EMBEDDER = 'https://tools.example.com';

describe('the sidebar page, the web-component modules and CORS for embedders', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({
      config: { plugins: ['auth', 'lifecycle', 'webhooks', 'explorer'], server: { embedOrigins: [EMBEDDER] } },
    });
  });

  afterAll(async () => env?.close());

  it('serves the shell without a token, listing the tools whose plugins are loaded, with the iframe headers', async () => {
    const response = await fetch(`${env.addonUrl}/ui/sidebar`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/ui/assets/sidebar.js">');
    expect(html).toMatch(/<addon-kit-sidebar [^>]*tools="explorer webhooks"/);
    expect(html).toContain('webhooks-path="/admin/webhooks"');
    expect(html).toContain('health-path="/admin/webhooks/health"');
    expect(html).not.toContain('<style');
    expect(html).not.toContain('bootstrap-path');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves a built module with an ETag, answers 304 to a revalidation, and 404 for anything else', async () => {
    const response = await fetch(`${env.addonUrl}/ui/assets/sidebar.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toContain('addon-kit-sidebar');
    const etag = response.headers.get('etag')!;
    const again = await fetch(`${env.addonUrl}/ui/assets/sidebar.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    for (const name of ['nope.js', '..%2Fpackage.json', 'sidebar.js.map', '.build-stamp']) {
      const missing = await fetch(`${env.addonUrl}/ui/assets/${name}`);
      expect(missing.status, name).toBe(404);
    }
  });

  it('serves exactly the modules the UI build publishes', () => {
    expect(Object.keys(UI_ENTRIES).map((name) => `${name}.js`)).toEqual(UI_MODULES);
  });

  it('answers a listed embedder with CORS headers and gives any other origin none', async () => {
    const preflight = await fetch(`${env.addonUrl}/ui/api-explorer/endpoints`, {
      method: 'OPTIONS',
      headers: { origin: EMBEDDER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EMBEDDER);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const token = await env.simulator.userToken();
    const listed = await fetch(`${env.addonUrl}/ui/api-explorer/endpoints`, {
      headers: { origin: EMBEDDER, authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(EMBEDDER);

    const stranger = await fetch(`${env.addonUrl}/admin/webhooks/events`, {
      headers: { origin: 'https://evil.example.com', authorization: `Bearer ${token}` },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // Lifecycle and webhook routes are never opened to browsers.
    const lifecycle = await fetch(`${env.addonUrl}/lifecycle/installed`, { method: 'OPTIONS', headers: { origin: EMBEDDER } });
    expect(lifecycle.headers.get('access-control-allow-origin')).toBeNull();
  });
});
