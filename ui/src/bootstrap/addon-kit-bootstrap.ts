import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isAdminRequired } from '../core/addon-api.js';
import { AddonElement } from '../core/addon-element.js';
import { Resource } from '../core/resource.js';
import { parseId } from '../core/route-id.js';
import { themeStyles } from '../core/theme.js';
import { jobAnnouncement, stateAnnouncement } from './announcement.js';
import { createBootstrapApi } from './bootstrap-api.js';
import { adminsOnlyView, errorView } from './error-view.js';
import { createFormat, type Format } from './format.js';
import { historyView } from './history-view.js';
import { availableActions, type JobAction } from './job-actions.js';
import { JobPoller } from './job-poller.js';
import { planView } from './plan-view.js';
import { progressView } from './progress-view.js';
import { bootstrapStyles } from './styles.js';
import { summaryView } from './summary-view.js';
import { isOpen, type Job, type JobDetail, type Plan } from './types.js';

const DOING: Record<JobAction | 'load' | 'poll' | 'plan', string> = {
  start: 'Starting a copy',
  cancel: 'Cancelling',
  resume: 'Resuming',
  retry: 'Retrying the failed pages',
  load: 'Loading the jobs',
  poll: 'Updating the progress',
  plan: 'Loading the plan',
};

/** Properties whose change means another API (or another base path): everything is read again. */
const SOURCES = ['api', 'baseUrl', 'tokenProvider', 'bootstrapPath'];

/**
 * The bootstrap tool: the plan, the progress of the shown job (the newest, or the one its route `jobs/3` names), polled
 * every `poll-interval-ms` while it is open and the page visible, buttons to start, cancel, resume and retry, the last
 * run's summary and the recent jobs. Admins only: anyone else gets a screen saying so.
 *
 * @fires addon-route - when it shows another job (`jobs/3`, or '' for the newest); the sidebar keeps it in the hash.
 */
export class AddonKitBootstrap extends AddonElement {
  static override properties = {
    ...AddonElement.properties,
    bootstrapPath: { attribute: 'bootstrap-path' },
    pollIntervalMs: { attribute: 'poll-interval-ms', type: Number },
    jobs: { state: true },
    shown: { state: true },
    busy: { state: true },
    problem: { state: true },
    forbidden: { state: true },
    announcement: { state: true },
  };

  static override styles = [themeStyles, bootstrapStyles];

  /** The bootstrap plugin's `adminPath`. */
  declare bootstrapPath: string;
  declare pollIntervalMs: number;
  /** The workspace's newest jobs; undefined until read. */
  declare jobs: Job[] | undefined;
  declare shown: JobDetail | undefined;
  declare busy: JobAction | undefined;
  declare problem: { doing: string; error: unknown } | undefined;
  declare forbidden: boolean;
  /** The polite live region's text: state changes and quarters of progress, not every poll. */
  declare announcement: string;

