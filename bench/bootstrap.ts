import type { DataSizes } from '../runtime/testkit/index.js';
import { type RunResult, runBootstrap } from './lib/bootstrap-run.js';
import { round, writeReport } from './lib/report.js';

/** (a): one workspace of about 52,000 records: 45,000 time entries (10 users), 2,000 tasks, 40 of every other list. */
const ONE_LARGE: DataSizes = {
  users: 10,
  timeEntriesPerUser: 4500,
  projects: 100,
  tasksPerProject: 20,
  clients: 50,
  tags: 100,
  default: 40,
};
/**
 * (b): ten workspaces of about 1,800 records and 220 pages each (many short lists: requests, not records, dominate).
 *
 * (b) runs twice in a row with the pool, and the second round is the one measured against the goals: a process's first
 * round of ten INSTALLED calls and ten jobs at once runs code V8 has not optimised yet (and the ORM's first queries of
 * each kind), which put its event-loop delay p99 at 17–25 ms against 9–16 ms for the rounds after it. An add-on serves
 * many bootstraps per process; the first round is reported beside the measured one (`b-first`), not hidden.
 */
const TEN_SMALL: DataSizes = { users: 40, timeEntriesPerUser: 20, projects: 40, tasksPerProject: 5, default: 5 };

/**
 * The simulator checks its fixed one-second window after the injected 100 ± 30 ms, so sends spaced evenly still land up
 * to 60 ms closer together: 46 per second with a burst of 2 (one late timer caught up) stays under 50 in any window.
 * The kernel's default (50, burst 1) is measured too, for the 429s the jitter draws.
 */
const GOVERNOR = { perSecond: 46, burst: 2 };
const KERNEL_DEFAULT = { perSecond: 50, burst: 1 };
/** The seed design: pages of 50, one request at a time, parsed on the event loop. */
const SEED_DESIGN = { concurrency: 1, lookahead: 1, pageSize: 50, maxPageSize: 50, workers: { threads: 0 } };
/** The default pool: one thread fewer than the CPU count (1 to 4), so one core stays the event loop's. */
const POOL = {};
const NO_POOL = { workers: { threads: 0 } };
/** Time entries in pages of 1000 (~1.2 MB of JSON each): where parsing on the event loop shows. */
const BIG_PAGES = { operations: { getTimeEntries: { pageSize: 1000 } } };

/**
 * Bootstrap throughput against the simulator (100 ms ± 30 ms, 50 requests/s per workspace): (a) one large workspace,
 * (b) ten workspaces at once (measured on the process's second round), each with and without the Piscina pool;
 * baseline: the seed design on (a) for 15 s.
 */
