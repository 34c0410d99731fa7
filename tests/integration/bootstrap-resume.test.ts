import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootstrapService, bootstrapKey, type JobView } from '../../plugins/bootstrap/index.js';
import { type InstallationRecord, installationsKey } from '../../runtime/index.js';
import type { TestEnvironment } from '../../runtime/testkit/index.js';
import { admin, expectedCounts, SMALL_SIZES, startBootstrapEnv, waitForJob } from '../helpers/bootstrap-env.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

/** Twenty pages of time entries per user, read two at a time, so a cancel lands between stored and unread pages. */
const SIZES = { ...SMALL_SIZES, timeEntriesPerUser: 1000 };

interface Checkpoint {
  operation_id: string;
  parent_id: string;
  page: number;
  state: string;
  records: number;
}

describe.each(databaseKinds)('resuming a cancelled bootstrap on $name', ({ create }) => {
  let database: TestDatabase;
  let env: TestEnvironment;
  let service: BootstrapService;
  const checkpoints = (jobId: number): Promise<Checkpoint[]> =>
    env.addon.store
      .em()
      .getKnex()('bootstrap_checkpoint')
      .where({ job_id: jobId })
      .select('operation_id', 'parent_id', 'page', 'state', 'records');
  const post = (path: string) => admin(env, path, { method: 'POST' });

  /** Waits (150 ms at least) until the simulator has answered every request sent (an aborted fetch is answered later). */
  async function settledRequests(): Promise<number> {
    for (let count = -1; ; await sleep(150)) {
      if (env.simulator.requests.length === count) return count;
      count = env.simulator.requests.length;
    }
  }

  beforeAll(async () => {
    database = await create();
    env = await startBootstrapEnv({
      databaseUrl: database.url,
      options: { onInstall: false, include: ['getTimeEntries'], concurrency: 2, lookahead: 1 },
      simulator: { sizes: SIZES, latencyMs: 20 },
    });
    service = env.addon.inject(bootstrapKey);
  });
  afterAll(async () => {
    await env?.close();
    await database?.drop();
  });

  it('continues from its checkpoints: stored pages are not read again and the copy ends exact', async () => {
    const started = await post('/jobs');
    expect(started.status).toBe(202);
    const id = (started.body.job as JobView).id;
    const stored = async () => (await checkpoints(id)).filter((step) => step.state === 'done' && step.operation_id === 'getTimeEntries');
    await expect.poll(async () => (await stored()).length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(8);
    expect(service.running()).toBe(1);

    const cancelled = await post(`/jobs/${id}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { job: { id, state: 'cancelled' } } });
    expect(service.running()).toBe(0);
    const done = (await checkpoints(id)).filter((step) => step.state === 'done');
    // The cancel leaves the job's counters where it stopped, so the summary of a cancelled job is exact.
    const storedRecords = done.reduce((sum, step) => sum + Number(step.records), 0);
    expect((cancelled.body.job as JobView).progress).toMatchObject({ stepsDone: done.length, records: storedRecords });
    const { operations } = await service.plan();
    const expected = expectedCounts(operations, SIZES);
    const total = Object.values(expected).reduce((sum, count) => sum + count, 0);
    expect(storedRecords).toBeLessThan(total);

    const seen = await settledRequests();
    const resumed = await post(`/jobs/${id}/resume`);
    expect(resumed).toMatchObject({ status: 200, body: { job: { id, state: expect.stringMatching(/^(queued|running)$/), error: null } } });
    // Its start moves on by the pause, so the duration and rates count running time only.
    const paused = Date.parse((resumed.body.job as JobView).startedAt ?? '') - Date.parse((cancelled.body.job as JobView).startedAt ?? '');
    expect(paused).toBeGreaterThanOrEqual(100);
    const job = await waitForJob(env, id);
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(await service.records.count(env.simulator.workspaceId)).toEqual(expected);
    expect(job.progress).toMatchObject({ records: total, stepsFailed: 0 });
    expect(job.progress.stepsDone).toBe(job.progress.stepsTotal);

    const after = env.simulator.requests.slice(seen).filter((request) => request.status === 200);
    const refetched = done.filter((step) =>
      after.some(
        (request) =>
          request.operationId === step.operation_id &&
          request.query.page === String(step.page) &&
          (step.parent_id === '' || request.path.includes(`/${step.parent_id}/`)),
      ),
    );
    expect(refetched).toEqual([]);
    // Every page left was read once after the resume: the total is the pages stored before plus those read after.
    const pages = after.map((request) => `${request.path}?${request.query.page}`);
    expect(new Set(pages).size).toBe(pages.length);
    expect(done.length + after.length).toBe(job.progress.stepsTotal);
  });

  it('refuses a job that is not cancelled, and one while another job of the workspace is open', async () => {
    // The pages' pace mattered only for cancelling midway.
    env.simulator.inject({ latencyMs: 0 });
    const [last] = await service.jobs(env.simulator.workspaceId);
    expect(await post(`/jobs/${last?.id}/resume`)).toMatchObject({
      status: 409,
      body: {
        error: { code: 'BOOTSTRAP_JOB_NOT_CANCELLED', message: `bootstrap job ${last?.id} is done; only a cancelled job can be resumed` },
      },
    });
    const first = (await post('/jobs')).body.job as JobView;
    expect(await post(`/jobs/${first.id}/cancel`)).toMatchObject({ status: 200 });
    const second = (await post('/jobs')).body.job as JobView;
    expect(await post(`/jobs/${first.id}/resume`)).toMatchObject({
      status: 409,
      body: { error: { code: 'BOOTSTRAP_JOB_ACTIVE', details: { job: { id: second.id } } } },
    });
    await post(`/jobs/${second.id}/cancel`);
    expect(await post(`/jobs/${first.id}/resume`)).toMatchObject({ status: 200 });
    expect(await waitForJob(env, first.id)).toMatchObject({ state: 'done' });
  });

  it('refuses to retry a failed job while another job of the workspace is open, as it refuses to resume', async () => {
    const installations = env.addon.inject(installationsKey);
    const installation = (await installations.find(env.simulator.workspaceId)) as InstallationRecord;
    // An API host off the allowlist fails the job at once, before any request.
    await installations.save({ ...installation, apiUrl: env.simulator.apiUrl.replace('127.0.0.1', 'localhost') });
    const failed = await waitForJob(env, ((await post('/jobs')).body.job as JobView).id);
    expect(failed.state).toBe('failed');
    await installations.save(installation);
    const open = (await post('/jobs')).body.job as JobView;
    expect(await post(`/jobs/${failed.id}/retry`)).toMatchObject({
      status: 409,
      body: { error: { code: 'BOOTSTRAP_JOB_ACTIVE', details: { job: { id: open.id } } } },
    });
    await post(`/jobs/${open.id}/cancel`);
    expect(await post(`/jobs/${failed.id}/retry`)).toMatchObject({ status: 200 });
    expect(await waitForJob(env, failed.id)).toMatchObject({ state: 'done', error: null });
  });

  it('answers 404 for a job of another workspace and 400 for a malformed id', async () => {
    const { job } = await service.start('0123456789abcdef01234567', 'manual');
    expect(await post(`/jobs/${job.id}/resume`)).toMatchObject({ status: 404, body: { error: { code: 'BOOTSTRAP_JOB_NOT_FOUND' } } });
    expect(await post('/jobs/x1/resume')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JOB_ID' } } });
  });

  it('refuses a job whose checkpoints went with an uninstall', async () => {
    const { workspaceId } = env.simulator;
    const { job } = await service.start(workspaceId, 'manual');
    await env.simulator.uninstall();
    expect((await service.job(job.id, workspaceId))?.state).toBe('cancelled');
    await expect(service.resume(job.id, workspaceId)).rejects.toMatchObject({ status: 409, code: 'BOOTSTRAP_JOB_NOT_RESUMABLE' });
  });
});
