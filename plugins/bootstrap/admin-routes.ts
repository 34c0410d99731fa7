import type { Context } from 'hono';
import type { AddonEnv, AddonHandler, HttpMethod } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { BootstrapService } from './service.js';

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
    if (!created) {
      throw new HttpError(409, 'BOOTSTRAP_JOB_ACTIVE', `bootstrap job ${job.id} of your workspace is ${job.state}; cancel it first`, {
        details: { job },
      });
    }
    return c.json({ job }, 202);
  };

  const get: AddonHandler = async (c) => {
    const id = jobId(c);
    const job = await service.job(id, own(c));
    if (!job) throw new HttpError(404, 'BOOTSTRAP_JOB_NOT_FOUND', `no bootstrap job ${id} in your workspace`);
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
  const text = c.req.param('id') ?? '';
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw new HttpError(400, 'INVALID_JOB_ID', `"${text.slice(0, 40)}" is not a job id (a positive integer)`);
  return Number(text);
}