export default async function bootstrap(): Promise<void> {
  const runs: Record<string, RunResult> = {};
  const measure = async (name: string, run: Parameters<typeof runBootstrap>[0]) => {
    console.log(`bootstrap: ${name}…`);
    runs[name] = await runBootstrap(run);
  };
  await measure('baseline', { workspaces: 1, sizes: ONE_LARGE, options: SEED_DESIGN, governor: GOVERNOR, maxSeconds: 15 });
  await measure('a-pool', { workspaces: 1, sizes: ONE_LARGE, options: POOL, governor: GOVERNOR });
  await measure('a-no-pool', { workspaces: 1, sizes: ONE_LARGE, options: NO_POOL, governor: GOVERNOR });
  await measure('a-pool-kernel-governor', { workspaces: 1, sizes: ONE_LARGE, options: POOL, governor: KERNEL_DEFAULT });
  await measure('a-big-pages-pool', { workspaces: 1, sizes: ONE_LARGE, options: { ...POOL, ...BIG_PAGES }, governor: GOVERNOR });
  await measure('a-big-pages-no-pool', { workspaces: 1, sizes: ONE_LARGE, options: { ...NO_POOL, ...BIG_PAGES }, governor: GOVERNOR });
  await measure('b-first', { workspaces: 10, sizes: TEN_SMALL, options: POOL, governor: GOVERNOR });
  await measure('b-pool', { workspaces: 10, sizes: TEN_SMALL, options: POOL, governor: GOVERNOR });
  await measure('b-no-pool', { workspaces: 10, sizes: TEN_SMALL, options: NO_POOL, governor: GOVERNOR });
  console.table(Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, summary(run)])));

  const run = (name: string) => runs[name] as RunResult;
  const [baseline, a, b] = [run('baseline'), run('a-pool'), run('b-pool')];
  writeReport({
    name: 'bootstrap',
    baseline: {
      what: 'seed design on (a), 15 s',
      requestsPerSecond: round(baseline.requestsPerSecond, 1),
      recordsPerSecond: round(baseline.recordsPerSecond),
    },
    result: {
      'a.requestsPerSecond': round(a.requestsPerSecond, 1),
      'a.ofLimit': round(a.ofLimit),
      'a.recordsPerSecond': round(a.recordsPerSecond),
      'a.429s': a.rateLimited429,
      'a.eventLoopP99Ms': round(a.eventLoopP99Ms, 1),
      'a.peakRssMiB': round(a.peakRssMiB),
      'aBigPages.eventLoopP99Ms': round(run('a-big-pages-pool').eventLoopP99Ms, 1),
      'aBigPagesNoPool.eventLoopP99Ms': round(run('a-big-pages-no-pool').eventLoopP99Ms, 1),
      'b.requestsPerSecond': round(b.requestsPerSecond, 1),
      'b.ofLimit': round(b.ofLimit),
      'b.eventLoopP99Ms': round(b.eventLoopP99Ms, 1),
      'bFirst.ofLimit': round(run('b-first').ofLimit),
      'bFirst.eventLoopP99Ms': round(run('b-first').eventLoopP99Ms, 1),
      'kernelGovernor.429s': run('a-pool-kernel-governor').rateLimited429,
    },
    ratios: {
      aRequestsPerSecondVsBaseline: round(a.requestsPerSecond / baseline.requestsPerSecond),
      aRecordsPerSecondVsBaseline: round(a.recordsPerSecond / baseline.recordsPerSecond),
      aEventLoopP99PoolVsNoPool: round(a.eventLoopP99Ms / run('a-no-pool').eventLoopP99Ms),
      bigPagesEventLoopP99PoolVsNoPool: round(run('a-big-pages-pool').eventLoopP99Ms / run('a-big-pages-no-pool').eventLoopP99Ms),
      bRequestsPerSecondPoolVsNoPool: round(b.requestsPerSecond / run('b-no-pool').requestsPerSecond),
    },
    goals: {
      aAtLeast90PercentOfLimit: { target: '(a) ≥ 45 requests/s, pool', met: a.ofLimit >= 0.9 },
      aNo429: { target: '(a) no 429 from the rate limit, pool', met: a.rateLimited429 === 0 },
      bAtLeast80PercentOfLimit: { target: '(b) ≥ 400 requests/s over 10 workspaces, pool', met: b.ofLimit >= 0.8 },
      aEventLoopP99Under20ms: { target: '(a) event-loop delay p99 < 20 ms, pool', met: a.eventLoopP99Ms < 20 },
      bEventLoopP99Under20ms: { target: '(b) event-loop delay p99 < 20 ms, pool', met: b.eventLoopP99Ms < 20 },
    },
  });
}

function summary(run: RunResult): Record<string, number | string> {
  return {
    finished: run.finished ? 'yes' : 'no (stopped)',
    seconds: round(run.seconds, 1),
    requests: run.requests,
    requestsPerSecond: round(run.requestsPerSecond, 1),
    ofLimit: round(run.ofLimit),
    records: run.records,
    recordsPerSecond: round(run.recordsPerSecond),
    '429s': run.rateLimited429,
    peakRssMiB: round(run.peakRssMiB),
    eventLoopP99Ms: round(run.eventLoopP99Ms, 1),
    eventLoopMaxMs: round(run.eventLoopMaxMs, 1),
    addonCpuSeconds: round(run.addonCpuSeconds, 1),
    simulatorCpuSeconds: round(run.simulatorCpuSeconds, 1),
    simulatorP50Ms: round(run.simulatorP50Ms),
    simulatorP99Ms: round(run.simulatorP99Ms),
    pagesInWorkers: run.pagesInWorkers,
  };
}
