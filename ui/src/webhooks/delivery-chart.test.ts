// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { renderDeliveryChart, summarizeStats } from './delivery-chart.js';
import { statsFixture } from './stats-fixture.js';

function draw(stats: ReturnType<typeof statsFixture>): HTMLElement {
  const container = document.createElement('div');
  render(renderDeliveryChart(stats, 'en-GB'), container);
  return container;
}

describe('renderDeliveryChart', () => {
  const stats = statsFixture({ NEW_CLIENT: [0, 3], NEW_TAG: [2, 4] }, { dead: { NEW_CLIENT: 1 } });

  it('draws one rect per non-empty segment, coloured by the event’s slot and titled with hour, event and count', () => {
    const container = draw(stats);
    const rects = [...container.querySelectorAll('g[data-bar] rect')];
    expect(rects).toHaveLength(3);
    expect(rects.map((rect) => rect.getAttribute('class'))).toEqual(['series-0', 'series-0', 'series-1']);
    expect(rects.map((rect) => rect.querySelector('title')?.textContent)).toEqual([
      expect.stringMatching(/^\d\d:00–\d\d:00 · NEW_TAG: 2$/),
      expect.stringMatching(/· NEW_TAG: 4$/),
      expect.stringMatching(/· NEW_CLIENT: 3$/),
    ]);
  });

  it('labels the axes and lists each event with its total and dead letters in the legend', () => {
    const container = draw(stats);
    expect([...container.querySelectorAll('.axis text')].map((text) => text.textContent)).toContain('6');
    const legend = [...container.querySelectorAll('ul.legend li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(legend).toEqual(['NEW_TAG 6', 'NEW_CLIENT 3 (1 dead)']);
  });

  it('gives a text alternative: an aria-label summary and a table of the busy hours', () => {
    const container = draw(stats);
    const label = container.querySelector('svg[role="img"]')?.getAttribute('aria-label');
    expect(label).toMatch(/^9 deliveries in the last 24 hours: NEW_TAG 6, NEW_CLIENT 3\. Busiest hour: \d\d:00 with 7\.$/);
    const rows = [...container.querySelectorAll('table[data-chart-table] tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['2', '0', '2'],
      ['4', '3', '7'],
    ]);
    const totals = [...container.querySelectorAll('tfoot td')].map((cell) => cell.textContent);
    expect(totals).toEqual(['6', '3', '9']);
  });

  it('says so instead of drawing an empty chart', () => {
    const container = draw(statsFixture({}));
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelector('[data-chart-empty]')?.textContent).toBe('0 deliveries in the last 24 hours.');
    expect(summarizeStats(statsFixture({ NEW_TAG: [1] }, { hours: 1 }), 'en')).toMatch(/^1 delivery in the last 1 hour: NEW_TAG 1\./);
  });
});
