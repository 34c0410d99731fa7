import { html, nothing, type TemplateResult } from 'lit';
import { type Format, runSeconds } from './format.js';
import { stateLabel } from './labels.js';
import type { Job, JobDetail } from './types.js';

/** The last finished job in a few words: state, when and how long, records, failures and the first error. */
export function summaryView(job: Job | JobDetail, format: Format): TemplateResult {
  const seconds = runSeconds(job);
  // The detail names the first failed page's error; a job from the list only has its own message.
  const firstError = ('firstError' in job ? job.firstError : undefined) ?? job.error;
  return html`<section class="summary" aria-labelledby="summary-heading" data-summary=${job.id}>
    <h3 id="summary-heading">Last run</h3>
    <dl class="figures">
      <div><dt>State</dt><dd data-summary-state>${stateLabel(job.state)} (job ${job.id})</dd></div>
      ${job.finishedAt ? html`<div><dt>Ended</dt><dd>${format.dateTime(job.finishedAt)}</dd></div>` : nothing}
      ${seconds === undefined ? nothing : html`<div><dt>Duration</dt><dd>${format.duration(seconds)}</dd></div>`}
      <div><dt>Records</dt><dd data-summary-records>${format.count(job.progress.records)}</dd></div>
      <div><dt>Failed pages</dt><dd>${format.count(job.progress.stepsFailed)}</dd></div>
    </dl>
    ${firstError ? html`<p class="error"><strong>First error:</strong> ${firstError}</p>` : nothing}
  </section>`;
}
