// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chartGeometry, niceMax, tickStep } from './chart-geometry.js';
import { statsFixture } from './stats-fixture.js';

describe('chartGeometry', () => {
  const stats = statsFixture({ NEW_CLIENT: [0, 3, 0, 1], NEW_TAG: [2, 4] });
  const geometry = chartGeometry(stats, { width: 640, height: 200 });

  it('draws one bar per hour, evenly spaced inside the plot', () => {
    expect(geometry.bars).toHaveLength(24);
    const [first, second] = geometry.bars;
    expect(first!.x).toBeGreaterThanOrEqual(geometry.plot.left);
    expect(second!.x - first!.x).toBeCloseTo((geometry.plot.right - geometry.plot.left) / 24);
    expect(geometry.bars.at(-1)!.x + geometry.bars.at(-1)!.width).toBeLessThanOrEqual(geometry.plot.right);
    expect(second!.start - first!.start).toBe(3_600_000);
  });

  it('stacks the busiest event at the bottom and scales every segment to the axis', () => {
    expect(geometry.series.map((entry) => entry.event)).toEqual(['NEW_TAG', 'NEW_CLIENT']);
    const bar = geometry.bars[1]!;
    expect(bar.total).toBe(7);
    expect(bar.segments.map((segment) => [segment.event, segment.series, segment.count])).toEqual([
      ['NEW_TAG', 0, 4],
      ['NEW_CLIENT', 1, 3],
    ]);
    const [bottom, top] = bar.segments as [NonNullable<(typeof bar.segments)[0]>, NonNullable<(typeof bar.segments)[0]>];
    expect(bottom.y + bottom.height).toBeCloseTo(geometry.plot.bottom);
    expect(top.y + top.height).toBeCloseTo(bottom.y);
    const unit = (geometry.plot.bottom - geometry.plot.top) / geometry.axisMax;
    expect(bottom.height).toBeCloseTo(4 * unit);
    expect(geometry.bars[2]!.segments).toEqual([]);
  });

  it('rounds the axis up to whole ticks and labels every third hour of a day', () => {
    expect(geometry.axisMax).toBe(8);
    expect(geometry.yTicks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8]);
    expect(geometry.yTicks[0]!.y).toBe(geometry.plot.bottom);
    expect(geometry.yTicks.at(-1)!.y).toBeCloseTo(geometry.plot.top);
    expect(geometry.xLabels).toHaveLength(8);
    expect(geometry.xLabels[1]!.start - geometry.xLabels[0]!.start).toBe(3 * 3_600_000);
  });

  it('names the busiest hour and the total', () => {
    expect(geometry.total).toBe(10);
    expect(geometry.busiest?.index).toBe(1);
  });

  it('draws an empty day with a unit axis and no busiest hour', () => {
    const empty = chartGeometry(statsFixture({}));
    expect(empty.axisMax).toBe(1);
    expect(empty.total).toBe(0);
    expect(empty.busiest).toBeUndefined();
    expect(empty.bars.every((bar) => bar.segments.length === 0)).toBe(true);
  });
});

describe('axis steps', () => {
  it('picks 1, 2 or 5 times a power of ten, never below one', () => {
    expect([1, 3, 4, 9, 17, 40, 230, 999].map(tickStep)).toEqual([1, 1, 1, 5, 5, 10, 100, 500]);
    expect([0, 1, 3, 7, 17, 230].map(niceMax)).toEqual([1, 1, 3, 8, 20, 300]);
  });
});
