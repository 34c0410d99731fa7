// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './index.js';
import type { AddonKitSchemaForm, FormChange } from './addon-kit-schema-form.js';
import type { FormValue, JsonText } from './form-value.js';
import { CREATE_PROJECT, GET_TAGS, LISTING } from './test-fixtures.js';
import type { FieldError, ListedOperation } from './types.js';

async function renderForm(operation: ListedOperation, value: FormValue = {}, errors: FieldError[] = []) {
  const form = document.createElement('addon-kit-schema-form') as AddonKitSchemaForm;
  Object.assign(form, { operation, components: LISTING.components, value, errors });
  const changes: FormChange[] = [];
  form.addEventListener('form-change', (event) => {
    changes.push((event as CustomEvent<FormChange>).detail);
  });
  document.body.append(form);
  await form.updateComplete;
  const root = form.shadowRoot!;
  /** The control labelled `text`, found the way a screen reader would: label → for → id. */
  const byLabel = <T extends HTMLElement = HTMLInputElement>(text: string): T => {
    const label = [...root.querySelectorAll('label')].find(
      (item) => item.textContent?.replace(/\s+/g, ' ').trim().replace(/ \*$/, '') === text,
    );
    if (!label) throw new Error(`no label "${text}"`);
    return root.getElementById(label.htmlFor) as T;
  };
  const describedText = (control: HTMLElement) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent?.trim())
      .join(' | ');
  const type = async (control: HTMLInputElement | HTMLTextAreaElement, text: string) => {
    control.value = text;
    control.dispatchEvent(new Event('input'));
    await form.updateComplete;
  };
  return { form, root, changes, byLabel, describedText, type };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<addon-kit-schema-form>', () => {
  it('draws a labelled control per parameter: text and number boxes, selects for enums and booleans', async () => {
    const { root, byLabel, describedText } = await renderForm(GET_TAGS);
    expect([...root.querySelectorAll('legend')].map((legend) => legend.textContent?.trim())).toEqual([
      'Path parameters',
      'Query parameters',
      'ids',
      'Headers',
    ]);
    const pageSize = byLabel('page-size');
    expect(pageSize.tagName).toBe('INPUT');
    expect(pageSize.getAttribute('inputmode')).toBe('numeric');
    expect(describedText(pageSize)).toBe(' | Items per page. · integer (int32) · ≥ 1 · default 50');
    const sortOrder = byLabel<HTMLSelectElement>('sort-order');
    expect([...sortOrder.options].map((option) => option.textContent)).toEqual(['— not set —', 'ASCENDING', 'DESCENDING']);
    expect([...byLabel<HTMLSelectElement>('archived').options].map((option) => option.textContent)).toEqual([
      '— not set —',
      'true',
      'false',
    ]);
  });

  it('shows the workspace read-only, filled by the add-on', async () => {
    const { byLabel } = await renderForm(GET_TAGS);
    const workspace = byLabel('workspaceId');
    expect(workspace.readOnly).toBe(true);
    expect(workspace.getAttribute('aria-required')).toBe('true');
    expect(workspace.value).toContain('your workspace');
  });

  it('announces typed values: numbers as numbers, text that is no number as text, a cleared box as unset', async () => {
    const { byLabel, type, changes } = await renderForm(GET_TAGS);
    await type(byLabel('page-size'), '25');
    await type(byLabel('page-size'), 'x');
    await type(byLabel('page-size'), '');
    expect(changes.map((change) => change.value.params?.query?.['page-size'])).toEqual([25, 'x', undefined]);
    expect(changes[0]?.pointer).toBe('/params/query/page-size');
  });

  it('picks an enum value from its select', async () => {
    const { byLabel, changes } = await renderForm(GET_TAGS);
    const select = byLabel<HTMLSelectElement>('sort-order');
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    expect(changes.at(-1)?.value.params?.query?.['sort-order']).toBe('DESCENDING');
  });

  it('marks an errored field invalid and describes it with its message; other fields stay valid', async () => {
    const { byLabel, describedText } = await renderForm(GET_TAGS, { params: { query: { 'page-size': -1 } } }, [
      { pointer: '/params/query/page-size', message: 'must be >= 1' },
      { pointer: '/params/header/x-request-tag', message: 'is required' },
    ]);
    const pageSize = byLabel('page-size');
    expect(pageSize.getAttribute('aria-invalid')).toBe('true');
    expect(pageSize.value).toBe('-1');
    expect(describedText(pageSize)).toMatch(/^must be >= 1 \| /);
    expect(byLabel('X-Request-Tag').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('name').getAttribute('aria-invalid')).toBe('false');
  });

  it('lists errors no field shows above the form', async () => {
    const { root } = await renderForm(GET_TAGS, {}, [{ pointer: '/params/query/unknown', message: 'is not a query parameter of getTags' }]);
    expect(root.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '/params/query/unknown is not a query parameter of getTags',
    );
  });

  it('draws a body: required marks, nested objects as fieldsets, free-form values as JSON, no response-only fields', async () => {
    const { root, byLabel } = await renderForm(CREATE_PROJECT, { body: { customFields: [{}] } });
    const name = byLabel('name');
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(root.querySelector(`label[for="${name.id}"] .required`)?.getAttribute('aria-hidden')).toBe('true');
    expect([...root.querySelectorAll('fieldset > legend')].map((legend) => legend.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Path parameters',
      'Body (application/json)',
      'hourlyRate',
      'tagIds',
      'customFields',
      'customFields item 1',
    ]);
    expect(byLabel('amount').getAttribute('aria-required')).toBe('true');
    expect(byLabel<HTMLTextAreaElement>('value').tagName).toBe('TEXTAREA');
    expect(root.querySelector('label[for$="_2f_id"]')).toBeNull();
  });

  it('adds and removes array items', async () => {
    const { form, root, changes } = await renderForm(CREATE_PROJECT, { body: { name: 'Apollo' } });
    root.querySelector<HTMLButtonElement>('button[aria-label="Add tagIds item"]')!.click();
    expect(changes.at(-1)?.value.body).toEqual({ name: 'Apollo', tagIds: [undefined] });
    form.value = { body: { name: 'Apollo', tagIds: ['a', 'b'] } };
    await form.updateComplete;
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove tagIds item 1"]')!.click();
    expect(changes.at(-1)?.value.body).toEqual({ name: 'Apollo', tagIds: ['b'] });
    form.value = { body: { name: 'Apollo', tagIds: ['b'] } };
    await form.updateComplete;
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove tagIds item 1"]')!.click();
    expect(changes.at(-1)?.value.body).toEqual({ name: 'Apollo' });
  });

  it('switches the body to raw JSON and back, keeping the values', async () => {
    const { form, root, changes, byLabel, type } = await renderForm(CREATE_PROJECT, { body: { name: 'Apollo', billable: true } });
    const toggle = () => root.querySelector<HTMLButtonElement>('.body-mode button')!;
    toggle().click();
    const raw = changes.at(-1)!.value.body as JsonText;
    expect(JSON.parse(raw.text)).toEqual({ name: 'Apollo', billable: true });
    form.value = changes.at(-1)!.value;
    await form.updateComplete;
    expect(toggle().textContent?.trim()).toBe('Edit body as form');
    await type(byLabel<HTMLTextAreaElement>('Body'), '{"name":"Zeus","extra":1}');
    form.value = changes.at(-1)!.value;
    toggle().click();
    await form.updateComplete;
    expect(root.querySelector('.body-mode [role="status"]')?.textContent).toContain('has values the form has no fields for');
    await type(byLabel<HTMLTextAreaElement>('Body'), '{"name":"Zeus"}');
    form.value = changes.at(-1)!.value;
    toggle().click();
    expect(changes.at(-1)?.value.body).toEqual({ name: 'Zeus' });
  });
});
