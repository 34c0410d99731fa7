import { css } from 'lit';

/** The component's own layout; colours come from the theme's `--addon-*` properties and the chart palette. */
export const webhooksStyles = css`
  nav.views {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    margin-bottom: 12px;
  }
  nav.views [aria-current='page'] {
    border-color: var(--addon-accent);
    font-weight: 600;
  }
  h2 {
    font-size: 16px;
    margin: 0 0 8px;
  }
  h3 {
    font-size: 14px;
    margin: 16px 0 6px;
  }
  section + section {
    margin-top: 20px;
  }
  .section-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
  }
  .small {
    font-size: 12px;
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 8px;
    border: 1px solid currentColor;
    font-size: 12px;
  }
  .ok {
    color: var(--addon-success);
  }
  .warn {
    color: var(--addon-warning);
  }
  .bad {
    color: var(--addon-danger);
  }
  .notice {
    padding: 8px 10px;
    border: 1px solid var(--addon-border);
    border-radius: 4px;
    background: var(--addon-surface);
    margin: 8px 0;
  }
  .notice.error {
    border-color: var(--addon-danger);
  }
  .notice p {
    margin: 0;
  }
  [role='status']:empty {
    display: none;
  }
  .filters,
  .actions,
  .paging,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin: 8px 0;
  }
  .confirm {
    padding: 6px 8px;
    border: 1px solid var(--addon-danger);
    border-radius: 4px;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  td.clip {
    max-width: 16em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ul.cards {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.cards > li {
    border: 1px solid var(--addon-border);
    border-radius: 4px;
    padding: 8px 10px;
    margin-bottom: 8px;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
    margin: 0;
  }
  pre.last-error {
    color: var(--addon-danger);
    white-space: pre-wrap;
    margin: 6px 0;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
  }
  dl.facts dt {
    color: var(--addon-muted);
  }
  dl.facts dd {
    margin: 0;
  }
  figure.chart {
    margin: 0;
  }
  figure.chart > svg {
    width: 100%;
    height: auto;
    max-height: 260px;
    display: block;
  }
  .axis text {
    fill: var(--addon-muted);
    font-size: 11px;
  }
  .axis line.grid {
    stroke: var(--addon-border);
    stroke-width: 1;
  }
  g[data-bar] rect {
    /* A hairline of the background between stacked segments keeps neighbouring colours apart. */
    stroke: var(--addon-bg);
    stroke-width: 0.5;
  }
  ul.legend {
    list-style: none;
    padding: 0;
    margin: 6px 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
  }
  svg.swatch {
    width: 10px;
    height: 10px;
  }
`;
