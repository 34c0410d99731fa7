import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiOperation, loadOpenApi, type OpenApi } from '../../runtime/index.js';
import { type ClockifySimulator, createClockifySimulator, createTokenMinter } from '../../runtime/testkit/index.js';

const OFFICIAL_OPENAPI = fileURLToPath(new URL('../../../shared/clockify/openapi.json', import.meta.url));
const officialPresent = existsSync(OFFICIAL_OPENAPI);
if (!officialPresent) console.warn(`${OFFICIAL_OPENAPI} is absent: the official-document cases are skipped`);

interface Client {
  get(path: string, query?: Record<string, string | number>): Promise<Response>;
  send(method: string, path: string, body: unknown): Promise<Response>;
}

/** Calls the simulated API of its workspace with the installation token, as an add-on does. */
async function clientOf(simulator: ClockifySimulator, token?: string): Promise<Client> {
  const headers = { 'X-Addon-Token': token ?? (await simulator.minter.installationToken()) };
  const url = (path: string, query: Record<string, string | number> = {}) => {
    const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
    return `${simulator.apiUrl}/v1/workspaces/${simulator.workspaceId}${path}${search.size ? `?${search}` : ''}`;
  };
  return {
    get: (path, query) => fetch(url(path, query), { headers }),
    send: (method, path, body) =>
      fetch(url(path), { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

const lengths = async (client: Client, path: string, sizes: (number | undefined)[]) =>
  Promise.all(
    sizes.map(
      async (size, index) =>
        ((await (await client.get(path, { page: index + 1, ...(size ? { 'page-size': size } : {}) })).json()) as unknown[]).length,
    ),
  );

describe('Clockify simulator', () => {
  let simulator: ClockifySimulator;
  let api: Client;

  beforeAll(async () => {
    simulator = await createClockifySimulator({
      seed: 42,
      rateLimitPerSecond: 10_000,
      sizes: { users: 3, clients: 120, projects: 100, tasksPerProject: 7, timeEntriesPerUser: 30 },
    });
    api = await clientOf(simulator);
  });
  afterAll(() => simulator.close());

  describe('authentication', () => {
    it('answers 401 without a token, for a token it did not sign and for a webhook token', async () => {
      const foreign = await createTokenMinter({
        addonKey: 'simulated-addon',
        workspaceId: simulator.workspaceId,
        addonId: simulator.addonId,
      });
      for (const token of ['', await foreign.installationToken(), await simulator.minter.webhookToken()]) {
        const response = await fetch(`${simulator.apiUrl}/v1/workspaces/${simulator.workspaceId}/clients`, {
          headers: token ? { 'X-Addon-Token': token } : {},
        });
        expect(response.status).toBe(401);
      }
    });

    it('answers 403 to a token of another workspace', async () => {
      const token = await simulator.minter.installationToken({ workspaceId: 'another-workspace' });
      const response = await fetch(`${simulator.apiUrl}/v1/workspaces/${simulator.workspaceId}/clients`, {
        headers: { 'X-Addon-Token': token },
      });
      expect(response.status).toBe(403);
      expect(simulator.requests.at(-1)).toMatchObject({ status: 403, workspaceId: 'another-workspace', operationId: 'getClients' });
    });
  });

  describe('pagination', () => {
    it('pages with page (from 1) and page-size (default 50) and ends with a shorter page, without pagination headers', async () => {
      expect(await lengths(api, '/clients', [undefined, undefined, undefined, undefined])).toEqual([50, 50, 20, 0]);
      const response = await api.get('/clients');
      expect([...response.headers.keys()].filter((name) => /page|total|link|count/i.test(name))).toEqual([]);
      const first = (await response.json()) as { id: string }[];
      const again = (await (await api.get('/clients', { page: 1 })).json()) as { id: string }[];
      expect(again.map((client) => client.id)).toEqual(first.map((client) => client.id));
    });

    it('honours the page size asked for, and an exact multiple ends with an empty page', async () => {
      expect(await lengths(api, '/projects', [100, 100])).toEqual([100, 0]);
      expect(await lengths(api, '/projects', [30, 30, 30, 30])).toEqual([30, 30, 30, 10]);
      const pages = await Promise.all(
        [1, 2].map(async (page) => (await (await api.get('/projects', { page, 'page-size': 30 })).json()) as { id: string }[]),
      );
      expect(new Set(pages.flat().map((project) => project.id)).size).toBe(60);
    });

    it("refuses a page size above the operation's maximum with 400", async () => {
      expect((await api.get('/time-off/policies', { 'page-size': 201 })).status).toBe(400);
      expect((await api.get('/time-off/policies', { 'page-size': 200 })).status).toBe(200);
    });

    it('wraps lists where the schema wraps them and counts the whole list', async () => {
      const body = (await (await api.get('/expenses', { 'page-size': 5 })).json()) as { expenses: { count: number; expenses: unknown[] } };
      expect(body.expenses.expenses).toHaveLength(5);
      expect(body.expenses.count).toBe(12);
    });

    it('serves the same data for the same seed', async () => {
      const twin = await createClockifySimulator({ seed: 42, sizes: { clients: 120 } });
      try {
        const twinApi = await clientOf(twin);
        expect(await (await twinApi.get('/clients', { page: 2 })).json()).toEqual(await (await api.get('/clients', { page: 2 })).json());
      } finally {
        await twin.close();
      }
    });

    it('records each request with method, path, query, status, workspace, time and duration', async () => {
      const before = Date.now();
      await api.get('/tags', { page: 1, 'page-size': 5 });
      expect(simulator.requests.at(-1)).toEqual({
        seq: simulator.requests.length,
        method: 'GET',
        path: `/api/v1/workspaces/${simulator.workspaceId}/tags`,
        query: { page: '1', 'page-size': '5' },
        status: 200,
        workspaceId: simulator.workspaceId,
        operationId: 'getTags',
        timestamp: expect.any(Number),
        durationMs: expect.any(Number),
      });
      expect(simulator.requests.at(-1)?.timestamp).toBeGreaterThanOrEqual(before);
    });
  });

  describe('writes', () => {
    it('creates, reads, updates and deletes a time entry', async () => {
      const created = await api.send('POST', '/time-entries', {
        start: '2025-06-01T08:00:00Z',
        end: '2025-06-01T09:30:00Z',
        description: 'Simulated work',
      });
      expect(created.status).toBe(201);
      const entry = (await created.json()) as { id: string; userId: string; timeInterval: { duration: string } };
      expect(entry).toMatchObject({ userId: simulator.ownerId, timeInterval: { duration: 'PT1H30M' } });
      const read = (await (await api.get(`/time-entries/${entry.id}`)).json()) as { description: string };
      expect(read.description).toBe('Simulated work');
      const listed = (await (await api.get(`/user/${simulator.ownerId}/time-entries`, { 'page-size': 1 })).json()) as { id: string }[];
      expect(listed[0]?.id).toBe(entry.id);
      expect((await api.send('PUT', `/time-entries/${entry.id}`, { start: '2025-06-01T08:00:00Z', description: 'Renamed' })).status).toBe(
        200,
      );
      expect(((await (await api.get(`/time-entries/${entry.id}`)).json()) as { description: string }).description).toBe('Renamed');
      expect((await api.send('DELETE', `/time-entries/${entry.id}`, undefined)).status).toBe(204);
      expect((await api.get(`/time-entries/${entry.id}`)).status).toBe(404);
    });

    it('adds a project to the list and refuses a body the document rejects', async () => {
      const project = (await (await api.send('POST', '/projects', { name: 'Simulated project' })).json()) as { id: string };
      expect(((await (await api.get(`/projects/${project.id}`)).json()) as { name: string }).name).toBe('Simulated project');
      expect((await api.send('PUT', '/time-entries/unknown', { description: 'no start' })).status).toBe(400);
    });
  });
});

describe('Clockify simulator limits and faults', () => {
  it('answers 429 past 50 requests per second in a workspace (fixed one-second window), not in another', async () => {
    const simulator = await createClockifySimulator({ seed: 1 });
    try {
      const api = await clientOf(simulator);
      // The first call compiles the operation's validators; wait for a fresh window so the burst fits in one second.
      await api.get('/tags');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const statuses = (await Promise.all(Array.from({ length: 60 }, () => api.get('/tags')))).map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(50);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10);
      expect(simulator.requests.filter((request) => request.fault === 'rate-limit')).toHaveLength(10);
      const otherToken = await simulator.minter.installationToken({ workspaceId: 'other-workspace' });
      const other = await fetch(`${simulator.apiUrl}/v1/workspaces/other-workspace/tags`, { headers: { 'X-Addon-Token': otherToken } });
      expect(other.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await api.get('/tags')).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });

  it('answers 403 for an operation whose scope is not granted', async () => {
    const simulator = await createClockifySimulator({ scopes: ['TIME_ENTRY_READ'] });
    try {
      const api = await clientOf(simulator);
      expect((await api.get('/clients')).status).toBe(403);
      expect((await api.get(`/user/${simulator.ownerId}/time-entries`)).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });

  it('injects 500/502/503 from the seed, the same ones on every run', async () => {
    const run = async () => {
      const simulator = await createClockifySimulator({ seed: 9, errorRate: 0.5 });
      try {
        const api = await clientOf(simulator);
        const statuses: number[] = [];
        for (let request = 0; request < 30; request++) statuses.push((await api.get('/tags')).status);
        expect(simulator.requests.filter((record) => record.fault === 'injected-error').length).toBe(
          statuses.filter((status) => status >= 500).length,
        );
        return statuses;
      } finally {
        await simulator.close();
      }
    };
    const statuses = await run();
    expect(await run()).toEqual(statuses);
    expect(new Set(statuses)).toEqual(new Set([200, 500, 502, 503]));
  });

  it('adds latency with jitter, 429 bursts, and takes them back', async () => {
    const simulator = await createClockifySimulator({ latencyMs: 80, jitterMs: 10 });
    try {
      const api = await clientOf(simulator);
      await api.get('/tags');
      expect(simulator.requests.at(-1)?.durationMs).toBeGreaterThanOrEqual(69);
      simulator.inject({ latencyMs: 0, jitterMs: 0, burst429: 3 });
      const statuses = [];
      for (let request = 0; request < 5; request++) statuses.push((await api.get('/tags')).status);
      expect(statuses).toEqual([429, 429, 429, 200, 200]);
      expect(simulator.requests.slice(-5).map((record) => record.fault)).toEqual([
        'burst-429',
        'burst-429',
        'burst-429',
        undefined,
        undefined,
      ]);
    } finally {
      await simulator.close();
    }
  });
});

describe.each([
  {
    name: "the project's openapi.json, every GET",
    file: 'openapi.json',
    select: (operation: ApiOperation) => operation.method === 'GET',
    present: true,
  },
  {
    name: 'the official document, every paginated GET',
    file: OFFICIAL_OPENAPI,
    select: (operation: ApiOperation) => operation.method === 'GET' && operation.paginated,
    present: officialPresent,
  },
])('responses of $name', ({ file, select, present }) => {
  let simulator: ClockifySimulator;
  let openapi: OpenApi;
  let api: Client;

  beforeAll(async () => {
    if (!present) return;
    simulator = await createClockifySimulator({ openapiPath: file, rateLimitPerSecond: 10_000, sizes: { timeEntriesPerUser: 60 } });
    openapi = await loadOpenApi(file);
    api = await clientOf(simulator);
  });
  afterAll(() => simulator?.close());

  it.skipIf(!present)('validate against the operation response schema', async () => {
    const operations = openapi.index.operations.filter(select);
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      const path = await concretePath(operation, openapi, api, simulator);
      const response = await api.get(path, requiredQuery(operation));
      expect(response.status, `${operation.operationId} ${path}`).toBe(200);
      const result = openapi.validators.response(operation.operationId, await response.json());
      expect(result.issues, operation.operationId).toEqual([]);
    }
  });
});

/** Fills path parameters with ids of records that exist: the first record of the list the parameter belongs to. */
async function concretePath(operation: ApiOperation, openapi: OpenApi, api: Client, simulator: ClockifySimulator): Promise<string> {
  let path = operation.path.replace('/v1/workspaces/{workspaceId}', '');
  for (const [placeholder, name] of [...path.matchAll(/\{([^}]+)\}/g)].map((found) => [found[0], found[1]] as const)) {
    const parent = path.slice(0, path.indexOf(placeholder) - 1);
    const list = openapi.index.match('GET', `/v1/workspaces/{workspaceId}${parent}`);
    let id = name === 'userId' ? simulator.ownerId : '5f0c1a2b3c4d5e6f7a8b9c0d';
    if (parent.endsWith('/time-entries') && !list) id = (await firstRecord(api, `/user/${simulator.ownerId}/time-entries`)) ?? id;
    else if (list && name !== 'userId') id = (await firstRecord(api, parent)) ?? id;
    path = path.replace(placeholder, id);
  }
  return path;
}

async function firstRecord(api: Client, path: string): Promise<string | undefined> {
  const body: unknown = await (await api.get(path, { 'page-size': 1 })).json();
  const find = (value: unknown, depth: number): string | undefined => {
    if (Array.isArray(value)) return (value[0] as { id?: string } | undefined)?.id;
    if (depth > 2 || !value || typeof value !== 'object') return undefined;
    return Object.values(value).reduce<string | undefined>((found, item) => found ?? find(item, depth + 1), undefined);
  };
  return find(body, 0);
}

/** Required query parameters, from their default or example, or a date for the period bounds. */
function requiredQuery(operation: ApiOperation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query' && candidate.required)) {
    const {
      default: fallback,
      example,
      items,
    } = parameter.schema as { default?: unknown; example?: unknown; items?: { example?: unknown } };
    query[parameter.name] = String(fallback ?? example ?? items?.example ?? '2025-01-01T00:00:00Z');
  }
  return query;
}
