import { dateTimeFormat, formatMoment } from '../core/format.js';

const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'medium' };
const HOUR: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A moment in the viewer's time zone, date and time; '–' for none. */
export function formatTime(value: string | number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '–' : formatMoment(value, locale, MOMENT);
}

/** The hour a chart bucket starts at, e.g. `14:00` or `2 PM`. */
export function formatHour(ms: number, locale: string): string {
  return dateTimeFormat(locale, HOUR).format(new Date(ms));
}
