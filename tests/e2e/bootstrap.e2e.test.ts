import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_READ_SCOPE } from '../helpers/bootstrap-env.js';
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from './browser.js';
import { startUiEnvironment, type UiEnvironment } from './ui-environment.js';

/** Users and their time entries: 3 users × 12 pages of 50, slow enough (latency, two pages in flight) to cancel. */
const SIZES = { users: 3, timeEntriesPerUser: 600, default: 2 };
const RECORDS = SIZES.users + SIZES.users * SIZES.timeEntriesPerUser;

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!HAS_CHROMIUM)('the bootstrap tool in the sidebar', () => {
  let env: UiEnvironment;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await startUiEnvironment({
      config: {
        scopes: EVERY_READ_SCOPE,
        log: { level: 'error' },
        plugins: [
          'auth',
          { use: 'lifecycle', options: { subscriptionCheck: { enabled: false } } },
          'explorer',
          {
            use: 'bootstrap',
            options: {
              onInstall: false,
              include: ['getTimeEntries'],
              concurrency: 2,
              lookahead: 1,
              pollIntervalMs: 50,
              progressIntervalMs: 100,
            },
          },
        ],
      },
      simulator: { sizes: SIZES, latencyMs: 60 },
    });
    browser = await openBrowser([env.addonUrl]);
    page = browser.page;
  });
  afterEach(() => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  const tool = () => page.locator('addon-kit-bootstrap');
  const action = (name: string): Locator => tool().locator(`[data-action="${name}"]`);
  const state = () => tool().locator('#job-heading [data-state]').textContent();
  const progress = () => tool().locator('#job-progress');

  it('starts a copy, cancels it midway, resumes it and watches it reach 100%', { timeout: 45_000 }, async () => {
    await page.goto(await env.sidebarUrl({}, '#/bootstrap'));
    await tool().locator('[data-no-job]').waitFor();
    await expect(tool().locator('details.plan > summary').textContent()).resolves.toMatch(/Plan: 2 lists/);
    await action('start').click();
    await expect.poll(state).toMatch(/Queued|Running/);
    // Focus lands on the job's heading after the action, so keyboard users continue from there.
    await expect
      .poll(() =>
        tool()
          .locator('#job-heading')
          .evaluate((heading) => heading.matches(':focus')),
      )
      .toBe(true);
    await expect.poll(async () => Number(await progress().getAttribute('value')), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);

    await action('cancel').click();
    await expect.poll(state).toBe('Cancelled');
    await expect.poll(() => tool().locator('[data-summary-state]').textContent()).toBe('Cancelled (job 1)');
    const stopped = Number(await progress().getAttribute('value'));
    expect(stopped).toBeLessThan(Number(await progress().getAttribute('max')));
    await expect(action('resume').isEnabled()).resolves.toBe(true);
    await browser.screenshot('bootstrap-cancelled');

    await action('resume').click();
    await expect.poll(state, { timeout: 15_000 }).toBe('Done');
    const [value, max] = await Promise.all([progress().getAttribute('value'), progress().getAttribute('max')]);
    expect(value).toBe(max);
    expect(Number(value)).toBeGreaterThan(stopped);
    await expect(tool().locator('[data-percent]').textContent()).resolves.toBe('100%');
    await expect(tool().locator('[data-announcement]').textContent()).resolves.toMatch(
      new RegExp(`^Job 1 done: ${RECORDS.toLocaleString('en')} records in `),
    );
    await expect.poll(() => tool().locator('[data-summary-state]').textContent()).toBe('Done (job 1)');
    await expect(tool().locator('[data-summary-records]').textContent()).resolves.toBe(RECORDS.toLocaleString('en'));
    await tool().locator('details.operations summary').click();
    await browser.screenshot('bootstrap-done');
  });

  it('runs a second copy straight to 100% and lists both jobs', { timeout: 30_000 }, async () => {
    env.simulator.inject({ latencyMs: 0 });
    // From the keyboard this time.
    await action('start').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tool().locator('#job-heading').textContent()).toMatch(/^\s*Job 2:/);
    await expect.poll(state, { timeout: 15_000 }).toBe('Done');
    await expect(progress().getAttribute('value')).resolves.toBe(await progress().getAttribute('max'));
    await expect(tool().locator('[data-percent]').textContent()).resolves.toBe('100%');
    await expect.poll(() => tool().locator('details.history summary').textContent()).toBe('Recent jobs (2)');
  });

  it('follows the dark theme and shows the plan', async () => {
    await page.goto(await env.sidebarUrl({ theme: 'DARK' }, '#/bootstrap'));
    await expect.poll(() => tool().getAttribute('theme')).toBe('dark');
    await tool().locator('details.plan > summary').click();
    await tool().locator('.tree code', { hasText: 'getTimeEntries' }).waitFor();
    await expect.poll(state).toBe('Done');
    await browser.screenshot('bootstrap-dark');
  });

  it('tells a user who is not an admin that the tool is for admins', async () => {
    await page.goto(await env.sidebarUrl({ workspaceRole: 'REGULAR' }, '#/bootstrap'));
    await expect.poll(() => tool().locator('[data-admins-only] h2').textContent()).toBe('Admins only');
    await expect(tool().locator('button').count()).resolves.toBe(0);
    await browser.screenshot('bootstrap-admins-only');
    // The refusal is the API's answer, which the browser logs as a failed request: not an error of the page.
    browser.pageErrors.splice(0, browser.pageErrors.length, ...browser.pageErrors.filter((error) => !/status of 403/.test(error)));
  });
});
