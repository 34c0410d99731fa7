import { readFileSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePort } from '../../runtime/testkit/index.js';
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from './browser.js';
import { startUiEnvironment, type UiEnvironment } from './ui-environment.js';

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_REASON);

const EXAMPLE = readFileSync(new URL('../../examples/embed/explorer.html', import.meta.url), 'utf8');

/**
 * examples/embed/explorer.html as another tool would serve it: from its own origin, with its own backend handing out
 * the user token, loading the explorer module from the add-on and calling the add-on across origins.
 */
describe.skipIf(!HAS_CHROMIUM)('the explorer embedded in another origin', () => {
  let env: UiEnvironment;
  let tool: ServerType;
  let toolUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await reservePort();
    // localhost, not 127.0.0.1: another origin than the add-on's.
    toolUrl = `http://localhost:${port}`;
    env = await startUiEnvironment({ config: { scopes: ['TAG_READ', 'WORKSPACE_READ'], server: { embedOrigins: [toolUrl] } } });
    const app = new Hono();
    app.get('/', (c) => c.html(EXAMPLE.replaceAll('ADDON_URL', env.addonUrl)));
    app.get('/clockify-user-token', async (c) => c.text(await env.simulator.userToken()));
    tool = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    browser = await openBrowser([env.addonUrl, toolUrl]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => tool?.close(resolve));
    await env?.close();
  });

  it('lists the operations and runs a GET with the token the page provides', async () => {
    const { page } = browser;
    const calls: { url: string; allowedOrigin?: string }[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${env.addonUrl}/ui/api-explorer/`))
        calls.push({ url: response.url(), allowedOrigin: response.headers()['access-control-allow-origin'] });
    });
    await page.goto(toolUrl);
    await page
      .getByRole('navigation', { name: 'Operations' })
      .getByRole('button', { name: /getTags/ })
      .click();
    await page.getByRole('button', { name: 'Execute', exact: true }).click();
    await page.getByText('Done: getTags answered 200').waitFor();
    expect(calls.length).toBeGreaterThan(0);
    // The add-on answered the embedding origin with CORS headers naming it (the browser would refuse the answers else).
    expect(calls.filter((call) => call.allowedOrigin !== toolUrl)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
    await browser.screenshot('embed-explorer');
  });
});
