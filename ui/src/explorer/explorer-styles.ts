import { css } from 'lit';

/** Layout and controls of the explorer and its parts, on the shared palette (`--addon-*`) of both themes. */
export const explorerStyles = css`
  h2,
  h3,
  h4 {
    margin: 12px 0 6px;
    line-height: 1.25;
  }
  h2 {
    font-size: 16px;
  }
  h3 {
    font-size: 14px;
  }
  h4 {
    font-size: 13px;
  }
  h2:focus {
    outline: 2px solid var(--addon-focus);
    outline-offset: 2px;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  code.url {
    word-break: break-all;
  }
  fieldset {
    border: 1px solid var(--addon-border);
    border-radius: 4px;
    margin: 8px 0;
    padding: 4px 10px 8px;
    min-width: 0;
  }
  fieldset.section > legend {
    font-weight: 600;
  }
  legend {
    padding: 0 4px;
  }
  .field {
    margin: 6px 0;
  }
  .field label {
    display: block;
    font-weight: 500;
  }
  .field input,
  .field select,
  .field textarea,
  textarea {
    width: 100%;
    max-width: 36em;
  }
  textarea {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 12px;
  }
  label.block {
    display: block;
    font-weight: 500;
  }
  .required {
    color: var(--addon-danger);
  }
  .hint,
  .message {
    margin: 2px 0 0;
    font-size: 12px;
  }
  .message:empty {
    display: none;
  }
  .item {
    display: flex;
    gap: 6px;
    align-items: flex-end;
  }
  .item > :first-child {
    flex: 1;
  }
  .warning {
    color: var(--addon-warning);
  }
  .success {
    color: var(--addon-success);
  }
  .method {
    display: inline-block;
    min-width: 3.6em;
    font: 600 11px/1.6 ui-monospace, Menlo, Consolas, monospace;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 8px 0;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 4px 0 8px;
  }
  .facts dt {
    color: var(--addon-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .status {
    min-height: 1.45em;
  }
  .result {
    border-top: 1px solid var(--addon-border);
    margin-top: 8px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
    padding: 4px 0;
    border-bottom: 1px solid var(--addon-border);
  }
  .row .grow {
    flex: 1;
    min-width: 8em;
  }
`;
