import { AddonApi } from '../core/addon-api.js';
import type { Job, JobDetail, Plan } from './types.js';

/** A job of the documented shape (plugins/bootstrap/README.md, "Progress"), with overrides. */
export function jobOf(overrides: Partial<Omit<JobDetail, 'progress'>> & { progress?: Partial<Job['progress']> } = {}): JobDetail {
  const { progress, ...rest } = overrides;
  return {
    id: 3,
    workspaceId: 'ws1',
    state: 'running',
    reason: 'manual',
    createdAt: '2025-06-02T10:00:00.000Z',
    startedAt: '2025-06-02T10:00:00.000Z',
    finishedAt: null,
    error: null,
    operations: [
      { operationId: 'getUsers', pagesDone: 1, pagesTotal: 1, pagesFailed: 0, records: 3 },
      { operationId: 'getTimeEntries', pagesDone: 411, pagesTotal: 529, pagesFailed: 0, records: 19847 },
    ],
    firstError: null,
    ...rest,
    progress: {
      stepsDone: 412,
      stepsTotal: 530,
      stepsFailed: 0,
      records: 19850,
      requests: 415,
      errors: 3,
      requestsPerSecond: 45.8,
      recordsPerSecond: 2190.4,
      etaSeconds: 2.6,
      ...progress,
    },
  };
}

export const PLAN: Plan = {
  document: 'openapi.json',
  window: { start: '2024-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z' },
  operations: [
    {
      operationId: 'getUsers',
      path: '/v1/workspaces/{workspaceId}/users',
      resource: 'users',
      level: 0,
      children: ['getTimeEntries'],
      pageSize: 50,
      maxPages: 1000,
      query: {},
    },
    {
      operationId: 'getTimeEntries',
      path: '/v1/workspaces/{workspaceId}/user/{userId}/time-entries',
      resource: 'user/time-entries',
      level: 1,
      parent: { operationId: 'getUsers', param: 'userId' },
      children: [],
      pageSize: 200,
      maxPages: 1000,
      query: { hydrated: 'false' },
    },
  ],
  excluded: [{ operationId: 'getPolicies', path: '/v1/workspaces/{workspaceId}/policies', reason: 'deprecated' }],
  problems: [],
};

export interface FakeCall {
  method: string;
  path: string;
}

type Answer = { status?: number; body: unknown } | (() => { status?: number; body: unknown });

/** A fetch answering `METHOD /path` from a table, recording every call; anything else is a 404 of the API's shape. */
export function fakeApi(routes: Record<string, Answer>) {
  const calls: FakeCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, path });
    const route = routes[`${method} ${path}`];
    const answer =
      typeof route === 'function' ? route() : (route ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route' } } });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { api: new AddonApi({ token: () => 'x', fetch }), calls };
}
