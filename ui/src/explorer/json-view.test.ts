// @vitest-environment happy-dom
import { html, render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJson } from './json-view.js';

function show(value: unknown): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(html`${renderJson(value, 'Response body')}`, host);
  return host;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.replaceChildren();
});

describe('renderJson', () => {
  it('draws objects and arrays as collapsible details, open for the first two levels', () => {
    const host = show({ tags: [{ id: 't1', archived: false, note: null }], total: 1 });
    expect(host.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Response body');
    const levels = [...host.querySelectorAll('details')];
    expect(levels.map((details) => details.open)).toEqual([true, true, false]);
    expect(levels.map((details) => text(details.querySelector('summary')))).toEqual(['{ 2 keys }', 'tags: [ 1 item ]', '0: { 3 keys }']);
    expect(text(host.querySelector('.json-string'))).toBe('"t1"');
    expect(text(host.querySelector('.json-boolean'))).toBe('false');
    expect(text(host.querySelector('.json-null'))).toBe('null');
    expect(text(host.querySelector('.json-number'))).toBe('1');
  });

  it('shows empty containers and scalars inline', () => {
    expect(text(show([]))).toBe('[]');
    expect(text(show('done'))).toBe('"done"');
    expect(show({}).querySelector('details')).toBeNull();
  });

  it('summarises a long array instead of drawing every item', () => {
    const host = show(Array.from({ length: 250 }, (_, index) => index));
    expect(host.querySelectorAll('details > ul > li')).toHaveLength(201);
    expect(text(host.querySelector('details > ul > li:last-child'))).toBe('… 50 more not shown');
  });
});