  #loaded = false;
  /** Counts jobs shown by an action or a refresh: a poll under way meanwhile may answer an older state, and is dropped. */
  #reads = 0;
  readonly #plan = new Resource<Plan>(this, (error) => {
    if (isAdminRequired(error)) this.forbidden = true;
  });
  readonly #poller = new JobPoller(this, {
    active: () => isOpen(this.shown) && !this.forbidden,
    poll: () => this.#poll(),
  });

  constructor() {
    super();
    this.bootstrapPath = '/admin/bootstrap';
    this.pollIntervalMs = 1000;
    this.jobs = undefined;
    this.shown = undefined;
    this.busy = undefined;
    this.problem = undefined;
    this.forbidden = false;
    this.announcement = '';
  }

  get #api() {
    return createBootstrapApi(this.client, this.bootstrapPath);
  }

  get #format(): Format {
    return createFormat(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on screen (the sidebar's tab shown again): what happened meanwhile.
    if (this.#loaded) void this.#refresh();
  }

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('pollIntervalMs')) this.#poller.intervalMs = this.pollIntervalMs;
    if (SOURCES.some((name) => changed.has(name))) {
      this.#loaded = true;
      void this.#plan.load(() => this.#api.plan());
      void this.#refresh();
    } else if (changed.has('route') && this.#loaded && (jobIdOf(this.route) ?? this.jobs?.[0]?.id) !== this.shown?.id) {
      // Only for another job: '' names the newest, which a start has already read when it leaves a job's route.
      void this.#refresh();
    }
  }

  /** Reads the jobs, then the detail of the one to show. */
  async #refresh(): Promise<void> {
    try {
      const api = this.#api;
      const jobs = await api.jobs();
      this.jobs = jobs;
      const id = jobIdOf(this.route) ?? jobs[0]?.id;
      const shown = id === undefined ? undefined : await api.job(id);
      this.#reads++;
      this.shown = shown;
      if (this.problem?.doing === DOING.load) this.problem = undefined;
    } catch (error) {
      this.jobs ??= [];
      this.#fail('load', error);
    }
    this.#poller.kick();
  }

  async #poll(): Promise<void> {
    const before = this.shown;
    const reads = this.#reads;
    if (!before) return;
    let next: JobDetail;
    try {
      next = await this.#api.job(before.id);
    } catch (error) {
      this.#fail('poll', error);
      return;
    }
    if (this.shown?.id !== before.id || this.#reads !== reads) return;
    if (this.problem?.doing === DOING.poll) this.problem = undefined;
    const said = jobAnnouncement(before, next, this.#format);
    this.shown = next;
    if (said) this.announcement = said;
    // Finished: the list (the summary, which buttons apply) catches up once.
    if (!isOpen(next)) this.jobs = await this.#api.jobs().catch(() => this.jobs);
  }

  async #act(action: JobAction): Promise<void> {
    if (this.busy) return;
    this.busy = action;
    this.problem = undefined;
    const api = this.#api;
    try {
      const job = action === 'start' ? await api.start() : await api[action](this.shown?.id as number);
      const [shown, jobs] = await Promise.all([api.job(job.id), api.jobs()]);
      this.#reads++;
      this.shown = shown;
      this.jobs = jobs;
      // A started job is the newest: leave a route that names an older one. Only now that it is shown, so the route
      // change finds nothing to read again.
      if (action === 'start' && jobIdOf(this.route) !== undefined) this.navigate('');
      this.announcement = action === 'start' ? `Job ${job.id} started.` : stateAnnouncement(shown, this.#format);
    } catch (error) {
      this.#fail(action, error);
      // The answer may say why (another job is open): show how things stand now.
      await this.#refresh();
    } finally {
      this.busy = undefined;
    }
    this.#poller.kick();
    await this.updateComplete;
    // The button pressed may be gone or disabled now: focus goes to what the action led to, the job's heading (which
    // names the job and its state) or the error.
    this.renderRoot.querySelector<HTMLElement>(this.problem ? '[data-error]' : '#job-heading')?.focus();
  }

  #fail(doing: keyof typeof DOING, error: unknown): void {
    if (isAdminRequired(error)) this.forbidden = true;
    else this.problem = { doing: DOING[doing], error };
  }

  #show(job: Job, latest: boolean): void {
    this.navigate(latest ? '' : `jobs/${job.id}`);
  }

  override render() {
    if (this.forbidden) return adminsOnlyView();
    const format = this.#format;
    const jobs = this.jobs ?? [];
    const last = jobs.find((job) => !isOpen(job));
    return html`
      <h2>Copy of the workspace's data</h2>
      <p class="muted intro">Reads the workspace's Clockify lists into the add-on's database. A cancelled copy resumes where it stopped.</p>
      ${this.#renderActions()}
      ${this.problem ? errorView(this.problem.doing, this.problem.error) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" data-announcement>${this.announcement}</div>
      ${
        this.jobs === undefined
          ? html`<p class="muted" data-loading>Loading the jobs…</p>`
          : this.shown
            ? progressView(this.shown, format)
            : html`<p data-no-job>No copy has run yet.</p>`
      }
      ${last ? summaryView(last.id === this.shown?.id ? this.shown : last, format) : nothing}
      ${historyView(jobs, this.shown?.id, { format, select: (job, latest) => this.#show(job, latest) })}
      ${this.#renderPlan(format)}
    `;
  }

  /** Start is always there (disabled while a job is open); the others only where they apply to the shown job. */
  #renderActions(): TemplateResult {
    const can = availableActions(this.shown, this.jobs ?? []);
    const of = this.shown ? ` job ${this.shown.id}` : '';
    const button = (action: JobAction, label: string, kind = '') =>
      html`<button class=${kind} data-action=${action} ?disabled=${!can[action] || this.busy !== undefined} @click=${() => this.#act(action)}>
        ${label}
      </button>`;
    return html`<div class="actions" role="group" aria-label="Copy actions" aria-busy=${this.busy ? 'true' : 'false'}>
      ${button('start', 'Start a copy', 'primary')} ${can.cancel ? button('cancel', `Cancel${of}`, 'danger') : nothing}
      ${can.resume ? button('resume', `Resume${of}`) : nothing} ${can.retry ? button('retry', `Retry failed pages of${of}`) : nothing}
    </div>`;
  }

  /** A reload shows "Loading" again rather than the previous plan. */
  #renderPlan(format: Format): TemplateResult {
    const plan = this.#plan.state;
    // As thrown, like the other calls' errors: a non-API error has no code to quote.
    if (plan.status === 'error') return errorView(DOING.plan, plan.error.cause ?? plan.error);
    if (plan.status === 'complete') return planView(plan.value, format);
    return html`<p class="muted">Loading the plan…</p>`;
  }
}

/** The job a route names (`jobs/3`), or undefined for the newest. */
function jobIdOf(route: string): number | undefined {
  return route.startsWith('jobs/') ? parseId(route.slice('jobs/'.length)) : undefined;
}
