/**
 * Intl formatting in the page's language (`AddonElement.locale`). A `lang` Intl refuses (`en_US`, as a page that
 * embeds a tool may set it) falls back to English rather than throwing in the middle of a render. Making a formatter
 * is the slow part, so each is made once per language and options object and kept: pass options constants.
 */

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat;

const byLocale = new Map<string, { tag: string; made: WeakMap<object, Formatter> }>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

/** A moment (ISO text or epoch milliseconds); a value that is no date is shown as it came, where Intl would throw. */
export function formatMoment(value: string | number, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat(locale, options).format(date);
}

function kept<F extends Formatter>(locale: string, options: object, make: (tag: string) => F): F {
  let language = byLocale.get(locale);
  if (!language) {
    language = { tag: intlTag(locale), made: new WeakMap() };
    byLocale.set(locale, language);
  }
  let formatter = language.made.get(options) as F | undefined;
  if (!formatter) {
    formatter = make(language.tag);
    language.made.set(options, formatter);
  }
  return formatter;
}

/** The tag itself when Intl accepts it (a well-formed tag it has no data for still gets Intl's own fallback), else 'en'. */
function intlTag(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
