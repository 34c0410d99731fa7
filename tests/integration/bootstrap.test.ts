import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BootstrapService, bootstrapKey, type JobView } from '../../plugins/bootstrap/index.js';
import { type InstallationRecord, installationsKey, type PlannedOperation } from '../../runtime/index.js';
import type { TestEnvironment } from '../../runtime/testkit/index.js';
import { admin, expectedCounts, SMALL_SIZES, startBootstrapEnv, waitForJob } from '../helpers/bootstrap-env.js';
import { captureLog } from '../helpers/capture-log.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

describe.each(databaseKinds)('a bootstrap on $name', ({ create }) => {
  let database: TestDatabase;
  let env: TestEnvironment;
  let service: BootstrapService;
  beforeAll(async () => {
    database = await create();
    env = await startBootstrapEnv({ databaseUrl: database.url, config: { plugins: ['metrics'] } });
    service = env.addon.inject(bootstrapKey);
  });
  afterAll(async () => {
    await env?.close();
    await database?.drop();
  });

  it('starts on INSTALLED and stores exactly the simulated records, each once, parsed in the worker pool', async () => {
    const job = await waitForJob(env);
    expect(job).toMatchObject({ state: 'done', reason: 'installed', error: null });
    const { operations } = (await admin(env, '/plan')).body as { operations: PlannedOperation[] };
    expect(operations).toHaveLength(19);
    const expected = expectedCounts(operations, SMALL_SIZES);
    expect(await service.records.count(env.simulator.workspaceId)).toEqual(expected);
    const total = Object.values(expected).reduce((sum, count) => sum + count, 0);
    expect(job.progress).toMatchObject({ records: total, stepsFailed: 0, errors: 0 });
    expect(job.progress.stepsDone).toBe(job.progress.stepsTotal);
    expect(service.fetcher().pagesInWorkers).toBe(job.progress.stepsDone);
    expect(service.fetcher().pagesOnMainThread).toBe(0);
    const metrics = await (await fetch(`${env.addonUrl}/metrics`)).text();
    expect(metrics).toContain(`addon_bootstrap_pages_parsed{thread="worker"} ${job.progress.stepsDone}`);
    expect(metrics).toContain(`addon_bootstrap_records_total{resource="user/time-entries"} ${expected['user/time-entries']}`);
    expect(metrics).toContain('addon_bootstrap_jobs_total{outcome="done"} 1');
    expect(metrics).toContain('addon_bootstrap_pool_queued_requests 0');
  });

  it('reads every page once per job and duplicates nothing when run again', async () => {
    const before = await service.records.count(env.simulator.workspaceId);
    const requested = env.simulator.requests.length;
    const started = await admin(env, '/jobs', { method: 'POST' });
    expect(started.status).toBe(202);
    const job = await waitForJob(env, (started.body.job as JobView).id);
    expect(job).toMatchObject({ state: 'done', reason: 'manual' });
    expect(await service.records.count(env.simulator.workspaceId)).toEqual(before);
    const pages = env.simulator.requests.slice(requested).map((request) => `${request.path}?${request.query.page}`);
    expect(new Set(pages).size).toBe(pages.length);
    const detail = (await admin(env, `/jobs/${job.id}`)).body.job as { operations: { operationId: string; pagesDone: number }[] };
    expect(detail.operations.find((operation) => operation.operationId === 'getTimeEntries')?.pagesDone).toBeGreaterThanOrEqual(9);
  });
});

