import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookInbox, definePlugin, type WebhookInbox } from '../../runtime/index.js';
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from './browser.js';
import { startUiEnvironment, type UiEnvironment } from './ui-environment.js';

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_REASON);

/** The system the add-on's NEW_CLIENT handler writes to; the test repairs it to make a replay succeed. */
const downstream = { broken: true };

const crmSync = definePlugin({
  name: 'crm-sync',
  setup(ctx) {
    ctx.webhooks.on('NEW_CLIENT', () => {
      if (downstream.broken) throw new Error('the CRM answered 503');
    });
    ctx.webhooks.on('NEW_TAG', () => undefined);
  },
});

const WEBHOOKS = { use: 'webhooks', options: { dispatch: { maxAttempts: 1, pollIntervalMs: 100 } } };

/** Content-Security-Policy violations of the page, recorded in the page itself (a refused style or script). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { violations });
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.sourceFile}`));
  });
}

async function toolErrors(browser: Browser): Promise<string[]> {
  const violations = await browser.page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  expect(violations).toEqual([]);
  return browser.pageErrors;
}

describe.skipIf(!HAS_CHROMIUM)('the webhooks tool in Chromium', () => {
  let env: UiEnvironment;
  let browser: Browser;
  let inbox: WebhookInbox;
  let page: Page;
  let deadId: number;

  beforeAll(async () => {
    env = await startUiEnvironment({
      // The handler fails on purpose: its error lines would only clutter the test output.
      config: { plugins: ['auth', 'lifecycle', WEBHOOKS, 'explorer', 'bootstrap'], log: { level: 'fatal' } },
      plugins: [{ plugin: crmSync }],
    });
    inbox = createWebhookInbox(env.addon.store);
    browser = await openBrowser([env.addonUrl]);
    page = browser.page;
    await recordViolations(page);
    const workspaceId = env.simulator.workspaceId;
    for (const id of ['tag-1', 'tag-2', 'tag-3'])
      await env.simulator.sendWebhook('NEW_TAG', { id, name: id, workspaceId, archived: false });
    await env.simulator.sendWebhook('NEW_CLIENT', { id: 'client-1', name: 'Acme', workspaceId, archived: false });
    deadId = await vi.waitFor(
      async () => {
        const [dead] = (await inbox.list({ state: 'dead' })).events;
        if (!dead) throw new Error('the NEW_CLIENT event is not dead yet');
        return dead.id;
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('replays a dead-lettered webhook once its handler works again', async () => {
    await page.goto(await env.sidebarUrl({}, '#/webhooks/dead'));
    const card = page.locator(`li[data-id="${deadId}"]`);
    await expect.poll(() => card.locator('[data-last-error]').textContent()).toBe('crm-sync#0: the CRM answered 503');
    expect(await card.locator('[data-state]').textContent()).toBe('dead');
    await browser.screenshot('webhooks-dead-letters');

    downstream.broken = false;
    await card.locator('[data-action="replay"]').click();
    await expect.poll(() => card.locator('[data-state]').textContent(), { timeout: 10_000 }).toBe('handled');
    expect(await page.locator('[data-notice]').textContent()).toBe(`Event ${deadId} replayed: it is queued to run again.`);
    expect((await inbox.get(deadId))?.state).toBe('handled');
    expect(page.url()).toMatch(/#\/webhooks\/dead$/);
    await browser.screenshot('webhooks-replayed');

    await card.locator('[data-action="open"]').click();
    await expect.poll(() => page.locator('[data-payload]').textContent()).toContain('"name": "Acme"');
    expect(page.url()).toMatch(new RegExp(`#/webhooks/events/${deadId}$`));
    expect(await page.locator('table[data-handlers] tbody').textContent()).toMatch(/crm-sync#0\s*ok\s*2/);

    await page.locator('[data-view="inbox"]').click();
    await page.locator('select[name="state"]').selectOption('handled');
    await page.locator('select[name="event"]').selectOption('NEW_TAG');
    await expect.poll(() => page.locator('tr[data-id] [data-state]').allTextContents()).toEqual(['handled', 'handled', 'handled']);
    await browser.screenshot('webhooks-inbox');
    expect(browser.foreignRequests).toEqual([]);
    expect(await toolErrors(browser)).toEqual([]);
  });

  it('shows the subscription health and a chart of the day’s deliveries, in both themes', async () => {
    await page.goto(await env.sidebarUrl({}, '#/webhooks'));
    await expect.poll(() => page.locator('[data-health]').getAttribute('data-health'), { timeout: 10_000 }).toBe('ok');
    expect(await page.locator('[data-webhook]').allTextContents()).toEqual([
      expect.stringMatching(/NEW_CLIENT.*ok/s),
      expect.stringMatching(/NEW_TAG.*ok/s),
    ]);
    const chart = page.locator('figure[data-chart]');
    await expect
      .poll(() => chart.locator('svg[role="img"]').getAttribute('aria-label'))
      .toMatch(/^4 deliveries in the last 24 hours: NEW_TAG 3, NEW_CLIENT 1\./);
    expect(await chart.locator('g[data-bar] rect').count()).toBeGreaterThanOrEqual(2);
    expect((await chart.locator('ul.legend li').allTextContents()).map((item) => item.replace(/\s+/g, ' ').trim())).toEqual([
      'NEW_TAG 3',
      'NEW_CLIENT 1',
    ]);
    await browser.screenshot('webhooks-overview');

    await page.goto(await env.sidebarUrl({ theme: 'DARK' }, '#/webhooks'));
    await expect.poll(() => page.locator('addon-kit-webhooks').getAttribute('theme')).toBe('dark');
    await expect.poll(() => chart.locator('g[data-bar] rect').count()).toBeGreaterThanOrEqual(2);
    // The palette follows the theme: a segment is painted with the dark theme's first colour.
    const fill = await chart
      .locator('rect.series-0')
      .first()
      .evaluate((rect) => getComputedStyle(rect).fill);
    expect(fill).toBe('rgb(106, 168, 240)');
    await browser.screenshot('webhooks-overview-dark');
    expect(browser.foreignRequests).toEqual([]);
    expect(await toolErrors(browser)).toEqual([]);
  });

  it('tells a member who is not an admin that the inbox is for admins only', async () => {
    const before = (await toolErrors(browser)).length;
    await page.goto(await env.sidebarUrl({ workspaceRole: 'TEAM_MANAGER' }, '#/webhooks/dead'));
    await expect.poll(() => page.locator('[data-admins-only] h2').textContent()).toBe('Admins only');
    // Chromium reports every refused request on the console; those 403s are the only errors allowed here.
    const errors = (await toolErrors(browser)).slice(before);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((message) => !message.includes('status of 403'))).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
