import { html, nothing, svg } from 'lit';
import { type Bar, type ChartGeometry, chartGeometry } from './chart-geometry.js';
import { seriesClass } from './chart-palette.js';
import { formatHour } from './format.js';
import type { DeliveryStats } from './types.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The chart's text alternative in one sentence: total, per event, and the busiest hour. */
export function summarizeStats(stats: DeliveryStats, locale: string, geometry = chartGeometry(stats)): string {
  const hours = Math.round((Date.parse(stats.to) - Date.parse(stats.from)) / 3_600_000);
  const head = `${geometry.total} ${geometry.total === 1 ? 'delivery' : 'deliveries'} in the last ${plural(hours, 'hour')}`;
  if (geometry.total === 0) return `${head}.`;
  const perEvent = stats.events.map((entry) => `${entry.event} ${entry.total}`).join(', ');
  const busiest = geometry.busiest ? ` Busiest hour: ${formatHour(geometry.busiest.start, locale)} with ${geometry.busiest.total}.` : '';
  return `${head}: ${perEvent}.${busiest}`;
}

/**
 * Deliveries per event and hour as stacked bars in inline SVG, with a legend and the same numbers as a table for
 * screen readers and for anyone who wants them exact. Colours come from the `--series-N` properties of the theme.
 */
export function renderDeliveryChart(stats: DeliveryStats, locale: string) {
  const geometry = chartGeometry(stats);
  const summary = summarizeStats(stats, locale, geometry);
  if (geometry.total === 0) return html`<p class="muted" data-chart-empty>${summary}</p>`;
  return html`<figure class="chart" data-chart>
    <svg role="img" aria-label=${summary} viewBox="0 0 ${geometry.width} ${geometry.height}" preserveAspectRatio="xMidYMid meet">
      ${renderAxes(geometry, locale)} ${geometry.bars.map((bar) => renderBar(bar, stats.bucketMs, locale))}
    </svg>
    <ul class="legend" aria-label="Events">
      ${stats.events.map(
        (entry, series) => html`<li>
          <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class=${seriesClass(series)} width="10" height="10" rx="2"></rect></svg>
          <span>${entry.event}</span> <span class="muted">${entry.total}</span>
          ${entry.states.dead > 0 ? html`<span class="error">(${entry.states.dead} dead)</span>` : nothing}
        </li>`,
      )}
    </ul>
    <details>
      <summary>Show as a table</summary>
      ${renderTable(stats, geometry, locale)}
    </details>
  </figure>`;
}

function renderAxes(geometry: ChartGeometry, locale: string) {
  const { plot } = geometry;
  return svg`<g class="axis" aria-hidden="true">
    ${geometry.yTicks.map(
      (tick) => svg`<line class="grid" x1=${plot.left} x2=${plot.right} y1=${tick.y} y2=${tick.y}></line>
        <text x=${plot.left - 6} y=${tick.y} text-anchor="end" dominant-baseline="middle">${tick.value}</text>`,
    )}
    ${geometry.xLabels.map(
      (label) => svg`<text x=${label.x} y=${plot.bottom + 15} text-anchor="middle">${formatHour(label.start, locale)}</text>`,
    )}
  </g>`;
}

function renderBar(bar: Bar, bucketMs: number, locale: string) {
  const hours = `${formatHour(bar.start, locale)}–${formatHour(bar.start + bucketMs, locale)}`;
  return svg`<g data-bar=${bar.index}>
    ${bar.segments.map(
      (segment) => svg`<rect class=${seriesClass(segment.series)} data-event=${segment.event} x=${bar.x} y=${segment.y}
        width=${bar.width} height=${segment.height}><title>${hours} · ${segment.event}: ${segment.count}</title></rect>`,
    )}
  </g>`;
}

function renderTable(stats: DeliveryStats, geometry: ChartGeometry, locale: string) {
  const busy = geometry.bars.filter((bar) => bar.total > 0);
  return html`<table data-chart-table>
    <caption class="visually-hidden">Deliveries per hour and event</caption>
    <thead>
      <tr>
        <th scope="col">Hour</th>
        ${stats.events.map((entry) => html`<th scope="col">${entry.event}</th>`)}
        <th scope="col">All</th>
      </tr>
    </thead>
    <tbody>
      ${busy.map(
        (bar) => html`<tr>
          <th scope="row">${formatHour(bar.start, locale)}</th>
          ${stats.events.map((entry) => html`<td>${entry.buckets[bar.index] ?? 0}</td>`)}
          <td>${bar.total}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">Total</th>
        ${stats.events.map((entry) => html`<td>${entry.total}</td>`)}
        <td>${geometry.total}</td>
      </tr>
    </tfoot>
  </table>`;
}
