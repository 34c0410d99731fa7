// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddonApi } from '../core/addon-api.js';
import './index.js';
import type { AddonKitApiExplorer } from './addon-kit-api-explorer.js';
import { createFakeExplorer } from './test-fixtures.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function renderExplorer(route = '') {
  const fake = createFakeExplorer();
  const explorer = document.createElement('addon-kit-api-explorer') as AddonKitApiExplorer;
  explorer.api = new AddonApi({ token: () => 'x', fetch: fake.fetch });
  explorer.route = route;
  const routes: string[] = [];
  explorer.addEventListener('addon-route', (event) => routes.push((event as CustomEvent<{ route: string }>).detail.route));
  document.body.append(explorer);
  const root = explorer.shadowRoot!;
  await vi.waitFor(() => expect(root.querySelector('nav')).not.toBeNull());
  const part = (tag: string) => root.querySelector(tag)!.shadowRoot!;
  /** A button by its accessible name: aria-label, else its text. */
  const button = (name: string, scope: ShadowRoot = root) => {
    const found = [...scope.querySelectorAll('button')].find((item) => (item.getAttribute('aria-label') ?? text(item)) === name);
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  };
  const field = (label: string) => {
    const form = part('addon-kit-schema-form');
    const found = [...form.querySelectorAll('label')].find((item) => text(item).replace(/ \*$/, '') === label);
    return form.getElementById(found!.htmlFor) as HTMLInputElement;
  };
  const fill = async (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await explorer.updateComplete;
  };
  const executions = () => fake.sent.filter((request) => request.path.endsWith('/execute')).map((request) => request.body);
  const status = () => text(root.querySelector('[role="status"][aria-live="polite"]'));
  return { explorer, root, fake, routes, part, button, field, fill, executions, status };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<addon-kit-api-explorer>', () => {
  it('lists the operations by tag, with the reason a disallowed one cannot run, and filters them', async () => {
    const { root, explorer, fake } = await renderExplorer();
    expect([...root.querySelectorAll('h3.tag')].map(text)).toEqual(['Projects', 'Tags']);
    const createProject = [...root.querySelectorAll('button.operation')].find((item) => text(item).includes('createNewProject'));
    expect(text(createProject)).toContain("Not allowed: the add-on's manifest lacks the scope it needs: PROJECT_WRITE");
    expect(fake.sent[0]).toMatchObject({ method: 'GET', path: '/ui/api-explorer/endpoints', authorization: 'Bearer x' });

    const search = root.querySelector<HTMLInputElement>('#operation-search')!;
    search.value = 'tags get';
    search.dispatchEvent(new Event('input'));
    await explorer.updateComplete;
    expect([...root.querySelectorAll('button.operation .operation-id')].map(text)).toEqual(['getTags']);
    expect(text(root.querySelector('.count'))).toBe('1 operation');
  });

  it('tells a viewer who is not an admin, before any call, that a write is for admins', async () => {
    const { root, explorer } = await renderExplorer('createNewTag');
    explorer.claims = { workspaceId: 'ws', userId: 'member', workspaceRole: 'USER' };
    await explorer.updateComplete;
    expect(text(root.querySelector('[data-admin-only]'))).toContain('Only a workspace owner or admin can run this call');
    explorer.claims = { workspaceId: 'ws', userId: 'owner', workspaceRole: 'OWNER' };
    await explorer.updateComplete;
    expect(root.querySelector('[data-admin-only]')).toBeNull();
    explorer.claims = { workspaceId: 'ws', userId: 'member', workspaceRole: 'USER' };
    explorer.route = 'getTags';
    await explorer.updateComplete;
    expect(root.querySelector('[data-admin-only]')).toBeNull();
  });

  it('opens an operation: tells the host its route and moves focus to its heading', async () => {
    const { root, button, routes, explorer } = await renderExplorer();
    button('GET getTags List tags').click();
    await vi.waitFor(() => expect(root.activeElement?.id).toBe('operation-heading'));
    expect(routes).toEqual(['getTags']);
    expect(explorer.route).toBe('getTags');
    expect(text(root.querySelector('#operation-heading'))).toBe('getTags');
  });

  it('moves between operations with the arrow keys, one of them in the Tab order', async () => {
    const { root } = await renderExplorer('getTags');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.operation')];
    expect(buttons.filter((item) => item.tabIndex === 0).map((item) => text(item.querySelector('.operation-id')))).toEqual(['getTags']);
    buttons[2]!.focus();
    root.querySelector('nav')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(root.activeElement).toBe(buttons[3]);
    root.querySelector('nav')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(root.activeElement).toBe(buttons[0]);
  });

  it('shows a bad value on its field and sends nothing', async () => {
    const { fill, button, field, executions, status, part } = await renderExplorer('getTags');
    await fill('page-size', '-1');
    button('Execute').click();
    await vi.waitFor(() => expect(status()).toBe('Check the form: 1 problem.'));
    const pageSize = field('page-size');
    expect(pageSize.getAttribute('aria-invalid')).toBe('true');
    const form = part('addon-kit-schema-form');
    expect(form.getElementById(pageSize.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('must be >= 1');
    await vi.waitFor(() => expect(form.activeElement).toBe(pageSize));
    expect(executions()).toEqual([]);
    await fill('page-size', '2');
    expect(field('page-size').getAttribute('aria-invalid')).toBe('false');
  });

  it('executes a GET and shows status, duration, size and the JSON answer, then lists it in the history', async () => {
    const { root, fill, button, executions, status, part } = await renderExplorer('getTags');
    await fill('page-size', '5');
    button('Execute').click();
    await vi.waitFor(() => expect(status()).toBe('Done: getTags answered 200 in 41 ms.'));
    expect(executions()).toEqual([{ operationId: 'getTags', params: { path: {}, query: { 'page-size': 5 }, header: {} }, confirm: false }]);
    const facts = [...root.querySelectorAll('.facts dd')].map(text);
    expect(facts).toEqual(['200', '41 ms', expect.stringMatching(/^\d+ B$/)]);
    expect(text(root.querySelector('.json[aria-label="Response body"]'))).toContain('"billable-later"');
    await vi.waitFor(() => expect(text(part('addon-kit-explorer-history').querySelector('ol'))).toContain('getTags'));
  });

  it("puts the server's field errors on the fields they name", async () => {
    const { fill, button, field, status } = await renderExplorer('getTags');
    await fill('page-size', '999');
    button('Execute').click();
    await vi.waitFor(() => expect(status()).toBe('The server found problems: 2 problems.'));
    expect(field('page-size').getAttribute('aria-invalid')).toBe('true');
    expect(field('X-Request-Tag').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for confirmation before a write and then sends confirm: true', async () => {
    const { root, fill, button, executions, status } = await renderExplorer('createNewTag');
    await fill('name', 'Urgent');
    button('Execute').click();
    await vi.waitFor(() => expect(status()).toBe('Confirm the change before executing.'));
    const confirm = root.querySelector<HTMLInputElement>('#confirm-write')!;
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(confirm);
    expect(executions()).toEqual([]);
    confirm.click();
    button('Execute').click();
    await vi.waitFor(() => expect(status()).toBe('Done: createNewTag answered 201 in 41 ms.'));
    expect(executions()).toEqual([
      { operationId: 'createNewTag', params: { path: {}, query: {}, header: {} }, body: { name: 'Urgent' }, confirm: true },
    ]);
  });

  it('describes a dry run with a curl command that holds a placeholder for the token', async () => {
    const { root, fill, button, executions, status } = await renderExplorer('createNewTag');
    await fill('name', 'Urgent');
    button('Copy as curl').click();
    await vi.waitFor(() => expect(status()).toMatch(/^curl command/));
    expect(executions()).toEqual([
      { operationId: 'createNewTag', params: { path: {}, query: {}, header: {} }, body: { name: 'Urgent' }, dryRun: true },
    ]);
    expect(text(root.querySelector('#result-heading'))).toBe('Dry run: nothing was sent');
    const curl = root.querySelector<HTMLTextAreaElement>('#curl-command')!.value;
    expect(curl).toContain('-H "X-Addon-Token: $CLOCKIFY_ADDON_TOKEN"');
    expect(curl).toContain(`--data-raw '{"name":"Urgent"}'`);
  });

  it('saves the form as a preset, then loads and runs it', async () => {
    const { explorer, root, fill, button, field, fake, part, executions, status } = await renderExplorer('getTags');
    await fill('page-size', '5');
    const presets = part('addon-kit-explorer-presets');
    const name = presets.querySelector<HTMLInputElement>('#preset-name')!;
    name.value = 'Five tags';
    name.dispatchEvent(new Event('input'));
    button('Save preset', presets).click();
    await vi.waitFor(() => expect(text(presets.querySelector('[aria-label="Saved presets"]'))).toContain('Five tags'));
    expect(fake.sent.find((request) => request.path.endsWith('/presets') && request.method === 'POST')?.body).toEqual({
      name: 'Five tags',
      operationId: 'getTags',
      params: { path: {}, query: { 'page-size': 5 }, header: {} },
    });

    explorer.route = 'createNewTag';
    await explorer.updateComplete;
    button('Load preset Five tags', presets).click();
    await vi.waitFor(() => expect(field('page-size').value).toBe('5'));
    expect(status()).toBe('Loaded preset Five tags.');
    expect(root.activeElement?.id).toBe('operation-heading');

    button('Run preset Five tags', presets).click();
    await vi.waitFor(() => expect(status()).toBe('Done: getTags answered 200 in 41 ms.'));
    expect(executions().at(-1)).toMatchObject({ operationId: 'getTags', params: { query: { 'page-size': 5 } } });

    name.value = 'Five tags';
    name.dispatchEvent(new Event('input'));
    button('Save preset', presets).click();
    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(text(presets.querySelector('#preset-name-msg'))).toContain('already has a preset named "Five tags"');
  });

  it('shows a past call and replays it, asking first when it changes data', async () => {
    const { root, fill, button, fake, part, status } = await renderExplorer('createNewTag');
    await fill('name', 'Urgent');
    root.querySelector<HTMLInputElement>('#confirm-write')!.click();
    button('Execute').click();
    const history = part('addon-kit-explorer-history');
    await vi.waitFor(() => expect(history.querySelectorAll('ol li')).toHaveLength(1));

    button('Show call 1 (createNewTag)', history).click();
    await vi.waitFor(() => expect(text(root.querySelector('#result-heading'))).toBe('Call #1: createNewTag'));
    expect(text(root.querySelector('.json[aria-label="Request body"]'))).toContain('"Urgent"');

    button('Replay call 1 (createNewTag)', history).click();
    await vi.waitFor(() => expect(history.querySelector('[role="group"]')).not.toBeNull());
    expect(fake.sent.filter((request) => request.path.endsWith('/replay'))).toEqual([]);
    button('Confirm replay', history).click();
    await vi.waitFor(() => expect(status()).toBe('Done: createNewTag answered 201 in 41 ms.'));
    expect(fake.sent.find((request) => request.path.endsWith('/replay'))).toMatchObject({
      method: 'POST',
      path: '/ui/api-explorer/history/1/replay',
      body: { confirm: true },
    });
  });

  it("writes a past call's time in the page language, and in English under a lang Intl refuses", async () => {
    const { explorer, root, fill, button, part } = await renderExplorer('createNewTag');
    // The history sits in the explorer's shadow root, where `closest('[lang]')` does not reach the explorer.
    for (const element of [explorer, root.querySelector('addon-kit-explorer-history')!]) element.setAttribute('lang', 'en_US');
    await fill('name', 'Urgent');
    root.querySelector<HTMLInputElement>('#confirm-write')!.click();
    button('Execute').click();
    const history = part('addon-kit-explorer-history');
    await vi.waitFor(() => expect(history.querySelectorAll('ol li')).toHaveLength(1));
    expect(text(history.querySelector('time'))).toMatch(/^\d{1,2}:\d{2}:\d{2}\s[AP]M$/);

    button('Show call 1 (createNewTag)', history).click();
    await vi.waitFor(() => expect(text(root.querySelector('#result-heading'))).toBe('Call #1: createNewTag'));
    const when = [...root.querySelectorAll('.facts dt')].find((term) => text(term) === 'When')?.nextElementSibling;
    expect(text(when)).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/);
  });

  it('says what went wrong when the operations cannot be loaded, and retries', async () => {
    let fail = true;
    const fake = createFakeExplorer();
    const explorer = document.createElement('addon-kit-api-explorer') as AddonKitApiExplorer;
    explorer.api = new AddonApi({
      token: () => 'x',
      fetch: async (input, init) =>
        fail ? new Response('{"error":{"code":"TOKEN_EXPIRED","message":"the token expired"}}', { status: 401 }) : fake.fetch(input, init),
    });
    document.body.append(explorer);
    const root = explorer.shadowRoot!;
    await vi.waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('the token expired'));
    fail = false;
    root.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await vi.waitFor(() => expect(root.querySelector('nav')).not.toBeNull());
  });
});
