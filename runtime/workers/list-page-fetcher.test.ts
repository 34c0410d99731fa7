import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { niceOfThread, threadNices, threadPrioritiesVisible } from '../../tests/helpers/thread-priorities.js';
import { createClockifyClient } from '../clockify/api-client/create-clockify-client.js';
import { createHostAllowlist } from '../clockify/api-client/host-allowlist.js';
import { createMemoryGovernor } from '../clockify/api-client/memory-governor.js';
import { isListPage, type ListPage, normaliseListPage } from './list-page.js';
import { createListPageFetcher, type ListPageFetcher } from './list-page-fetcher.js';
import { HELPER_THREAD_NICE } from './lower-priority.js';

let server: Server;
let apiUrl: string;
const seen: string[] = [];
let failuresLeft = 0;
/** Answers of `/held` lists, sent when the test lets them go. */
const held: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers['x-addon-token'] as string);
    const path = request.url ?? '';
    if (path.includes('/flaky') && failuresLeft-- > 0) return void response.writeHead(503).end();
    if (path.includes('/held')) return void held.push(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'));
    if (path.includes('/moved')) return void response.writeHead(302, { Location: 'https://elsewhere.example' }).end();
    const body = path.includes('/wrapped')
      ? { expenses: { count: 2, expenses: [{ id: 'e1' }, { id: 'e2' }] } }
      : [{ id: 'a', n: 1 }, { n: 2 }];
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function clientFor() {
  return createClockifyClient({
    installation: { workspaceId: 'ws1', apiUrl, authToken: 'secret-token' },
    allowlist: createHostAllowlist({ hosts: [], devHosts: ['127.0.0.1:*'] }),
    governor: createMemoryGovernor(),
    retries: { baseDelayMs: 1 },
  });
}

async function fetchList(fetcher: ListPageFetcher, path: string, itemsPath: string[] = []) {
  const send = fetcher.sender({ itemsPath, idPrefix: 'u1', offset: 50 });
  return clientFor().request<ListPage>({ method: 'GET', path: `/v1/workspaces/{workspaceId}/${path}`, send });
}

describe.each([
  { threads: 1, where: 'pagesInWorkers' },
  { threads: 0, where: 'pagesOnMainThread' },
] as const)('list pages fetched with $threads worker threads', ({ threads, where }) => {
  let fetcher: ListPageFetcher;
  beforeAll(() => {
    fetcher = createListPageFetcher({ threads });
  });
  afterAll(() => fetcher.close());

  it('answers the records as ids and JSON texts, naming records without an id by position', async () => {
    const response = await fetchList(fetcher, 'tags');
    expect(response.status).toBe(200);
    expect(response.body.records).toEqual([
      { id: 'a', body: '{"id":"a","n":1}', ownId: true },
      { id: 'u1#51', body: '{"n":2}', ownId: false },
    ]);
    expect(seen.at(-1)).toBe('secret-token');
    expect(fetcher.stats()[where]).toBeGreaterThan(0);
    if (threads > 0) expect(response.body.thread).not.toBe(0);
  });

  it('finds a wrapped list and reports a body without the expected list', async () => {
    expect((await fetchList(fetcher, 'wrapped', ['expenses', 'expenses'])).body.records.map((record) => record.id)).toEqual(['e1', 'e2']);
    expect((await fetchList(fetcher, 'wrapped', ['items'])).body).toEqual({
      problem: 'expected a list of records in body.items, got undefined',
    });
  });

  it("leaves retries to the client: a 503 is tried again under the client's policy", async () => {
    failuresLeft = 2;
    const response = await fetchList(fetcher, 'flaky');
    expect(response).toMatchObject({ status: 200, attempts: 3 });
    expect(isListPage(response.body)).toBe(true);
  });

  it('refuses a redirect as the client does', async () => {
    await expect(fetchList(fetcher, 'moved')).rejects.toMatchObject({ code: 'CLOCKIFY_REDIRECT_REFUSED' });
  });
});

describe('warming the pool', () => {
  it('has a thread running tasks before the first page, and nothing to do without threads', async () => {
    const pooled = createListPageFetcher({ threads: 1 });
    try {
      expect(pooled.stats().threads).toBe(0);
      await pooled.warm();
      expect(pooled.stats().threads).toBe(1);
      // The warm-up is not a page.
      expect(pooled.stats()).toMatchObject({ pagesInWorkers: 0, pagesOnMainThread: 0 });
      expect((await fetchList(pooled, 'tags')).body.thread).not.toBe(0);
    } finally {
      await pooled.close();
    }
    const inline = createListPageFetcher({ threads: 0 });
    await inline.warm();
    expect(inline.stats().threads).toBe(0);
  });
});

describe('room in the pool', () => {
  it('queues the requests past threads × requestsPerThread, and says so in its stats', async () => {
    const fetcher = createListPageFetcher({ threads: 1, requestsPerThread: 2 });
    try {
      await fetcher.warm();
      const pages = [1, 2, 3].map(() => fetchList(fetcher, 'held'));
      await expect.poll(() => held.length).toBe(2);
      expect(fetcher.stats().queued).toBe(1);
      for (const answer of held.splice(0)) answer();
      await expect.poll(() => held.length).toBe(1);
      expect(fetcher.stats().queued).toBe(0);
      for (const answer of held.splice(0)) answer();
      expect((await Promise.all(pages)).map((page) => page.status)).toEqual([200, 200, 200]);
    } finally {
      await fetcher.close();
    }
  });
});

describe.skipIf(!threadPrioritiesVisible)('the pool thread’s priority', () => {
  it('is lowered below the event loop’s, which keeps its own', async () => {
    const main = niceOfThread(process.pid);
    const lowered = Math.min(19, main + HELPER_THREAD_NICE);
    const before = threadNices().filter((nice) => nice === lowered).length;
    const fetcher = createListPageFetcher({ threads: 1 });
    try {
      await fetcher.warm();
      expect(threadNices().filter((nice) => nice === lowered).length).toBe(before + 1);
      expect(niceOfThread(process.pid)).toBe(main);
    } finally {
      await fetcher.close();
    }
  });
});

describe('normaliseListPage', () => {
  it('keeps numeric ids as strings and a top-level array as the list', () => {
    expect(normaliseListPage([{ id: 7 }], { itemsPath: [], idPrefix: '', offset: 0 }, 0)).toEqual({
      records: [{ id: '7', body: '{"id":7}', ownId: true }],
      thread: 0,
    });
  });
});
