import type { Context } from 'hono';
import type { AddonEnv, AddonHandler, HttpMethod } from '../../runtime/index.js';
import { positiveIdParam } from '../../runtime/index.js';
import { type BootstrapService, jobActive, jobNotFound } from './service.js';

export interface AdminRoute {
  method: HttpMethod;
  path: string;
  handler: AddonHandler;
}

/**
 * The admin API (auth `admin`: a workspace owner or admin, acting on their own workspace only, the token's): the plan,
 * the workspace's jobs with their progress, starting one, cancelling, resuming and retrying.
 */
export function adminRoutes(basePath: string, service: BootstrapService): AdminRoute[] {
  const jobs = `${basePath}/jobs`;
  const own = (c: Context<AddonEnv>) => c.get('clockify').workspaceId;

  const start: AddonHandler = async (c) => {
    const { job, created } = await service.start(own(c), 'manual');
    if (!created) throw jobActive(job);
    return c.json({ job }, 202);
  };

  const get: AddonHandler = async (c) => {
    const id = jobId(c);
    const job = await service.job(id, own(c));
    if (!job) throw jobNotFound(id);
    return c.json({ job });
  };

  return [
    { method: 'GET', path: `${basePath}/plan`, handler: async (c) => c.json(await service.plan()) },
    { method: 'GET', path: jobs, handler: async (c) => c.json({ jobs: await service.jobs(own(c)) }) },
    { method: 'POST', path: jobs, handler: start },
    { method: 'GET', path: `${jobs}/:id`, handler: get },
    { method: 'POST', path: `${jobs}/:id/cancel`, handler: async (c) => c.json({ job: await service.cancel(jobId(c), own(c)) }) },
    { method: 'POST', path: `${jobs}/:id/retry`, handler: async (c) => c.json({ job: await service.retry(jobId(c), own(c)) }) },
    { method: 'POST', path: `${jobs}/:id/resume`, handler: async (c) => c.json({ job: await service.resume(jobId(c), own(c)) }) },
  ];
}

function jobId(c: Context<AddonEnv>): number {
  return positiveIdParam(c, 'INVALID_JOB_ID', 'a job id');
}
