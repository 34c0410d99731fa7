import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lifecyclePlugin from '../../plugins/lifecycle/index.js';
import type { InboxEvent } from '../../runtime/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { createLifecycleClient } from '../helpers/lifecycle-calls.js';
import { runCli, writeCliConfig } from '../helpers/run-cli.js';
import { ADDON_ID, type InboxTestAddon, startInboxAddon, WORKSPACE } from '../helpers/webhook-addon.js';
import { type Behaviours, createBehaviours } from '../helpers/webhook-behaviours.js';

const DISPATCH = { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20, pollIntervalMs: 25 };
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databaseKinds)('webhook inbox administration on $name', ({ create }) => {
  let database: TestDatabase;
  let test: InboxTestAddon;
  let behaviours: Behaviours;
  let cliConfig: string;

  beforeAll(async () => {
    database = await create();
    behaviours = createBehaviours();
    test = await startInboxAddon({
      databaseUrl: database.url,
      before: [{ plugin: lifecyclePlugin, options: { subscriptionCheck: { enabled: false } } }],
      plugins: behaviours.plugins.map((plugin) => ({ plugin })),
      webhooks: { dispatch: DISPATCH, retention: { days: 7, intervalMs: 100 } },
    });
    await test.install();
    cliConfig = writeCliConfig(database.url);
  });

  afterAll(async () => {
    await test?.close();
    await database?.drop();
  });

  const client = (id: string, name = `client ${id}`) => ({ id, name, workspaceId: WORKSPACE, archived: false });
  const stateOf = async (id: number | undefined) => (await test.inbox.get(id ?? 0))?.state;
  const deadEvent = async (id: string) => {
    const { json } = await test.deliver('NEW_CLIENT', client(id, `broken ${id}`));
    await expect.poll(() => stateOf(json.id), { timeout: 10_000 }).toBe('dead');
    return json.id ?? 0;
  };
  const admin = async (path: string, init?: RequestInit) => {
    const response = await test.adminFetch(`/admin/webhooks${path}`, init);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { events?: InboxEvent[] } };
  };

  it('lists the admin’s own events newest first, filtered and paged, and refuses another workspace', async () => {
    for (const id of ['l-1', 'l-2', 'l-3']) await test.deliver('NEW_CLIENT', client(id));
    const first = await admin('/events?event=NEW_CLIENT&limit=2');
    expect(first.status).toBe(200);
    expect(first.json.events?.map((event) => event.entityId)).toEqual(['l-3', 'l-2']);
    const next = await admin(`/events?event=NEW_CLIENT&limit=2&cursor=${first.json.nextCursor}`);
    expect(next.json.events?.[0]?.entityId).toBe('l-1');
    expect(await admin('/events?workspace=ws-other')).toMatchObject({ status: 403, json: { error: { code: 'WORKSPACE_FORBIDDEN' } } });
    expect(await admin('/events?state=exploded')).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PARAMETER' } } });
    expect(await admin('/events/not-a-number')).toMatchObject({ status: 400, json: { error: { code: 'INVALID_EVENT_ID' } } });
    const one = await admin(`/events/${first.json.events?.[0]?.id}`);
    expect(one.json.event).toMatchObject({ entityId: 'l-3', body: client('l-3') });
    const unauthenticated = await fetch(`${test.url}/admin/webhooks/events`);
    expect(unauthenticated.status).toBe(401);
  });

  it('replays many dead events through the admin API and discards one', async () => {
    const [a, b] = [await deadEvent('d-1'), await deadEvent('d-2')];
    behaviours.broken = false;
    const replayed = await admin('/events/replay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [a] }),
    });
    expect(replayed).toMatchObject({ status: 200, json: { replayed: 1 } });
    await expect.poll(() => stateOf(a)).toBe('handled');
    expect(await stateOf(b)).toBe('dead');
    behaviours.broken = true;
    expect((await admin(`/events/${b}/discard`, { method: 'POST' })).json.event).toMatchObject({ state: 'discarded' });
    expect(await admin(`/events/${a}/discard`, { method: 'POST' })).toMatchObject({
      status: 409,
      json: { error: { code: 'EVENT_ALREADY_HANDLED' } },
    });
    expect(await admin('/events/999999/replay', { method: 'POST' })).toMatchObject({
      status: 404,
      json: { error: { code: 'EVENT_NOT_FOUND' } },
    });
  });

  it('lists, replays and discards from the CLI while the server runs', async () => {
    const [a, b] = [await deadEvent('cli-1'), await deadEvent('cli-2')];
    const listed = await runCli(['--config', cliConfig, 'webhooks', 'list', '--state', 'dead', '--event', 'NEW_CLIENT']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${b}\\s+dead\\s+2\\s+NEW_CLIENT\\s+${WORKSPACE}`, 'm'));
    expect(listed.stdout).toContain('flaky#0: the downstream system is broken');

    expect((await runCli(['--config', cliConfig, 'webhooks', 'discard', String(b)])).stdout).toBe('discarded 1 event(s)\n');
    behaviours.broken = false;
    const replay = await runCli(['--config', cliConfig, 'webhooks', 'replay', '--state', 'dead']);
    expect(replay).toMatchObject({ code: 0, stdout: 'replayed 1 event(s)\n' });
    await expect.poll(() => stateOf(a), { timeout: 5000 }).toBe('handled');
    behaviours.broken = true;
    expect(await stateOf(b)).toBe('discarded');

    const json = await runCli(['--config', cliConfig, 'webhooks', 'list', '--json', '--limit', '1']);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ id: expect.any(Number), state: expect.any(String) });
    const wrong = await runCli(['--config', cliConfig, 'webhooks', 'replay']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('name the events');
  });

  it('purges finished events past the retention, periodically and from the CLI, and keeps open ones', async () => {
    const { json } = await test.deliver('NEW_CLIENT', client('old-1'));
    await expect.poll(() => stateOf(json.id)).toBe('handled');
    const em = test.addon.store.em();
    const eightDaysAgo = em.getPlatform().processDateProperty(new Date(Date.now() - 8 * DAY_MS));
    await em.getKnex()('webhook_event').update({ received_at: eightDaysAgo }).where({ id: json.id });
    await expect.poll(() => test.inbox.get(json.id ?? 0), { timeout: 5000 }).toBeNull();

    const dead = await deadEvent('old-2');
    const purged = await runCli(['--config', cliConfig, 'webhooks', 'purge', '--older-than-days', '0']);
    expect(purged.stdout).toMatch(/^purged [1-9]\d* event\(s\)\n$/);
    expect(await test.inbox.get(dead)).toBeNull();
  });

  it('purges a workspace’s inbox when Clockify sends DELETED', async () => {
    const lifecycle = createLifecycleClient(test.url, test.minter);
    const gone = 'ws-gone';
    const webhookToken = await test.tokenFor(gone, 'NEW_CLIENT');
    const installed = await lifecycle.send('INSTALLED', {
      workspaceId: gone,
      addonId: ADDON_ID,
      authToken: await test.minter.installationToken({ workspaceId: gone }),
      apiUrl: 'http://127.0.0.1:9/api',
      webhooks: [{ path: `http://127.0.0.1:8080${test.pathOf('NEW_CLIENT')}`, webhookType: 'ADDON', authToken: webhookToken }],
    });
    expect(installed.status).toBe(200);
    const delivered = await test.deliver('NEW_CLIENT', { ...client('g-1'), workspaceId: gone }, { workspaceId: gone });
    expect(delivered.json.status).toBe('accepted');
    await expect.poll(() => stateOf(delivered.json.id)).toBe('handled');
    const kept = (await test.events({ workspaceId: WORKSPACE })).length;

    expect((await lifecycle.send('DELETED', { workspaceId: gone, addonId: ADDON_ID })).status).toBe(200);
    expect(await test.events({ workspaceId: gone })).toEqual([]);
    expect(await test.events({ workspaceId: WORKSPACE })).toHaveLength(kept);
  });
});
