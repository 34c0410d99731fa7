import { css } from 'lit';

/** The tool's own layout over the shared theme: compact enough for Clockify's sidebar. */
export const bootstrapStyles = css`
  h2 {
    font-size: 16px;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 15px;
    margin: 16px 0 8px;
  }
  .intro {
    margin: 0 0 12px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-bottom: 12px;
  }
  .problem {
    border-left: 4px solid var(--addon-danger);
    background: var(--addon-surface);
    padding: 4px 10px;
    margin: 8px 0;
  }
  .problem p {
    margin: 4px 0;
  }
  .state[data-state='done'] {
    color: var(--addon-success);
  }
  .state[data-state='failed'] {
    color: var(--addon-danger);
  }
  .state[data-state='cancelled'] {
    color: var(--addon-warning);
  }
  .state[data-state='running'],
  .state[data-state='queued'] {
    color: var(--addon-accent);
  }
  .reason {
    font-weight: normal;
    font-size: 13px;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  progress {
    flex: 1;
    height: 14px;
    accent-color: var(--addon-accent);
  }
  .percent,
  .number,
  dd {
    font-variant-numeric: tabular-nums;
  }
  .percent {
    min-width: 3.5em;
    text-align: right;
    font-weight: 600;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
    gap: 6px 12px;
    margin: 8px 0;
  }
  dt {
    color: var(--addon-muted);
    font-size: 12px;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .number {
    text-align: right;
  }
  details {
    margin: 8px 0;
  }
  summary {
    cursor: pointer;
    padding: 2px 0;
  }
  ul {
    margin: 4px 0;
    padding-left: 1.2em;
  }
  .tree ul {
    border-left: 1px solid var(--addon-border);
    padding-left: 1em;
  }
  .warning {
    color: var(--addon-warning);
  }
  button.link[aria-current='true'] {
    font-weight: 600;
    text-decoration: none;
  }
  .screen {
    padding: 24px 0;
    max-width: 32em;
  }
`;
