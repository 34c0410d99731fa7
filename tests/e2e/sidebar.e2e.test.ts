import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from './browser.js';
import { startUiEnvironment, type UiEnvironment } from './ui-environment.js';

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!HAS_CHROMIUM)('the sidebar shell in Chromium', () => {
  let env: UiEnvironment;
  let browser: Browser;

  beforeAll(async () => {
    env = await startUiEnvironment();
    browser = await openBrowser([env.addonUrl]);
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('says who and which workspace it is for, and keeps the selected tool in the URL hash across a reload', async () => {
    const { page } = browser;
    // The sidebar's token is the workspace owner's (the simulator signs its user tokens for the owner by default).
    const { workspaceId, ownerId } = env.simulator;
    await page.goto(await env.sidebarUrl());
    await expect.poll(() => page.locator('addon-kit-sidebar [data-viewer]').textContent()).toContain(workspaceId);
    await expect.poll(() => page.locator('addon-kit-sidebar [data-viewer]').textContent()).toContain(ownerId);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toContain('API explorer');

    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/webhooks');
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('Webhooks');
    expect(await page.locator('addon-kit-webhooks').count()).toBe(1);

    // Arrow keys move between tabs, as the tab pattern expects.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/bootstrap');
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe('tab-bootstrap');
    await browser.screenshot('sidebar-light');
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('follows the token: dark theme and language', async () => {
    const { page } = browser;
    await page.goto(await env.sidebarUrl({ theme: 'DARK', language: 'DE' }, '#/explorer'));
    await expect.poll(() => page.locator('addon-kit-sidebar').getAttribute('theme')).toBe('dark');
    const background = await page.locator('addon-kit-sidebar').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(21, 25, 31)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByRole('tab', { name: 'Datenkopie' }).count()).toBe(1);
    // The tools get the theme too.
    await expect.poll(() => page.locator('addon-kit-api-explorer').getAttribute('theme')).toBe('dark');
    await browser.screenshot('sidebar-dark');
  });

  it('shows the expired screen for an expired token and the missing screen for none, with no API call made', async () => {
    const { page } = browser;
    const before = browser.foreignRequests.length;
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/ui/api-explorer/') || request.url().includes('/admin/')) calls.push(request.url());
    });
    const now = Math.floor(Date.now() / 1000);
    await page.goto(await env.sidebarUrl({ iat: now - 3600, exp: now - 60 }));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Your session has expired');
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await browser.screenshot('sidebar-expired');

    await page.goto(`${env.addonUrl}/ui/sidebar`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Open this page from Clockify');
    await browser.screenshot('sidebar-missing');
    expect(calls).toEqual([]);
    expect(browser.foreignRequests.length).toBe(before);
  });

  it('takes a fresh token posted by the host window after asking for one, and calls with it', async () => {
    const { page } = browser;
    // A host page that frames the sidebar like Clockify: it answers `refreshAddonToken` with a new token.
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await env.simulator.userToken({ iat: now, exp: now + 2 });
    const fresh = await env.simulator.userToken({ iat: now, exp: now + 1800 });
    const frameUrl = `${env.addonUrl}/ui/sidebar?auth_token=${shortLived}#/explorer`;
    await page.route(`${env.addonUrl}/host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>host</title><iframe id="addon" src="${frameUrl}" style="width:800px;height:600px"></iframe>
<script>
  window.asked = 0;
  window.addEventListener('message', (event) => {
    const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    if (data.action !== 'refreshAddonToken') return;
    window.asked += 1;
    event.source.postMessage({ title: 'TOKEN_REFRESHED', body: { token: ${JSON.stringify(fresh)} } }, '*');
  });
</script>`,
      }),
    );
    await page.goto(`${env.addonUrl}/host.html`);
    // The short token's refresh is due at once (it has less than the lead time left); the host answers.
    // The frame loads its bundle first: on a busy machine that alone can take longer than the poll's default second.
    await expect.poll(() => page.evaluate(() => (window as unknown as { asked: number }).asked), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(2500);
    const frame = page.frameLocator('#addon');
    expect(await frame.getByRole('alert').count()).toBe(0);
    // Past the first token's expiry, the tools' calls carry the fresh token.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/admin/')) sent.push(request.headers().authorization ?? '');
    });
    await frame.getByRole('tab', { name: 'Webhooks' }).click();
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([`Bearer ${fresh}`]));
  });
});
