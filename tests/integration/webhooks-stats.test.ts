import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryStats } from '../../plugins/webhooks/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { type InboxTestAddon, startInboxAddon, WORKSPACE } from '../helpers/webhook-addon.js';
import { type Behaviours, createBehaviours } from '../helpers/webhook-behaviours.js';

const DISPATCH = { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 20, pollIntervalMs: 25 };
const HOUR_MS = 3_600_000;
const OTHER_WORKSPACE = 'ws-stats-other';

describe.each(databaseKinds)('webhook delivery statistics on $name', ({ create }) => {
  let database: TestDatabase;
  let test: InboxTestAddon;
  let behaviours: Behaviours;

  beforeAll(async () => {
    database = await create();
    behaviours = createBehaviours();
    test = await startInboxAddon({
      databaseUrl: database.url,
      plugins: behaviours.plugins.map((plugin) => ({ plugin })),
      webhooks: { dispatch: DISPATCH },
    });
    await test.install();
    await test.install({ workspaceId: OTHER_WORKSPACE });
  });

  afterAll(async () => {
    await test?.close();
    await database?.drop();
  });

  const client = (id: string, name: string, workspaceId = WORKSPACE) => ({ id, name, workspaceId, archived: false });
  const stats = async (query = '') => {
    const response = await test.adminFetch(`/admin/webhooks/stats${query}`);
    return { status: response.status, json: (await response.json()) as DeliveryStats & { error?: { code: string } } };
  };
  const settled = async (id: number | undefined, state: string) =>
    expect.poll(async () => (await test.inbox.get(id ?? 0))?.state, { timeout: 10_000 }).toBe(state);
  const moveBack = async (id: number | undefined, ms: number) => {
    const em = test.addon.store.em();
    const row = await test.inbox.get(id ?? 0);
    const earlier = em.getPlatform().processDateProperty(new Date(Date.parse(row?.receivedAt ?? '') - ms));
    await em.getKnex()('webhook_event').update({ received_at: earlier }).where({ id });
  };
  /** The bucket an event falls in, from its stored receipt time and the answer's window. */
  const bucketOf = async (answer: DeliveryStats, id: number | undefined) =>
    Math.floor((Date.parse((await test.inbox.get(id ?? 0))?.receivedAt ?? '') - Date.parse(answer.from)) / answer.bucketMs);

  it('counts the admin’s deliveries per event, state and hour of receipt, busiest event first', async () => {
    const tags = [];
    for (const id of ['t-1', 't-2', 't-3']) tags.push((await test.deliver('NEW_TAG', { id, name: id, workspaceId: WORKSPACE })).json.id);
    const handled = (await test.deliver('NEW_CLIENT', client('c-1', 'fine'))).json.id;
    const dead = (await test.deliver('NEW_CLIENT', client('c-2', 'broken'))).json.id;
    const older = (await test.deliver('NEW_CLIENT', client('c-3', 'fine, earlier'))).json.id;
    const outside = (await test.deliver('NEW_CLIENT', client('c-4', 'fine, long ago'))).json.id;
    const foreign = await test.deliver('NEW_CLIENT', client('c-5', 'fine', OTHER_WORKSPACE), { workspaceId: OTHER_WORKSPACE });
    expect(foreign.json.status).toBe('accepted');
    await settled(dead, 'dead');
    for (const id of [...tags, handled, older, outside, foreign.json.id]) await settled(id, 'handled');
    await moveBack(older, 2 * HOUR_MS);
    await moveBack(outside, 30 * HOUR_MS);

    const { status, json } = await stats();
    expect(status).toBe(200);
    expect(json.bucketMs).toBe(HOUR_MS);
    expect(Date.parse(json.to) - Date.parse(json.from)).toBe(24 * HOUR_MS);
    expect(Date.parse(json.from) % HOUR_MS).toBe(0);
    expect(Date.parse(json.to)).toBeGreaterThan(Date.now());
    expect(json.events.map((entry) => [entry.event, entry.total])).toEqual([
      ['NEW_CLIENT', 3],
      ['NEW_TAG', 3],
    ]);
    const clients = json.events[0]!;
    expect(clients.states).toEqual({ pending: 0, handled: 2, failed: 0, dead: 1, discarded: 0 });
    expect(clients.buckets).toHaveLength(24);
    expect(clients.buckets.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(clients.buckets[await bucketOf(json, older)]).toBeGreaterThanOrEqual(1);
    expect(clients.buckets[await bucketOf(json, dead)]).toBeGreaterThanOrEqual(1);
    expect(await bucketOf(json, older)).toBeLessThan(await bucketOf(json, dead));
  });

  it('narrows the window to the hours asked for', async () => {
    const { json } = await stats('?hours=1');
    expect(Date.parse(json.to) - Date.parse(json.from)).toBe(HOUR_MS);
    for (const entry of json.events) expect(entry.buckets).toEqual([entry.total]);
    const week = await stats('?hours=168');
    expect(week.json.events.find((entry) => entry.event === 'NEW_CLIENT')?.total).toBe(4);
  });

  it('refuses bad hours, another workspace, non-admins and anonymous callers', async () => {
    for (const hours of ['0', '169', 'abc', '1.5', '']) {
      expect(await stats(`?hours=${hours}`)).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PARAMETER' } } });
    }
    expect(await stats('?workspace=ws-stats-other')).toMatchObject({ status: 403, json: { error: { code: 'WORKSPACE_FORBIDDEN' } } });
    const user = await test.minter.userToken({ workspaceId: WORKSPACE, workspaceRole: 'TEAM_MANAGER' });
    const asUser = await fetch(`${test.url}/admin/webhooks/stats`, { headers: { Authorization: `Bearer ${user}` } });
    expect(asUser.status).toBe(403);
    expect(((await asUser.json()) as { error: { code: string } }).error.code).toBe('ADMIN_REQUIRED');
    expect((await fetch(`${test.url}/admin/webhooks/stats`)).status).toBe(401);
  });
});