describe('a bootstrap under faults', () => {
  let env: TestEnvironment | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('retries 429 bursts and 503s and completes', async () => {
    env = await startBootstrapEnv({ simulator: { burst429: { after: 4, count: 25 }, errorRate: 0.15, seed: 3 } });
    const job = await waitForJob(env);
    expect(job.state).toBe('done');
    expect(job.progress.errors).toBeGreaterThan(0);
    const { operations } = await env.addon.inject(bootstrapKey).plan();
    expect(await env.addon.inject(bootstrapKey).records.count(env.simulator.workspaceId)).toEqual(expectedCounts(operations, SMALL_SIZES));
    const faults = env.simulator.requests.filter((request) => request.fault);
    expect(faults.some((request) => request.fault === 'burst-429')).toBe(true);
    expect(faults.some((request) => request.status === 503)).toBe(true);
  });

  it('refuses an API host outside the allowlist: the job fails with a clear error and nothing is fetched', async () => {
    env = await startBootstrapEnv({ options: { onInstall: false } });
    // The testkit allows the simulator's 127.0.0.1; the same simulator named `localhost` is on no list.
    const installations = env.addon.inject(installationsKey);
    const installation = await installations.find(env.simulator.workspaceId);
    await installations.save({ ...(installation as InstallationRecord), apiUrl: env.simulator.apiUrl.replace('127.0.0.1', 'localhost') });
    const started = await admin(env, '/jobs', { method: 'POST' });
    const job = await waitForJob(env, (started.body.job as JobView).id);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/^cannot call the Clockify API: the API host is not on the Clockify host allowlist: http:\/\/localhost:\d+$/);
    expect(env.simulator.requests).toEqual([]);
    expect(await env.addon.inject(bootstrapKey).records.count(env.simulator.workspaceId)).toEqual({});
  });

  it('cancels a running job on DELETED and leaves no records of the workspace', async () => {
    env = await startBootstrapEnv({ simulator: { sizes: { ...SMALL_SIZES, timeEntriesPerUser: 3000 }, latencyMs: 20 } });
    const service = env.addon.inject(bootstrapKey);
    const { workspaceId } = env.simulator;
    await expect
      .poll(async () => (await service.records.count(workspaceId))['user/time-entries'] ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [running] = await service.jobs(workspaceId);
    await env.simulator.uninstall();
    expect((await service.job(running?.id as number))?.state).toBe('cancelled');
    const settled = env.simulator.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(env.simulator.requests.length - settled).toBeLessThanOrEqual(16);
    expect(await service.records.count(workspaceId)).toEqual({});
  });

  it('cancels on request, and retries the failed pages of a failed job', async () => {
    // No retries, so the injected 5xx fail pages at once. Then a 429 would fail a page too: pages leave the main
    // thread's rate governor through worker threads, so their arrival times can bunch past the simulator's strict
    // one-second window. Rate limiting has its own tests; here the simulator's limit is set out of the way.
    env = await startBootstrapEnv({
      simulator: { errorRate: 1, rateLimitPerSecond: 10_000 },
      options: { stepAttempts: 1 },
      config: { clockify: { retries: { maxAttempts: 1 } } },
    });
    const failed = await waitForJob(env);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/^12 of 12 pages could not be read \(first: \w+ page 1: HTTP 50\d/);
    expect((await admin(env, `/jobs/${failed.id}/cancel`, { method: 'POST' })).body).toMatchObject({
      error: { code: 'BOOTSTRAP_JOB_FINISHED' },
    });
    env.simulator.inject({ errorRate: 0 });
    const retried = await admin(env, `/jobs/${failed.id}/retry`, { method: 'POST' });
    expect(retried).toMatchObject({ status: 200, body: { job: { id: failed.id, state: expect.stringMatching(/^(queued|running)$/) } } });
    expect(await waitForJob(env, failed.id)).toMatchObject({ state: 'done', error: null });
    expect((await admin(env, `/jobs/${failed.id}/retry`, { method: 'POST' })).body).toMatchObject({
      error: { code: 'BOOTSTRAP_JOB_NOT_FAILED' },
    });

    env.simulator.inject({ latencyMs: 50 });
    const started = await admin(env, '/jobs', { method: 'POST' });
    const id = (started.body.job as JobView).id;
    expect((await admin(env, '/jobs', { method: 'POST' })).body).toMatchObject({ error: { code: 'BOOTSTRAP_JOB_ACTIVE' } });
    expect(await admin(env, `/jobs/${id}/cancel`, { method: 'POST' })).toMatchObject({
      status: 200,
      body: { job: { state: 'cancelled' } },
    });
    expect((await admin(env, '/jobs/999/cancel', { method: 'POST' })).status).toBe(404);
  });

  it('keeps the copy current with the webhook events named in liveUpdates', async () => {
    const logs = captureLog('warn');
    env = await startBootstrapEnv({
      log: logs.log,
      options: { liveUpdates: ['NEW_PROJECT', 'PROJECT_DELETED'] },
      config: { plugins: [{ use: 'webhooks', options: { dispatch: { pollIntervalMs: 20 } } }] },
    });
    expect(env.addon.manifest().webhooks.map((webhook) => webhook.event)).toEqual(['NEW_PROJECT', 'PROJECT_DELETED']);
    await waitForJob(env);
    const service = env.addon.inject(bootstrapKey);
    const { workspaceId } = env.simulator;
    const project = { id: 'p'.repeat(24), name: 'Live project', workspaceId, archived: false };
    await env.simulator.sendWebhook('NEW_PROJECT', project);
    await expect.poll(async () => (await service.records.find(workspaceId, 'projects', project.id))?.body).toEqual(project);
    expect((await service.records.count(workspaceId)).projects).toBe((SMALL_SIZES.projects as number) + 1);
    await env.simulator.sendWebhook('PROJECT_DELETED', project);
    await expect.poll(async () => service.records.find(workspaceId, 'projects', project.id)).toBeUndefined();

    // A payload without the record's id changes nothing, and the warning names the event it came in.
    await env.simulator.sendWebhook('NEW_PROJECT', { name: 'No id', workspaceId });
    const warned = () => logs.records().find((line) => line.msg === 'webhook payload names no record: nothing to update');
    await expect.poll(warned).toMatchObject({ event: 'NEW_PROJECT', field: 'id', workspaceId, eventId: expect.any(Number) });
    expect((await service.records.count(workspaceId)).projects).toBe(SMALL_SIZES.projects);
  });
});
