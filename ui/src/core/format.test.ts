import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatMoment, numberFormat } from './format.js';

const COUNT: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

describe('Intl formatting in the page language', () => {
  it('formats in the language asked for', () => {
    expect(numberFormat('de', COUNT).format(19850)).toBe('19.850');
    expect(formatMoment('2024-06-02T10:00:00Z', 'en', DAY)).toBe('Jun 2, 2024');
  });

  it('falls back to English for a tag Intl refuses, instead of throwing', () => {
    expect(numberFormat('en_US', COUNT).format(19850)).toBe('19,850');
    expect(formatMoment('2024-06-02T10:00:00Z', 'not a tag!', DAY)).toBe('Jun 2, 2024');
  });

  it('makes each formatter once per language and options', () => {
    expect(dateTimeFormat('fr', DAY)).toBe(dateTimeFormat('fr', DAY));
    expect(dateTimeFormat('fr', DAY)).not.toBe(dateTimeFormat('de', DAY));
  });

  it('shows a value that is no date as it came', () => {
    expect(formatMoment('soon', 'en', DAY)).toBe('soon');
  });
});
