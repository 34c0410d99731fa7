import { isMainThread, threadId, workerData } from 'node:worker_threads';
import { CLOCKIFY_ERRORS, isClockifyApiError } from '../clockify/api-client/client-errors.js';
import { sendAttempt } from '../clockify/api-client/send-attempt.js';
import { type ListPageOutcome, type ListPageTask, normaliseListPage, type WarmUpTask } from './list-page.js';
import { lowerThreadPriority } from './lower-priority.js';

// In a pool thread (createWorkerPool hands its `niceIncrement` over as workerData), the thread yields to the event loop.
if (!isMainThread) lowerThreadPriority(Number((workerData as { niceIncrement?: unknown } | null)?.niceIncrement ?? 0));

/**
 * The pool's task (and the inline path's function): one HTTP exchange of the API client's own kind (`sendAttempt`:
 * timeout, no redirects, failures as values), then, for a 2xx, the records normalised. Only plain data crosses back.
 */
export default async function fetchListPage(task: ListPageTask | WarmUpTask): Promise<ListPageOutcome | { kind: 'warm' }> {
  if ('warmUp' in task) return { kind: 'warm' };
  try {
    const outcome = await sendAttempt({
      url: new URL(task.url),
      method: task.method,
      headers: new Headers(task.headers),
      timeoutMs: task.timeoutMs,
    });
    if (outcome.kind === 'error') return { kind: 'error', failure: outcome.failure, message: outcome.error.message };
    const { status, headers, body } = outcome;
    const retryAfter = headers['retry-after'];
    const ok = status >= 200 && status < 300;
    return { kind: 'response', status, ...(retryAfter ? { retryAfter } : {}), body: ok ? normaliseListPage(body, task, threadId) : body };
  } catch (error) {
    // A redirect is refused by throwing; a class does not survive the thread boundary, so it travels as a value.
    if (isClockifyApiError(error) && error.code === 'CLOCKIFY_REDIRECT_REFUSED') {
      return { kind: 'redirect', detail: error.message.replace(`${CLOCKIFY_ERRORS.CLOCKIFY_REDIRECT_REFUSED.message}: `, '') };
    }
    throw error;
  }
}
