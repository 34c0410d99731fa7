import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ListPageFetcherStats } from '../../runtime/index.js';

export interface BootstrapMetrics {
  jobFinished(outcome: 'done' | 'failed' | 'cancelled'): void;
  /** A page's end: `stored`, `retried` (tried again later) or `failed`; seconds from its first attempt to its commit. */
  page(operation: string, outcome: 'stored' | 'retried' | 'failed', seconds: number): void;
  records(resource: string, count: number): void;
  requests(attempts: number, rateLimited: number): void;
  commit(seconds: number): void;
}

/** `addon_bootstrap_*` on the kernel registry; the gauges read the runner and the worker pool at scrape time. */
export function createBootstrapMetrics(
  { registry, prefix }: { registry: Registry; prefix: string },
  { runningJobs, fetcher }: { runningJobs: () => number; fetcher: () => ListPageFetcherStats },
): BootstrapMetrics {
  const registers = [registry];
  // A number read from the runner or the pool when the registry is scraped.
  const readAtScrape = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  readAtScrape('running_jobs', 'Bootstrap jobs this instance is running', runningJobs);
  new Gauge({
    name: `${prefix}pages_parsed`,
    help: 'Pages parsed and normalised since start, by thread (worker: the Piscina pool, main: the event loop)',
    labelNames: ['thread'] as const,
    registers,
    collect() {
      const stats = fetcher();
      this.set({ thread: 'worker' }, stats.pagesInWorkers);
      this.set({ thread: 'main' }, stats.pagesOnMainThread);
    },
  });
  readAtScrape('worker_threads', 'Threads of the page-fetching pool', () => fetcher().threads);
  readAtScrape(
    'pool_queued_requests',
    'Page requests waiting for room in a pool thread after taking their rate-limit token (above 0: raise workers.requestsPerThread)',
    () => fetcher().queued,
  );
  const jobs = new Counter({
    name: `${prefix}jobs_total`,
    help: 'Bootstrap jobs ended, by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const pages = new Counter({
    name: `${prefix}pages_total`,
    help: 'Pages by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const pageSeconds = new Histogram({
    name: `${prefix}page_duration_seconds`,
    help: 'From a page taken to its commit: rate-governor waits, retries and the group commit included',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const records = new Counter({
    name: `${prefix}records_total`,
    help: 'Records stored, by resource',
    labelNames: ['resource'] as const,
    registers,
  });
  const requests = new Counter({
    name: `${prefix}requests_total`,
    help: 'HTTP attempts made by bootstrap jobs, retries included',
    registers,
  });
  const limited = new Counter({ name: `${prefix}rate_limited_total`, help: 'HTTP 429 answers received by bootstrap jobs', registers });
  const commits = new Histogram({
    name: `${prefix}commit_duration_seconds`,
    help: 'Wait for a page to be stored (group commit included)',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  return {
    jobFinished: (outcome) => jobs.inc({ outcome }),
    page(operation, outcome, seconds) {
      pages.inc({ operation, outcome });
      if (outcome === 'stored') pageSeconds.observe(seconds);
    },
    records: (resource, count) => records.inc({ resource }, count),
    requests(attempts, rateLimited) {
      requests.inc(attempts);
      if (rateLimited) limited.inc(rateLimited);
    },
    commit: (seconds) => commits.observe(seconds),
  };
}
