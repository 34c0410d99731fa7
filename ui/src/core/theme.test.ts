import { describe, expect, it } from 'vitest';
import { themeStyles } from './theme.js';

/** The custom properties one rule of the theme sets (`--addon-bg: #ffffff;` → { bg: '#ffffff' }). */
function palette(selector: string): Record<string, string> {
  const text = themeStyles.cssText;
  const start = text.indexOf(`${selector} {`);
  const block = text.slice(start, text.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--addon-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]));
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((index) => Number.parseInt(hex.slice(index, index + 2), 16) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
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
