import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, HAS_CHROMIUM, NO_CHROMIUM_REASON, openBrowser } from './browser.js';
import { startUiEnvironment, type UiEnvironment } from './ui-environment.js';

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_REASON);

// Our openapi.json declares scopes per operation: the add-on needs the tag scopes for getTags and createNewTag.
const SCOPES = ['PROJECT_READ', 'TAG_READ', 'TAG_WRITE', 'USER_READ', 'WORKSPACE_READ'];

describe.skipIf(!HAS_CHROMIUM)('the API explorer in the sidebar, in Chromium', () => {
  let env: UiEnvironment;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await startUiEnvironment({ config: { scopes: SCOPES } });
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(async () => {
    browser = await openBrowser([env.addonUrl]);
    page = browser.page;
  });
  afterEach(async () => {
    const { foreignRequests, pageErrors } = browser;
    await browser.close();
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  const operations = () => page.getByRole('navigation', { name: 'Operations' });
  const execute = () => page.getByRole('button', { name: 'Execute', exact: true });

  async function openGetTags(): Promise<void> {
    await page.goto(await env.sidebarUrl({}, '#/explorer'));
    await operations()
      .getByRole('button', { name: /getTags/ })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/explorer/getTags');
  }

  it('runs a GET from the explorer and shows its answer', async () => {
    await openGetTags();
    await page.getByLabel('page-size', { exact: true }).fill('3');
    await execute().click();
    await page.getByText('Done: getTags answered 200').waitFor();
    const body = page.getByRole('group', { name: 'Response body' });
    await expect.poll(() => body.locator(':scope > details > ul > li').count()).toBe(3);
    expect(await page.locator('.facts dd').first().textContent()).toBe('200');
    await browser.screenshot('explorer-get-result');
  });

  it('reopens the operation in the URL hash after a reload', async () => {
    await page.goto(await env.sidebarUrl({}, '#/explorer/getTags'));
    await expect.poll(() => page.getByRole('heading', { name: 'getTags', level: 2 }).isVisible()).toBe(true);
  });

  it('shows a validation message on a bad field and sends nothing', async () => {
    await openGetTags();
    const sentBefore = env.simulator.requests.length;
    const pageSize = page.getByLabel('page-size', { exact: true });
    await pageSize.fill('-1');
    await execute().click();
    await page.getByText('must be >= 1').waitFor();
    expect(await pageSize.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => pageSize.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await pageSize.fill('x');
    await execute().click();
    await page.getByText('must be integer').waitFor();
    expect(env.simulator.requests.length).toBe(sentBefore);
    await browser.screenshot('explorer-validation');
  });

  it('saves a preset, then loads and executes it after a reload', async () => {
    await openGetTags();
    await page.getByLabel('page-size', { exact: true }).fill('2');
    await page.getByLabel('Preset name').fill('Two tags');
    await page.getByRole('button', { name: 'Save preset' }).click();
    await page.getByText('Saved preset Two tags.').waitFor();

    await page.goto(await env.sidebarUrl({}, '#/explorer'));
    await page.getByRole('button', { name: 'Load preset Two tags' }).click();
    await expect.poll(() => page.getByLabel('page-size', { exact: true }).inputValue()).toBe('2');
    await execute().click();
    await page.getByText('Done: getTags answered 200').waitFor();
    await expect.poll(() => page.getByRole('group', { name: 'Response body' }).locator(':scope > details > ul > li').count()).toBe(2);
    await browser.screenshot('explorer-preset');
  });

  it('replays a call from the history', async () => {
    await openGetTags();
    await page.getByLabel('page-size', { exact: true }).fill('4');
    await execute().click();
    await page.getByText('Done: getTags answered 200').waitFor();
    const history = page.getByRole('list', { name: 'Past calls' });
    const replay = history.getByRole('button', { name: /^Replay call \d+ \(getTags\)$/ }).first();
    await replay.waitFor();
    const sentBefore = env.simulator.requests.length;
    await page.reload();
    await page
      .getByRole('list', { name: 'Past calls' })
      .getByRole('button', { name: /^Show call \d+ \(getTags\)$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Call #\d+: getTags$/ }).waitFor();
    await page
      .getByRole('list', { name: 'Past calls' })
      .getByRole('button', { name: /^Replay call \d+ \(getTags\)$/ })
      .first()
      .click();
    await page.getByText('Done: getTags answered 200').waitFor();
    expect(env.simulator.requests.length).toBe(sentBefore + 1);
    expect(env.simulator.requests.at(-1)).toMatchObject({ operationId: 'getTags', query: { 'page-size': '4' } });
    await browser.screenshot('explorer-history');
  });

  it('describes a write as a dry run with a curl command that holds no token', async () => {
    await page.goto(await env.sidebarUrl({}, '#/explorer/createNewTag'));
    await page.getByLabel('name', { exact: true }).fill('Urgent');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run: nothing was sent' }).waitFor();
    const curl = await page.getByLabel('curl command').inputValue();
    expect(curl).toContain('-H "X-Addon-Token: $CLOCKIFY_ADDON_TOKEN"');
    expect(curl).toContain(`--data-raw '{"name":"Urgent"}'`);
    expect(curl).not.toMatch(/eyJ/);
    await browser.screenshot('explorer-dry-run');
  });

  it('follows the dark theme of the token', async () => {
    await page.goto(await env.sidebarUrl({ theme: 'DARK' }, '#/explorer/getTags'));
    await page.getByRole('heading', { name: 'getTags', level: 2 }).waitFor();
    expect(await page.locator('addon-kit-api-explorer').getAttribute('theme')).toBe('dark');
    const background = await page.locator('addon-kit-schema-form').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(21, 25, 31)');
    await browser.screenshot('explorer-dark');
  });
});
