import { threadId } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { ClockifyApiError } from '../clockify/api-client/client-errors.js';
import type { AttemptInput, AttemptResult, AttemptSender } from '../clockify/api-client/send-attempt.js';
import { createWorkerPool } from './create-worker-pool.js';
import type { ListPageOutcome, ListPageTask, WarmUpTask } from './list-page.js';
import fetchListPage from './list-page-task.js';
import { HELPER_THREAD_NICE } from './lower-priority.js';

export interface ListPageFetcherOptions {
  /** Worker threads; 0 fetches and parses on the main thread (the same code, for comparison and small set-ups). */
  threads: number;
  /** Requests one thread keeps open at once (they mostly wait on the network). */
  requestsPerThread?: number;
  idleTimeoutMs?: number;
}

export interface ListPageFetcherStats {
  readonly threads: number;
  /** Pages whose answer was parsed in a worker thread. */
  readonly pagesInWorkers: number;
  readonly pagesOnMainThread: number;
  /** Requests waiting for room in a thread, their rate-limit token already taken: more than 0 means too little room. */
  readonly queued: number;
}

/**
 * Fetches list pages as {@link AttemptSender}s for the API client (`client.request({ …, send })`): the client keeps
 * the allowlist, the per-workspace rate governor (a token is taken on the main thread before every attempt), retries
 * and metrics, and hands each attempt here; the exchange, `JSON.parse` and the records' normalisation run in a Piscina
 * worker, and the body the client returns is a compact {@link ListPage} (ids and JSON texts) the caller stores as is.
 */
export interface ListPageFetcher {
  sender(page: Pick<ListPageTask, 'itemsPath' | 'idPrefix' | 'offset'>): AttemptSender;
  /**
   * Starts the pool and waits until a thread runs tasks. Call it before taking rate-limit tokens for pages: tokens
   * taken while the threads still start would send their requests together once one is up, a burst past the limit.
   */
  warm(): Promise<void>;
  stats(): ListPageFetcherStats;
  /** Ends the worker threads; a later page starts them again. */
  close(): Promise<void>;
}

export function createListPageFetcher({ threads, requestsPerThread = 64, idleTimeoutMs }: ListPageFetcherOptions): ListPageFetcher {
  type Pool = Piscina<ListPageTask | WarmUpTask, ListPageOutcome>;
  let pool: Promise<Pool> | undefined;
  let started: Pool | undefined;
  const counts = { pagesInWorkers: 0, pagesOnMainThread: 0 };
  // Every thread starts with the pool: tasks queued on a thread still loading would wait for it (tsx takes a while).
  const ensurePool = () =>
    (pool ??= createWorkerPool<ListPageTask | WarmUpTask, ListPageOutcome>(
      new URL(`./list-page-task${extensionOf(import.meta.url)}`, import.meta.url),
      { threads, minThreads: threads, tasksPerThread: requestsPerThread, idleTimeoutMs, niceIncrement: HELPER_THREAD_NICE },
    ).then((created) => (started = created)));
  const run = async (task: ListPageTask): Promise<ListPageOutcome> => {
    if (threads === 0) return fetchListPage(task) as Promise<ListPageOutcome>;
    return (await ensurePool()).run(task);
  };
  return {
    sender: (page) =>
      async function sendListPage(input: AttemptInput): Promise<AttemptResult> {
        if (input.signal?.aborted) throw input.signal.reason;
        const task = run({ ...page, url: input.url.href, method: input.method, headers: headersOf(input), timeoutMs: input.timeoutMs });
        // A running task is not cancelled (Piscina would end its thread; its timeout bounds it): the caller stops waiting.
        const outcome = await untilAborted(task, input.signal);
        if (outcome.kind === 'response' && isParsedPage(outcome.body)) {
          if (outcome.body.thread === threadId) counts.pagesOnMainThread += 1;
          else counts.pagesInWorkers += 1;
        }
        return toAttemptResult(outcome);
      },
    async warm() {
      if (threads > 0) await (await ensurePool()).run({ warmUp: true });
    },
    stats: () => ({ threads: started?.threads.length ?? 0, queued: started?.queueSize ?? 0, ...counts }),
    async close() {
      const closing = pool;
      pool = undefined;
      started = undefined;
      await (await closing?.catch(() => undefined))?.destroy();
    },
  };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function toAttemptResult(outcome: ListPageOutcome): AttemptResult {
  switch (outcome.kind) {
    case 'redirect':
      throw new ClockifyApiError('CLOCKIFY_REDIRECT_REFUSED', outcome.detail);
    case 'error':
      return { kind: 'error', failure: outcome.failure, error: new Error(outcome.message) };
    default:
      return {
        kind: 'response',
        status: outcome.status,
        headers: outcome.retryAfter ? { 'retry-after': outcome.retryAfter } : {},
        body: outcome.body,
      };
  }
}

function headersOf(input: AttemptInput): Record<string, string> {
  return Object.fromEntries(input.headers);
}

function isParsedPage(body: unknown): body is { thread: number } {
  return typeof body === 'object' && body !== null && typeof (body as { thread?: unknown }).thread === 'number';
}

/** `.ts` when running from source (tsx, vitest), `.js` once compiled. */
function extensionOf(url: string): string {
  return url.endsWith('.ts') ? '.ts' : '.js';
}
