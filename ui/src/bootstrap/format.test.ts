// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFormat, runSeconds, shareDone } from './format.js';
import { jobOf } from './test-fixtures.js';

describe('createFormat', () => {
  const en = createFormat('en');

  it('formats counts, percentages and rates in the page language', () => {
    expect(en.count(19850)).toBe('19,850');
    expect(en.percent(412 / 530)).toBe('78%');
    expect(en.percent(1.2)).toBe('100%');
    expect(en.rate(45.84)).toBe('45.8/s');
    expect(createFormat('de').count(19850)).toBe('19.850');
    expect(createFormat('de').rate(2190.44)).toBe('2.190,4/s');
  });

  it('writes durations with their two largest units', () => {
    expect(en.duration(0)).toBe('0 sec');
    expect(en.duration(2.6)).toBe('3 sec');
    expect(en.duration(63)).toBe('1 min 3 sec');
    expect(en.duration(120)).toBe('2 min');
    expect(en.duration(3725)).toBe('1 hr 2 min');
    expect(en.duration(3605)).toBe('1 hr');
  });

  it('falls back to English for a language tag Intl refuses', () => {
    expect(createFormat('not a tag!').count(1000)).toBe('1,000');
  });

  it('shows the plan window as whole UTC days', () => {
    expect(en.day('2024-06-02T00:00:00Z')).toBe('Jun 2, 2024');
  });
});

describe('shareDone and runSeconds', () => {
  it('is the share of known pages stored, 0 while none is known', () => {
    expect(shareDone(jobOf().progress)).toBeCloseTo(412 / 530);
    expect(shareDone(jobOf({ progress: { stepsDone: 0, stepsTotal: 0 } }).progress)).toBe(0);
  });

  it('counts a job to its end, or to now while it runs', () => {
    expect(runSeconds(jobOf({ finishedAt: '2025-06-02T10:02:03.000Z' }))).toBe(123);
    expect(runSeconds(jobOf(), Date.parse('2025-06-02T10:00:10.000Z'))).toBe(10);
    expect(runSeconds(jobOf({ startedAt: null }))).toBeUndefined();
  });
});
