// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CHART_BACKGROUND, PALETTE, seriesClass } from './chart-palette.js';

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255)
      .map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('chart palette', () => {
  it.each(['light', 'dark'] as const)('keeps every %s colour at 3:1 or more against the chart background', (theme) => {
    for (const colour of PALETTE[theme]) expect(contrast(colour, CHART_BACKGROUND[theme]), colour).toBeGreaterThanOrEqual(3);
  });

  it('has ten distinct colours per theme, one per webhook Clockify allows', () => {
    expect(new Set(PALETTE.light).size).toBe(10);
    expect(new Set(PALETTE.dark).size).toBe(10);
  });

  it('reuses the slots past the tenth event', () => {
    expect(seriesClass(3)).toBe('series-3');
    expect(seriesClass(12)).toBe('series-2');
  });
});
