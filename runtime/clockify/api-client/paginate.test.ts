import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeClockifyApi, startFakeClockifyApi } from '../../../tests/helpers/fake-clockify-api.js';
import { createClockifyClient } from './create-clockify-client.js';
import { createHostAllowlist } from './host-allowlist.js';
import { createMemoryGovernor } from './memory-governor.js';

let api: FakeClockifyApi;
beforeAll(async () => {
  api = await startFakeClockifyApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const client = () =>
  createClockifyClient({
    apiUrl: api.apiUrl,
    token: 'secret',
    workspaceId: 'ws-1',
    allowlist: createHostAllowlist({ devHosts: ['127.0.0.1:*'] }),
    governor: createMemoryGovernor(),
    retries: { maxAttempts: 1 },
  });

/** Serves `total` numbered items in 1-based pages, optionally wrapped in an object. */
function serveList(total: number, wrap?: (items: number[]) => unknown) {
  api.respond(({ query }) => {
    const page = Number(query.page);
    const size = Number(query['page-size']);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, index) => (page - 1) * size + index);
    return { body: wrap ? wrap(items) : items };
  });
}

async function collect<T>(pages: AsyncIterable<{ page: number; items: readonly T[] }>) {
  const seen: { page: number; count: number }[] = [];
  for await (const { page, items } of pages) seen.push({ page, count: items.length });
  return seen;
}

describe('paginate', () => {
  it('asks for pages from 1 and stops at the first page shorter than page-size', async () => {
    serveList(120);
    const pages = await collect(client().paginate('/v1/workspaces/{workspaceId}/projects', { pageSize: 50, query: { archived: false } }));
    expect(pages).toEqual([
      { page: 1, count: 50 },
      { page: 2, count: 50 },
      { page: 3, count: 20 },
    ]);
    expect(api.requests.map((request) => request.query)).toEqual([
      { archived: 'false', page: '1', 'page-size': '50' },
      { archived: 'false', page: '2', 'page-size': '50' },
      { archived: 'false', page: '3', 'page-size': '50' },
    ]);
  });

  it('ends a list that fills its last page with the empty page after it', async () => {
    serveList(100);
    expect(await collect(client().paginate('/v1/workspaces/{workspaceId}/tags', { pageSize: 50 }))).toEqual([
      { page: 1, count: 50 },
      { page: 2, count: 50 },
      { page: 3, count: 0 },
    ]);
  });

  it('stops after maxPages', async () => {
    serveList(10_000);
    expect(await collect(client().paginate('/v1/workspaces/{workspaceId}/tags', { pageSize: 10, maxPages: 2 }))).toHaveLength(2);
  });

  it('reads a wrapped list from the body’s only array, or where `items` says', async () => {
    serveList(3, (items) => ({ count: items.length, requests: items }));
    expect(await collect(client().paginate('/v1/workspaces/{workspaceId}/time-off/requests'))).toEqual([{ page: 1, count: 3 }]);
    serveList(3, (items) => ({ data: items, other: [] }));
    const pages = client().paginate('/v1/workspaces/{workspaceId}/x', { items: (body) => (body as { data: number[] }).data });
    expect(await collect(pages)).toEqual([{ page: 1, count: 3 }]);
  });

  it('throws CLOCKIFY_RESPONSE_INVALID for a page that is not a 2xx list', async () => {
    api.respond(() => ({ status: 403, body: { message: 'forbidden' } }));
    await expect(collect(client().paginate('/v1/workspaces/{workspaceId}/tags'))).rejects.toMatchObject({
      code: 'CLOCKIFY_RESPONSE_INVALID',
      details: { status: 403, page: 1 },
    });
    api.respond(() => ({ body: { message: 'not a list' } }));
    await expect(collect(client().paginate('/v1/workspaces/{workspaceId}/tags'))).rejects.toMatchObject({
      code: 'CLOCKIFY_RESPONSE_INVALID',
    });
  });
});
