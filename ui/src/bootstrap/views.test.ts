// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/addon-api.js';
import { jobAnnouncement } from './announcement.js';
import { errorView } from './error-view.js';
import { createFormat } from './format.js';
import { planView } from './plan-view.js';
import { progressView } from './progress-view.js';
import { summaryView } from './summary-view.js';
import { jobOf, PLAN } from './test-fixtures.js';

const format = createFormat('en');

function mount(template: Parameters<typeof render>[0]): HTMLElement {
  const container = document.createElement('div');
  render(template, container);
  return container;
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('progressView', () => {
  it('shows a running job: labelled progress bar, percent, figures and the table per list', () => {
    const view = mount(progressView(jobOf(), format, Date.parse('2025-06-02T10:00:09.000Z')));
    const bar = view.querySelector('progress') as HTMLProgressElement;
    expect(bar.getAttribute('max')).toBe('530');
    expect(bar.getAttribute('value')).toBe('412');
    expect(bar.getAttribute('aria-valuetext')).toBe('78%, 412 of 530 pages');
    expect(text(view.querySelector(`label[for="${bar.id}"]`))).toBe('Pages read');
    expect(text(view.querySelector('[data-percent]'))).toBe('78%');
    expect(text(view.querySelector('h3'))).toBe('Job 3: Running started by an admin');
    const figures = Object.fromEntries(
      [...view.querySelectorAll('dl div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
    );
    expect(figures).toEqual({
      Records: '19,850',
      'Requests per second': '45.8/s',
      'Records per second': '2,190.4/s',
      'Time left': 'about 3 sec',
      'Running for': '9 sec',
      'Errors (retried)': '3',
      'Failed pages': '0',
    });
    const rows = [...view.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows).toEqual([
      ['getUsers', '1/1', '0', '3'],
      ['getTimeEntries', '411/529', '0', '19,847'],
    ]);
    expect(view.querySelector('details.operations')?.hasAttribute('open')).toBe(true);
  });

  it('shows a finished job at 100% with how long it took and no time left', () => {
    const job = jobOf({
      state: 'done',
      finishedAt: '2025-06-02T10:01:05.000Z',
      progress: { stepsDone: 530, stepsTotal: 530, etaSeconds: null },
    });
    const view = mount(progressView(job, format));
    expect((view.querySelector('progress') as HTMLProgressElement).getAttribute('value')).toBe('530');
    expect(text(view.querySelector('[data-percent]'))).toBe('100%');
    expect(text(view.querySelector('[data-state]'))).toBe('Done');
    expect(text(view)).toContain('Took1 min 5 sec');
    expect(text(view)).not.toContain('Time left');
    expect(view.querySelector('details.operations')?.hasAttribute('open')).toBe(false);
  });

  it('shows a queued job with nothing known as 0% and the job error when there is one', () => {
    const job = jobOf({
      state: 'failed',
      error: '2 of 5 pages could not be read',
      startedAt: null,
      progress: { stepsDone: 0, stepsTotal: 0 },
    });
    const view = mount(progressView(job, format));
    expect(text(view.querySelector('[data-percent]'))).toBe('0%');
    expect(text(view.querySelector('[data-job-error]'))).toBe('2 of 5 pages could not be read');
  });
});

describe('summaryView', () => {
  it('sums up the last run: state, duration, records, failures and the first failed page error', () => {
    const job = jobOf({
      state: 'failed',
      finishedAt: '2025-06-02T10:02:03.000Z',
      error: '1 of 530 pages could not be read (first: …); a retry reads them again',
      firstError: 'getTimeEntries page 3 of u1: HTTP 503',
      progress: { stepsFailed: 1 },
    });
    const view = mount(summaryView(job, format));
    expect(text(view.querySelector('[data-summary-state]'))).toBe('Failed (job 3)');
    expect(text(view)).toContain('Duration2 min 3 sec');
    expect(text(view.querySelector('[data-summary-records]'))).toBe('19,850');
    expect(text(view)).toContain('Failed pages1');
    expect(text(view.querySelector('.error'))).toBe('First error: getTimeEntries page 3 of u1: HTTP 503');
  });

  it("falls back to the job's own error when it comes from the list", () => {
    const {
      operations: _operations,
      firstError: _firstError,
      ...listed
    } = jobOf({ state: 'failed', error: 'cannot call the Clockify API: gone' });
    expect(text(mount(summaryView(listed, format)).querySelector('.error'))).toBe('First error: cannot call the Clockify API: gone');
  });
});

describe('planView', () => {
  it('nests each list under the list that fills its parameter, with page sizes and what was left out', () => {
    const view = mount(planView(PLAN, format));
    expect(text(view.querySelector('summary'))).toBe('Plan: 2 lists, 1 left out');
    const root = view.querySelector('.tree > li') as HTMLElement;
    expect(text(root.querySelector('code'))).toBe('getUsers');
    expect(text(root.querySelector(':scope > span'))).toBe('users · 50 per page');
    expect(text(root.querySelector('ul > li'))).toBe('getTimeEntries user/time-entries · 200 per page · per userId · hydrated=false');
    expect(text(view)).toContain('getPolicies: deprecated');
    expect(text(view)).toContain('Dated lists cover Jun 2, 2024 to Jun 3, 2026 (UTC).');
  });
});

describe('errorView and jobAnnouncement', () => {
  it('shows the message, code and request id of an API error as an alert', () => {
    const view = mount(errorView('Starting a copy', new ApiError(409, 'BOOTSTRAP_JOB_ACTIVE', 'job 3 is running', 'req-7')));
    expect(view.querySelector('[role="alert"]')).not.toBeNull();
    expect(text(view)).toBe('Starting a copy failed: job 3 is running Code BOOTSTRAP_JOB_ACTIVE, request id req-7');
  });

  it('speaks on state changes and on each quarter of progress, not on every poll', () => {
    const at = (stepsDone: number, state: 'running' | 'done' = 'running') => jobOf({ state, progress: { stepsDone, stepsTotal: 100 } });
    expect(jobAnnouncement(undefined, at(10), format)).toBeUndefined();
    expect(jobAnnouncement(at(10), at(20), format)).toBeUndefined();
    expect(jobAnnouncement(at(20), at(26), format)).toBe('Job 3: 25% of the pages known so far read.');
    expect(jobAnnouncement(at(99), at(100), format)).toBeUndefined();
    const done = jobOf({ state: 'done', finishedAt: '2025-06-02T10:00:42.000Z', progress: { stepsDone: 100, stepsTotal: 100 } });
    expect(jobAnnouncement(at(99), done, format)).toBe('Job 3 done: 19,850 records in 42 sec.');
  });
});
