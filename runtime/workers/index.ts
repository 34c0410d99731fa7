/** Worker threads: a Piscina pool factory and the tasks it runs. */

export { createWorkerPool, type WorkerPoolOptions } from './create-worker-pool.js';
export {
  isListPage,
  isListPageProblem,
  type ListPage,
  type ListPageOutcome,
  type ListPageProblem,
  type ListPageTask,
  type NormalisedRecord,
  normaliseListPage,
} from './list-page.js';
export {
  createListPageFetcher,
  type ListPageFetcher,
  type ListPageFetcherOptions,
  type ListPageFetcherStats,
} from './list-page-fetcher.js';
export { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
