const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A `lang` the runtime does not know: fall back rather than fail the whole view.
      format = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, format);
  }
  return format;
}

/** A moment in the viewer's time zone, date and time; '–' for none. */
export function formatTime(value: string | number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : formatter(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

/** The hour a chart bucket starts at, e.g. `14:00` or `2 PM`. */
export function formatHour(ms: number, locale: string): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}
