import { html, nothing, type TemplateResult } from 'lit';
import type { Format } from './format.js';
import { stateLabel } from './labels.js';
import type { Job } from './types.js';

/** The workspace's recent jobs, each one button away, so an older job can be looked at, resumed or retried. */
export function historyView(
  jobs: readonly Job[],
  shownId: number | undefined,
  { format, select }: { format: Format; select(job: Job, latest: boolean): void },
): TemplateResult | typeof nothing {
  if (jobs.length < 2) return nothing;
  return html`<details class="history">
    <summary>Recent jobs (${format.count(jobs.length)})</summary>
    <ul>
      ${jobs.map(
        (job, index) => html`<li>
          <button class="link" data-history=${job.id} aria-current=${job.id === shownId ? 'true' : 'false'} @click=${() => select(job, index === 0)}>
            Job ${job.id}
          </button>
          <span class="muted">${stateLabel(job.state)} · ${format.dateTime(job.createdAt)} · ${format.count(job.progress.records)} records</span>
        </li>`,
      )}
    </ul>
  </details>`;
}
