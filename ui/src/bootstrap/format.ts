import type { Job } from './types.js';

export interface Format {
  count(value: number): string;
  /** A share from 0 to 1, whole percent. */
  percent(share: number): string;
  /** Per second, one decimal: `45.8/s`. */
  rate(perSecond: number): string;
  /** The two largest units: `2 hr 5 min`, `1 min 3 sec`, `4 sec`. */
  duration(seconds: number): string;
  dateTime(iso: string): string;
  /** The UTC day of a timestamp (the plan's window is whole UTC days). */
  day(iso: string): string;
}

/** Formatting in the page's language (`AddonElement.locale`), falling back to English for a tag Intl refuses. */
export function createFormat(locale: string): Format {
  const tag = supported(locale);
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const units = (['hour', 'minute', 'second'] as const).map(
    (unit) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }),
  );
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    count: (value) => count.format(value),
    percent: (share) => percent.format(Math.min(1, Math.max(0, share))),
    rate: (perSecond) => `${decimal.format(perSecond)}/s`,
    duration(seconds) {
      const whole = Math.max(0, Math.round(seconds));
      const parts = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
      const first = parts.findIndex((part) => part > 0);
      if (first === -1) return (units[2] as Intl.NumberFormat).format(0);
      return parts
        .slice(first, first + 2)
        .map((part, index) => (part > 0 ? (units[first + index] as Intl.NumberFormat).format(part) : ''))
        .filter(Boolean)
        .join(' ');
    },
    dateTime: (iso) => dateTime.format(new Date(iso)),
    day: (iso) => day.format(new Date(iso)),
  };
}

function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Pages stored out of pages known, 0 to 1 (0 while nothing is known yet). */
export function shareDone({ stepsDone, stepsTotal }: Job['progress']): number {
  return stepsTotal > 0 ? Math.min(1, stepsDone / stepsTotal) : 0;
}

/** Seconds the job has run: to its end, or to `now` while it runs; undefined before it started. */
export function runSeconds(job: Pick<Job, 'startedAt' | 'finishedAt'>, now = Date.now()): number | undefined {
  if (!job.startedAt) return undefined;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, (end - Date.parse(job.startedAt)) / 1000);
}
