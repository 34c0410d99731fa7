import type { AddonApi } from '../core/addon-api.js';
import type { Job, JobDetail, Plan } from './types.js';

/** The admin calls the component makes (plugins/bootstrap/README.md), each through the shared client. */
export function createBootstrapApi(client: AddonApi, basePath: string) {
  const base = basePath.replace(/\/+$/, '');
  const jobs = `${base}/jobs`;
  const action = (id: number, name: 'cancel' | 'resume' | 'retry') =>
    client.post<{ job: Job }>(`${jobs}/${id}/${name}`).then((answer) => answer.job);
  return {
    plan: () => client.get<Plan>(`${base}/plan`),
    /** The workspace's newest jobs, newest first. */
    jobs: () => client.get<{ jobs: Job[] }>(jobs).then((answer) => answer.jobs),
    job: (id: number) => client.get<{ job: JobDetail }>(`${jobs}/${id}`).then((answer) => answer.job),
    start: () => client.post<{ job: Job }>(jobs).then((answer) => answer.job),
    cancel: (id: number) => action(id, 'cancel'),
    resume: (id: number) => action(id, 'resume'),
    retry: (id: number) => action(id, 'retry'),
  };
}

export type BootstrapApi = ReturnType<typeof createBootstrapApi>;
