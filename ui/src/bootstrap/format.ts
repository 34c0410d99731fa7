import { dateTimeFormat, numberFormat } from '../core/format.js';
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

const COUNT: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const DECIMAL: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
/** Hours, minutes, seconds: the units of a duration, largest first. */
const UNITS = (['hour', 'minute', 'second'] as const).map(
  (unit): Intl.NumberFormatOptions => ({ style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }),
);
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** Formatting in the page's language (`AddonElement.locale`), falling back to English for a tag Intl refuses. */
export function createFormat(locale: string): Format {
  const number = (options: Intl.NumberFormatOptions, value: number) => numberFormat(locale, options).format(value);
  return {
    count: (value) => number(COUNT, value),
    percent: (share) => number(PERCENT, Math.min(1, Math.max(0, share))),
    rate: (perSecond) => `${number(DECIMAL, perSecond)}/s`,
    duration(seconds) {
      const whole = Math.max(0, Math.round(seconds));
      const parts = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
      const first = parts.findIndex((part) => part > 0);
      if (first === -1) return number(UNITS[2] as Intl.NumberFormatOptions, 0);
      return parts
        .slice(first, first + 2)
        .map((part, index) => (part > 0 ? number(UNITS[first + index] as Intl.NumberFormatOptions, part) : ''))
        .filter(Boolean)
        .join(' ');
    },
    dateTime: (iso) => dateTimeFormat(locale, DATE_TIME).format(new Date(iso)),
    day: (iso) => dateTimeFormat(locale, DAY).format(new Date(iso)),
  };
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
