import { css, unsafeCSS } from 'lit';

/** The page background of each theme (`--addon-bg`): the sidebar paints the frame's body with it too. */
export const BACKGROUND = { light: '#ffffff', dark: '#15191f' } as const;

/**
 * Colours and base controls shared by every component. Two palettes, chosen by the host's `theme` attribute
 * (`dark`, else light), each with text/background contrast of at least 4.5:1 (WCAG AA), and a visible focus ring.
 * Embedders restyle through the `--addon-*` custom properties.
 */
export const themeStyles = css`
  :host {
    --addon-bg: ${unsafeCSS(BACKGROUND.light)};
    --addon-surface: #f3f5f8;
    --addon-fg: #1d2530;
    --addon-muted: #4f5b6b;
    --addon-border: #c5ccd6;
    --addon-accent: #0b63ce;
    --addon-accent-fg: #ffffff;
    --addon-danger: #b42318;
    --addon-success: #137333;
    --addon-warning: #8a5300;
    --addon-focus: #0b63ce;
    --addon-code-bg: #eef1f5;
    color-scheme: light;
    display: block;
    color: var(--addon-fg);
    background: var(--addon-bg);
    font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  :host([theme='dark']) {
    --addon-bg: ${unsafeCSS(BACKGROUND.dark)};
    --addon-surface: #1f252d;
    --addon-fg: #e6eaf0;
    --addon-muted: #a8b2bf;
    --addon-border: #3a4450;
    --addon-accent: #5ea2f5;
    --addon-accent-fg: #0c1116;
    --addon-danger: #ff8a80;
    --addon-success: #6fd08c;
    --addon-warning: #f2c14e;
    --addon-focus: #8cbcff;
    --addon-code-bg: #0f1318;
    color-scheme: dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--addon-border);
    background: var(--addon-surface);
    border-radius: 4px;
    padding: 4px 10px;
    cursor: pointer;
  }
  button.primary {
    background: var(--addon-accent);
    border-color: var(--addon-accent);
    color: var(--addon-accent-fg);
  }
  button.danger {
    color: var(--addon-danger);
  }
  /* A button that reads as a link (navigation within a tool). */
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--addon-accent);
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  input,
  select,
  textarea {
    background: var(--addon-bg);
    border: 1px solid var(--addon-border);
    border-radius: 4px;
    padding: 4px 6px;
  }
  [aria-invalid='true'] {
    border-color: var(--addon-danger);
  }
  :focus-visible {
    outline: 2px solid var(--addon-focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--addon-muted);
  }
  .error {
    color: var(--addon-danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  pre,
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 12px;
  }
  pre {
    background: var(--addon-code-bg);
    padding: 8px;
    border-radius: 4px;
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 4px 6px;
    border-bottom: 1px solid var(--addon-border);
  }
`;
