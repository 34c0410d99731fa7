// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contrast } from '../core/contrast.js';
import { BACKGROUND } from '../core/theme.js';
import { PALETTE, seriesClass } from './chart-palette.js';

describe('chart palette', () => {
  it.each(['light', 'dark'] as const)('keeps every %s colour at 3:1 or more against the chart background', (theme) => {
    for (const colour of PALETTE[theme]) expect(contrast(colour, BACKGROUND[theme]), colour).toBeGreaterThanOrEqual(3);
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
