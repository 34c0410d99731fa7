import { unsafeCSS } from 'lit';

/**
 * One colour per event (Clockify allows 10 webhooks per add-on, so 10 slots), a darker set for the light theme and a
 * lighter one for the dark theme. Each keeps at least 3:1 against its theme's background (WCAG 1.4.11, graphical
 * objects; chart-palette.test.ts checks it), and neighbouring slots differ in hue and lightness so stacked segments stay
 * apart; the legend, the segment titles and the table name every event, so colour is never the only cue.
 */
export const PALETTE = {
  light: ['#1f6fb4', '#c4540a', '#2e8540', '#b3261e', '#7b4fa3', '#806600', '#0f7f86', '#b0367c', '#6d5444', '#5c6670'],
  dark: ['#6aa8f0', '#f59b4c', '#6fcf7f', '#ff8a80', '#c39bef', '#e3c15a', '#4fd1d9', '#f28cc8', '#c9a58a', '#aab4bf'],
} as const;

/** `--series-N` custom properties for both themes and `.series-N` fill classes, for the element's styles. */
export const paletteStyles = unsafeCSS(`
  :host { ${PALETTE.light.map((colour, index) => `--series-${index}: ${colour};`).join(' ')} }
  :host([theme='dark']) { ${PALETTE.dark.map((colour, index) => `--series-${index}: ${colour};`).join(' ')} }
  ${PALETTE.light.map((_, index) => `.series-${index} { fill: var(--series-${index}); background: var(--series-${index}); }`).join('\n')}
`);

export function seriesClass(series: number): string {
  return `series-${series % PALETTE.light.length}`;
}
