import { clockifyClientsKey, createListPageFetcher, definePlugin, leaseOwnerId, openApiKey } from '../../runtime/index.js';
import { adminRoutes } from './admin-routes.js';
import { createCheckpointStore } from './checkpoint-store.js';
import { runJob } from './job-run.js';
import { createJobStore } from './job-store.js';
import { registerLiveUpdates } from './live-updates.js';
import { createBootstrapMetrics } from './metrics.js';
import { type BootstrapOptions, bootstrapOptionsSchema, poolRequestsPerThread } from './options.js';
import { createPageWriter } from './page-writer.js';
import { createPlanSource } from './plan-source.js';
import { createRecordStore } from './record-store.js';
import { createRunner } from './runner.js';
import { bootstrapKey, createBootstrapService } from './service.js';

export type { LiveUpdateEvent } from './live-update-events.js';
export type { BootstrapOptions } from './options.js';
export type { JobView } from './progress.js';
export { type BootstrapService, bootstrapKey, type JobDetail } from './service.js';

/**
 * Universal bootstrap (README.md): on install, or when an admin asks, reads every list of the plan derived from the
 * OpenAPI document into `workspace_record`, page by page from resumable checkpoints, as fast as the workspace's rate
 * limit allows, with fetching and parsing in a worker pool; webhooks named in `liveUpdates` keep the copy current.
 */
export default definePlugin<BootstrapOptions>({
  name: 'bootstrap',
  dependsOn: ['auth'],
  optionsSchema: bootstrapOptionsSchema,
  setup(ctx) {
    const { options, store, log } = ctx;
    const owner = leaseOwnerId();
    const records = createRecordStore(store);
    const jobs = createJobStore(store, { owner, leaseMs: options.leaseMs });
    const steps = createCheckpointStore(store);
    const writer = createPageWriter(store, { records, owner, ...options.writer });
    const fetcher = createListPageFetcher({ threads: options.workers.threads, requestsPerThread: poolRequestsPerThread(options) });
    const documents = ctx.inject(openApiKey);
    const planSource = createPlanSource({ config: ctx.config, documents, options, manifest: () => ctx.manifest(), log });
    const metrics = createBootstrapMetrics(ctx.metrics, { runningJobs: () => runner.running(), fetcher: () => fetcher.stats() });
    const dependencies = { jobs, steps, writer, fetcher, options, metrics, log };
    const clients = ctx.inject(clockifyClientsKey);
    const run = (job: Parameters<typeof runJob>[0], signal: AbortSignal) => runJob(job, signal, { ...dependencies, clients });
    const { maxJobs, pollIntervalMs } = options;
    // Worker threads exist while jobs run: an idle add-on holds none. They are up before a job takes its first
    // rate-limit token, so its first requests do not wait for them and then leave together.
    const onBusy = () => fetcher.warm();
    const onIdle = () => fetcher.close();
    const runner = createRunner({ jobs, run, maxJobs, pollIntervalMs, log, onBusy, onIdle });
    const onCancelled = (count: number) => {
      for (let index = 0; index < count; index++) metrics.jobFinished('cancelled');
    };
    const service = createBootstrapService({ planSource, jobs, steps, records, runner, fetcherStats: fetcher.stats, onCancelled });
    ctx.provide(bootstrapKey, service);

    for (const { method, path, handler } of adminRoutes(options.adminPath, service)) ctx.route(method, path, handler, { auth: 'admin' });
    if (options.onInstall)
      ctx.lifecycle.on('INSTALLED', async (_payload, { workspaceId }) => void (await service.start(workspaceId, 'installed')));
    // Uninstalled: the running job stops and the workspace's copy goes (PLATFORM.md §4).
    ctx.lifecycle.on('DELETED', (_payload, { workspaceId }) => service.forget(workspaceId));
    registerLiveUpdates(ctx, { events: options.liveUpdates, records, planSource });

    // An SQLite database has one server process: leases it finds were left by a crash of that process.
    ctx.onReady(() => runner.start({ releaseLeases: store.driver === 'sqlite' }));
    ctx.onClose(async () => {
      await runner.stop();
      await writer.close();
      await fetcher.close();
    });
  },
});
