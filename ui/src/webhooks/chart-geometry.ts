import type { DeliveryStats } from './types.js';

export interface Segment {
  event: string;
  /** Colour slot of the event (its place in the legend). */
  series: number;
  count: number;
  y: number;
  height: number;
}

export interface Bar {
  index: number;
  /** Start of the bucket, epoch ms. */
  start: number;
  x: number;
  width: number;
  total: number;
  /** Bottom to top, in legend order. */
  segments: Segment[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The y axis' top value: a round number at or above the busiest bucket. */
  axisMax: number;
  yTicks: { value: number; y: number }[];
  xLabels: { x: number; start: number }[];
  bars: Bar[];
  series: { event: string; series: number; total: number }[];
  total: number;
  /** The bucket with the most deliveries (the earliest of ties); undefined when there were none. */
  busiest?: Bar;
}

export interface ChartSize {
  width?: number;
  height?: number;
  /** Room for the y labels (left) and the x labels (bottom). */
  margin?: { top: number; right: number; bottom: number; left: number };
}

const MAX_X_LABELS = 8;

/**
 * Where every bar of the deliveries chart goes: one stacked bar per bucket, one segment per event, in a viewBox of
 * `width` × `height`. Pure, so the drawing can be tested without a browser.
 */
export function chartGeometry(
  stats: DeliveryStats,
  { width = 640, height = 200, margin = { top: 8, right: 8, bottom: 22, left: 36 } }: ChartSize = {},
): ChartGeometry {
  const from = Date.parse(stats.from);
  const count = Math.max(0, Math.round((Date.parse(stats.to) - from) / stats.bucketMs));
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const totals = Array.from({ length: count }, (_, index) => stats.events.reduce((sum, entry) => sum + (entry.buckets[index] ?? 0), 0));
  const axisMax = niceMax(Math.max(0, ...totals));
  const slot = count > 0 ? (plot.right - plot.left) / count : 0;
  const gap = Math.min(4, slot * 0.2);
  const scale = (plot.bottom - plot.top) / axisMax;

  const bars: Bar[] = totals.map((total, index) => {
    let base = plot.bottom;
    const segments: Segment[] = [];
    stats.events.forEach((entry, series) => {
      const value = entry.buckets[index] ?? 0;
      if (value <= 0) return;
      const segmentHeight = value * scale;
      base -= segmentHeight;
      segments.push({ event: entry.event, series, count: value, y: base, height: segmentHeight });
    });
    return { index, start: from + index * stats.bucketMs, x: plot.left + index * slot + gap / 2, width: slot - gap, total, segments };
  });

  const step = tickStep(axisMax);
  const yTicks = [];
  for (let value = 0; value <= axisMax; value += step) yTicks.push({ value, y: plot.bottom - value * scale });
  const every = Math.max(1, Math.ceil(count / MAX_X_LABELS));
  const xLabels = bars.filter((bar) => bar.index % every === 0).map((bar) => ({ x: bar.x + bar.width / 2, start: bar.start }));
  const busiest = bars.reduce<Bar | undefined>((best, bar) => (bar.total > (best?.total ?? 0) ? bar : best), undefined);
  const series = stats.events.map((entry, index) => ({ event: entry.event, series: index, total: entry.total }));
  const total = stats.events.reduce((sum, entry) => sum + entry.total, 0);
  return { width, height, plot, axisMax, yTicks, xLabels, bars, series, total, ...(busiest ? { busiest } : {}) };
}

/** A round step for about four ticks; counts are whole, so never below 1. */
export function tickStep(max: number): number {
  const raw = max / 4;
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** The axis top: the busiest bucket rounded up to a whole number of ticks (1 for an empty chart). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = tickStep(max);
  return Math.ceil(max / step) * step;
}
