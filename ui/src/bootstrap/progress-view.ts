import { html, nothing, type TemplateResult } from 'lit';
import { type Format, runSeconds, shareDone } from './format.js';
import { reasonLabel, stateLabel } from './labels.js';
import { isOpen, type Job, type JobDetail } from './types.js';

/**
 * One job as it stands: state, pages read as a progress bar (its label and percent are text too), the figures, and a
 * table per list when the job's detail has one. The heading takes focus after an action, so it names job and state.
 */
export function progressView(job: Job | JobDetail, format: Format, now = Date.now()): TemplateResult {
  const { progress } = job;
  const share = shareDone(progress);
  const percent = format.percent(share);
  const pages = `${format.count(progress.stepsDone)} of ${format.count(progress.stepsTotal)} pages`;
  const seconds = runSeconds(job, now);
  const open = isOpen(job);
  return html`<section class="job" aria-labelledby="job-heading" data-job=${job.id}>
    <h3 id="job-heading" tabindex="-1">
      Job ${job.id}: <span class="state" data-state=${job.state}>${stateLabel(job.state)}</span>
      <span class="muted reason">${reasonLabel(job.reason)}</span>
    </h3>
    <label for="job-progress">Pages read</label>
    <div class="bar">
      <progress id="job-progress" max=${Math.max(1, progress.stepsTotal)} value=${progress.stepsDone} aria-valuetext="${percent}, ${pages}"></progress>
      <span class="percent" data-percent>${percent}</span>
    </div>
    <p class="muted">${pages}${job.state === 'done' ? '' : ' known so far'}</p>
    <dl class="figures">
      ${figure('Records', format.count(progress.records))}
      ${figure('Requests per second', format.rate(progress.requestsPerSecond))}
      ${figure('Records per second', format.rate(progress.recordsPerSecond))}
      ${open ? figure('Time left', progress.etaSeconds === null ? 'not known yet' : `about ${format.duration(progress.etaSeconds)}`) : nothing}
      ${seconds === undefined ? nothing : figure(open ? 'Running for' : 'Took', format.duration(seconds))}
      ${figure('Errors (retried)', format.count(progress.errors))}
      ${figure('Failed pages', format.count(progress.stepsFailed), progress.stepsFailed > 0)}
    </dl>
    ${job.error ? html`<p class="error" data-job-error>${job.error}</p>` : nothing}
    ${'operations' in job && job.operations.length ? operationsTable(job, format) : nothing}
  </section>`;
}

function figure(label: string, value: string, alarming = false): TemplateResult {
  return html`<div><dt>${label}</dt><dd class=${alarming ? 'error' : ''}>${value}</dd></div>`;
}

function operationsTable(job: JobDetail, format: Format): TemplateResult {
  return html`<details class="operations" ?open=${isOpen(job)}>
    <summary>Per list (${format.count(job.operations.length)})</summary>
    <table>
      <caption class="visually-hidden">Pages and records per list of job ${job.id}</caption>
      <thead>
        <tr><th scope="col">List</th><th scope="col" class="number">Pages</th><th scope="col" class="number">Failed</th><th scope="col" class="number">Records</th></tr>
      </thead>
      <tbody>
        ${job.operations.map(
          (operation) => html`<tr>
            <th scope="row"><code>${operation.operationId}</code></th>
            <td class="number">${format.count(operation.pagesDone)}/${format.count(operation.pagesTotal)}</td>
            <td class="number ${operation.pagesFailed ? 'error' : ''}">${format.count(operation.pagesFailed)}</td>
            <td class="number">${format.count(operation.records)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}
