import { describe, expect, it } from 'vitest';
import { contrast } from './contrast.js';
import { themeStyles } from './theme.js';

/** The custom properties one rule of the theme sets (`--addon-bg: #ffffff;` → { bg: '#ffffff' }). */
function palette(selector: string): Record<string, string> {
  const text = themeStyles.cssText;
  const start = text.indexOf(`${selector} {`);
  const block = text.slice(start, text.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--addon-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]));
}

describe.each([
  ['light', ':host'],
  ['dark', ":host([theme='dark'])"],
])('the %s theme', (_name, selector) => {
  const colours = palette(selector);

  it('defines every colour', () => {
    for (const name of ['bg', 'surface', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'danger', 'success', 'warning', 'focus'])
      expect(colours[name], name).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('keeps text readable (WCAG AA, 4.5:1) on the page and on surfaces', () => {
    for (const text of ['fg', 'muted', 'danger', 'success', 'warning', 'accent']) {
      expect(contrast(colours[text]!, colours.bg!), `${text} on bg`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours[text]!, colours.surface!), `${text} on surface`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(colours['accent-fg']!, colours.accent!), 'primary button text').toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring that stands out from the page (3:1)', () => {
    expect(contrast(colours.focus!, colours.bg!)).toBeGreaterThanOrEqual(3);
  });
});
