// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AddonKitBootstrap } from './addon-kit-bootstrap.js';
import './index.js';
import { fakeApi, jobOf, PLAN } from './test-fixtures.js';
import type { JobDetail } from './types.js';

const BASE = '/admin/bootstrap';
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
const listed = ({ operations: _operations, firstError: _firstError, ...job }: JobDetail) => job;

function mount(api: ReturnType<typeof fakeApi>['api'], attributes: Record<string, string> = {}): AddonKitBootstrap {
  const element = document.createElement('addon-kit-bootstrap') as AddonKitBootstrap;
  element.api = api;
  element.setAttribute('poll-interval-ms', '10');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

const root = (element: AddonKitBootstrap) => element.shadowRoot as ShadowRoot;
const button = (element: AddonKitBootstrap, action: string) =>
  root(element).querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
/** The actions a user can take now: the buttons shown and not disabled. */
const enabled = (element: AddonKitBootstrap) =>
  ['start', 'cancel', 'resume', 'retry'].filter((action) => button(element, action)?.disabled === false);

afterEach(() => {
  document.body.replaceChildren();
});

describe('<addon-kit-bootstrap>', () => {
  it('polls the running job until it is done, then stops, announces it and sums it up', async () => {
    const previous = jobOf({ id: 2, state: 'done', finishedAt: '2025-06-01T10:00:30.000Z', startedAt: '2025-06-01T10:00:00.000Z' });
    let polls = 0;
    const running = (): JobDetail =>
      ++polls < 3
        ? jobOf({ progress: { stepsDone: 100 * polls, stepsTotal: 530 } })
        : jobOf({ state: 'done', finishedAt: '2025-06-02T10:01:00.000Z', progress: { stepsDone: 530, stepsTotal: 530, etaSeconds: null } });
    const { api, calls } = fakeApi({
      [`GET ${BASE}/plan`]: { body: PLAN },
      [`GET ${BASE}/jobs`]: () => ({ body: { jobs: [listed(polls >= 3 ? running() : jobOf()), listed(previous)] } }),
      [`GET ${BASE}/jobs/3`]: () => ({ body: { job: running() } }),
    });
    const element = mount(api);
    await expect.poll(() => text(root(element).querySelector('[data-state]'))).toBe('Done');
    const bar = root(element).querySelector('progress') as HTMLProgressElement;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['530', '530']);
    expect(text(root(element).querySelector('[data-announcement]'))).toBe('Job 3 done: 19,850 records in 1 min.');
    await expect.poll(() => text(root(element).querySelector('[data-summary-state]'))).toBe('Done (job 3)');
    expect(enabled(element)).toEqual(['start']);
    expect(text(root(element).querySelector('details.plan summary'))).toBe('Plan: 2 lists, 1 left out');
    const jobPolls = calls.filter((call) => call.path === `${BASE}/jobs/3`).length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls.filter((call) => call.path === `${BASE}/jobs/3`).length).toBe(jobPolls);
  });

  it('stops polling once it leaves the page', async () => {
    const { api, calls } = fakeApi({
      [`GET ${BASE}/plan`]: { body: PLAN },
      [`GET ${BASE}/jobs`]: { body: { jobs: [listed(jobOf())] } },
      [`GET ${BASE}/jobs/3`]: { body: { job: jobOf() } },
    });
    const element = mount(api);
    const polls = () => calls.filter((call) => call.path === `${BASE}/jobs/3`).length;
    await expect.poll(polls).toBeGreaterThan(2);
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const settled = polls();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(polls()).toBe(settled);
  });

  it('starts a copy, then shows the new job and moves focus to its heading', async () => {
    let started = false;
    const job = jobOf({ id: 1, state: 'queued', startedAt: null, progress: { stepsDone: 0, stepsTotal: 19 } });
    const { api, calls } = fakeApi({
      [`GET ${BASE}/plan`]: { body: PLAN },
      [`GET ${BASE}/jobs`]: () => ({ body: { jobs: started ? [listed(job)] : [] } }),
      [`POST ${BASE}/jobs`]: () => {
        started = true;
        return { status: 202, body: { job: listed(job) } };
      },
      [`GET ${BASE}/jobs/1`]: { body: { job } },
    });
    const element = mount(api);
    await expect.poll(() => root(element).querySelector('[data-no-job]')).not.toBeNull();
    expect(enabled(element)).toEqual(['start']);
    button(element, 'start').click();
    await expect.poll(() => root(element).activeElement?.id).toBe('job-heading');
    expect(calls).toContainEqual({ method: 'POST', path: `${BASE}/jobs` });
    expect(text(root(element).querySelector('#job-heading'))).toBe('Job 1: Queued started by an admin');
    expect(text(root(element).querySelector('[data-announcement]'))).toBe('Job 1 started.');
    expect(enabled(element)).toEqual(['cancel']);
    expect(text(button(element, 'cancel'))).toBe('Cancel job 1');
  });

  it("starts a copy from an older job's route: shows the new job as the newest, reading it and the list once", async () => {
    const older = jobOf({ id: 2, state: 'done', finishedAt: '2025-06-01T10:00:30.000Z' });
    const started = jobOf({ id: 5, state: 'done', finishedAt: '2025-06-02T10:00:30.000Z' });
    let jobs = [listed(older)];
    const { api, calls } = fakeApi({
      [`GET ${BASE}/plan`]: { body: PLAN },
      [`GET ${BASE}/jobs`]: () => ({ body: { jobs } }),
      [`POST ${BASE}/jobs`]: () => {
        jobs = [listed(started), listed(older)];
        return { status: 202, body: { job: listed(started) } };
      },
      [`GET ${BASE}/jobs/2`]: { body: { job: older } },
      [`GET ${BASE}/jobs/5`]: { body: { job: started } },
    });
    const element = mount(api, { route: 'jobs/2' });
    const routes: string[] = [];
    element.addEventListener('addon-route', (event) => routes.push((event as CustomEvent<{ route: string }>).detail.route));
    await expect.poll(() => button(element, 'start')?.disabled).toBe(false);
    button(element, 'start').click();
    await expect.poll(() => root(element).activeElement?.id).toBe('job-heading');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(routes).toEqual(['']);
    expect(text(root(element).querySelector('#job-heading'))).toMatch(/^Job 5: Done/);
    const reads = (path: string) => calls.filter((call) => call.method === 'GET' && call.path === path).length;
    expect([reads(`${BASE}/jobs`), reads(`${BASE}/jobs/5`)]).toEqual([2, 1]);
  });

  it('resumes a cancelled job and retries a failed one through their own routes', async () => {
    const states: Record<number, JobDetail> = {
      4: jobOf({ id: 4, state: 'cancelled', finishedAt: '2025-06-02T10:00:05.000Z' }),
      2: jobOf({ id: 2, state: 'failed', finishedAt: '2025-06-01T10:00:05.000Z', progress: { stepsFailed: 2 } }),
    };
    const reopen = (id: number) => () => {
      states[id] = { ...(states[id] as JobDetail), state: 'running', finishedAt: null };
      return { body: { job: listed(states[id] as JobDetail) } };
    };
    const { api, calls } = fakeApi({
      [`GET ${BASE}/plan`]: { body: PLAN },
      [`GET ${BASE}/jobs`]: () => ({ body: { jobs: [listed(states[4] as JobDetail), listed(states[2] as JobDetail)] } }),
      [`GET ${BASE}/jobs/4`]: () => ({ body: { job: states[4] } }),
      [`GET ${BASE}/jobs/2`]: () => ({ body: { job: states[2] } }),
      [`POST ${BASE}/jobs/4/resume`]: reopen(4),
      [`POST ${BASE}/jobs/2/retry`]: reopen(2),
    });
    const element = mount(api);
    await expect.poll(() => enabled(element)).toEqual(['start', 'resume']);
    button(element, 'resume').click();
    await expect.poll(() => text(root(element).querySelector('[data-state]'))).toBe('Running');
    expect(calls).toContainEqual({ method: 'POST', path: `${BASE}/jobs/4/resume` });
    expect(text(root(element).querySelector('[data-announcement]'))).toBe('Job 4 is running.');

    states[4] = { ...(states[4] as JobDetail), state: 'done' };
    element.route = 'jobs/2';
    await expect.poll(() => enabled(element)).toEqual(['start', 'retry']);
    button(element, 'retry').click();
    await expect.poll(() => calls.some((call) => call.path === `${BASE}/jobs/2/retry`)).toBe(true);
  });

  it('tells a non-admin that the tool is for admins only, and polls nothing', async () => {
    const refused = { status: 403, body: { error: { code: 'ADMIN_REQUIRED', message: 'only workspace owners and admins may do this' } } };
    const { api, calls } = fakeApi({ [`GET ${BASE}/plan`]: refused, [`GET ${BASE}/jobs`]: refused });
    const element = mount(api);
    await expect.poll(() => text(root(element).querySelector('[data-admins-only] h2'))).toBe('Admins only');
    expect(root(element).querySelector('button')).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it("shows an API error with its message and request id, on the element's own base path", async () => {
    const base = '/custom/bootstrap';
    const { api } = fakeApi({
      [`GET ${base}/plan`]: { body: PLAN },
      [`GET ${base}/jobs`]: { body: { jobs: [] } },
      [`POST ${base}/jobs`]: {
        status: 409,
        body: {
          error: {
            code: 'BOOTSTRAP_JOB_ACTIVE',
            message: 'bootstrap job 9 of your workspace is running; cancel it first',
            requestId: 'req-42',
          },
        },
      },
    });
    const element = mount(api, { 'bootstrap-path': base });
    await expect.poll(() => button(element, 'start')?.disabled).toBe(false);
    button(element, 'start').click();
    await expect
      .poll(() => text(root(element).querySelector('[role="alert"]')))
      .toBe(
        'Starting a copy failed: bootstrap job 9 of your workspace is running; cancel it first Code BOOTSTRAP_JOB_ACTIVE, request id req-42',
      );
    await expect.poll(() => root(element).activeElement?.getAttribute('data-error')).toBe('BOOTSTRAP_JOB_ACTIVE');
  });

  it('shows a failed plan with its code, and the jobs beside it', async () => {
    const { api } = fakeApi({
      [`GET ${BASE}/plan`]: { status: 500, body: { error: { code: 'PLAN_FAILED', message: 'the document does not parse' } } },
      [`GET ${BASE}/jobs`]: { body: { jobs: [] } },
    });
    const element = mount(api);
    await expect
      .poll(() => text(root(element).querySelector('[data-error]')))
      .toBe('Loading the plan failed: the document does not parse Code PLAN_FAILED');
    expect(root(element).querySelector('[data-no-job]')).not.toBeNull();
  });

  it('follows the theme attribute', async () => {
    const { api } = fakeApi({ [`GET ${BASE}/plan`]: { body: PLAN }, [`GET ${BASE}/jobs`]: { body: { jobs: [] } } });
    const element = mount(api, { theme: 'dark' });
    await element.updateComplete;
    expect(element.theme).toBe('dark');
    expect(element.getAttribute('theme')).toBe('dark');
  });
});
