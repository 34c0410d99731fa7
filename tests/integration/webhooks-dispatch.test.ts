import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationsKey } from '../../runtime/index.js';
import { createPostgresDatabase, databaseKinds, postgresUrl, type TestDatabase } from '../helpers/databases.js';
import { shuffled } from '../helpers/lifecycle-scenarios.js';
import { type InboxTestAddon, startInboxAddon, WORKSPACE } from '../helpers/webhook-addon.js';
import { type Behaviours, createBehaviours } from '../helpers/webhook-behaviours.js';

const DISPATCH = { concurrency: 4, maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 60, pollIntervalMs: 25, leaseMs: 5000 };

describe.each(databaseKinds)('webhook dispatch on $name', ({ create }) => {
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
  });

  afterAll(async () => {
    behaviours?.openGate();
    await test?.close();
    await database?.drop();
  });

  const tag = (id: string) => ({ id, name: `tag ${id}`, workspaceId: WORKSPACE, archived: false });
  const client = (id: string, name: string) => ({ id, name, workspaceId: WORKSPACE, archived: false });

  it('stores 50 rows for 200 concurrent deliveries of 50 events (4 copies each) and runs each handler once per event', async () => {
    const ids = Array.from({ length: 50 }, (_, index) => `burst-${index}`);
    const deliveries = shuffled(
      ids.flatMap((id) => Array.from({ length: 4 }, () => id)),
      7,
    );
    const answers = await Promise.all(deliveries.map((id) => test.deliver('NEW_TAG', tag(id)).then((answer) => ({ id, ...answer }))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.json.status === 'accepted')).toHaveLength(50);
    for (const id of ids) expect(new Set(answers.filter((answer) => answer.id === id).map((answer) => answer.json.id)).size).toBe(1);

    const stored = (await test.events({ event: 'NEW_TAG' })).filter((event) => event.entityId.startsWith('burst-'));
    expect(stored).toHaveLength(50);
    await expect
      .poll(async () => (await test.events({ event: 'NEW_TAG', state: 'handled' })).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(50);
    for (const id of ids) {
      expect(behaviours.callsFor('counter', id), id).toHaveLength(1);
      expect(behaviours.callsFor('second', id), id).toHaveLength(1);
    }
  });

  it('runs the events of one entity one at a time in receipt order, and different entities in parallel', async () => {
    const sequence = ['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED', 'TIME_ENTRY_UPDATED', 'TIMER_STOPPED'] as const;
    for (const [step, event] of sequence.entries()) {
      for (const id of ['te-a', 'te-b', 'te-c']) {
        const interval = { start: '2026-01-01T08:00:00Z', end: `2026-01-01T09:0${step}:00Z`, duration: `PT1H${step}M` };
        const answer = await test.deliver(event, { id, workspaceId: WORKSPACE, description: `step ${step}`, timeInterval: interval });
        expect(answer.json.status).toBe('accepted');
      }
    }
    const finished = () => behaviours.calls.filter((call) => call.id.startsWith('te-') && call.endedAt !== undefined).length;
    await expect.poll(finished, { timeout: 10_000 }).toBe(12);
    for (const id of ['te-a', 'te-b', 'te-c']) {
      const calls = behaviours.callsFor('counter', id);
      expect(calls.map((call) => call.event)).toEqual([...sequence]);
      expect(calls.map((call) => call.eventId)).toEqual([...calls.map((call) => call.eventId)].sort((a, b) => a - b));
      for (let index = 1; index < calls.length; index += 1) {
        expect(calls[index]?.startedAt).toBeGreaterThanOrEqual(calls[index - 1]?.endedAt ?? Number.POSITIVE_INFINITY);
      }
    }
    const all = behaviours.calls.filter((call) => call.id.startsWith('te-'));
    const overlapping = all.some((call) =>
      all.some((other) => other.id !== call.id && other.startedAt < (call.endedAt ?? 0) && call.startedAt < (other.endedAt ?? 0)),
    );
    expect(overlapping).toBe(true);
  });

  it('keeps one entity in id order when a burst of its events arrives at once, handed over fresh', async () => {
    const steps = Array.from({ length: 12 }, (_, step) => step);
    const answers = await Promise.all(
      steps.map((step) =>
        test.deliver('TIME_ENTRY_UPDATED', {
          id: 'te-burst',
          workspaceId: WORKSPACE,
          description: `step ${step}`,
          timeInterval: { start: '2026-01-01T08:00:00Z', end: `2026-01-01T09:${String(step).padStart(2, '0')}:00Z`, duration: 'PT1H' },
        }),
      ),
    );
    expect(answers.every((answer) => answer.json.status === 'accepted')).toBe(true);
    await expect.poll(() => behaviours.callsFor('counter', 'te-burst').filter((call) => call.endedAt !== undefined).length).toBe(12);
    const calls = behaviours.callsFor('counter', 'te-burst');
    expect(calls.map((call) => call.eventId)).toEqual(answers.map((answer) => answer.json.id ?? 0).sort((a, b) => a - b));
    for (let index = 1; index < calls.length; index += 1) {
      expect(calls[index]?.startedAt).toBeGreaterThanOrEqual(calls[index - 1]?.endedAt ?? Number.POSITIVE_INFINITY);
    }
  });

  it('retries a handler that fails twice and ends handled, without running the handler that succeeded again', async () => {
    const { json } = await test.deliver('NEW_CLIENT', client('c-flaky', 'flaky client'));
    await expect.poll(async () => (await test.inbox.get(json.id ?? 0))?.state, { timeout: 10_000 }).toBe('handled');
    const event = await test.inbox.get(json.id ?? 0);
    expect(event).toMatchObject({
      attempts: 3,
      lastError: null,
      handlers: { 'counter#0': { ok: true, attempts: 1 }, 'flaky#0': { ok: true, attempts: 3 } },
    });
    expect(behaviours.callsFor('flaky', 'c-flaky').map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(behaviours.callsFor('counter', 'c-flaky')).toHaveLength(1);
  });

  it('sends an always-failing event to dead after maxAttempts, and a replay after the fix handles it', async () => {
    const { json } = await test.deliver('NEW_CLIENT', client('c-broken', 'broken client'));
    const id = json.id ?? 0;
    await expect.poll(async () => (await test.inbox.get(id))?.state, { timeout: 10_000 }).toBe('dead');
    expect(await test.inbox.get(id)).toMatchObject({ attempts: 3, lastError: 'flaky#0: the downstream system is broken' });
    const metrics = await test.addon.registry.getSingleMetricAsString('addon_webhooks_dead_letters_total');
    expect(metrics).toContain('addon_webhooks_dead_letters_total{event="NEW_CLIENT"}');

    behaviours.broken = false;
    const replay = await test.adminFetch(`/admin/webhooks/events/${id}/replay`, { method: 'POST' });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { event: { state: string; attempts: number } }).event).toMatchObject({ attempts: 0 });
    await expect.poll(async () => (await test.inbox.get(id))?.state, { timeout: 10_000 }).toBe('handled');
    expect(behaviours.callsFor('flaky', 'c-broken')).toHaveLength(4);
    expect(behaviours.callsFor('counter', 'c-broken')).toHaveLength(1);
    behaviours.broken = true;
  });

  it('keeps the events of an inactive installation waiting, and dispatches them once it is active again', async () => {
    const installations = test.addon.inject(installationsKey);
    const first = await test.deliver('NEW_PROJECT', { id: 'p-1', name: 'blocking', workspaceId: WORKSPACE });
    await expect.poll(() => behaviours.callsFor('counter', 'p-1').length).toBe(1);
    const second = await test.deliver('NEW_PROJECT', { id: 'p-1', name: 'waits behind the first', workspaceId: WORKSPACE });
    const installation = await installations.find(WORKSPACE);
    if (!installation) throw new Error('installation missing');
    await installations.save({ ...installation, status: 'INACTIVE' });
    behaviours.openGate();
    await expect.poll(async () => (await test.inbox.get(first.json.id ?? 0))?.state).toBe('handled');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await test.inbox.get(second.json.id ?? 0)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(behaviours.callsFor('counter', 'p-1')).toHaveLength(1);
    await installations.save({ ...installation, status: 'ACTIVE' });
    await expect.poll(async () => (await test.inbox.get(second.json.id ?? 0))?.state, { timeout: 5000 }).toBe('handled');
  });

  it('reports inbox depth by state, handler durations, retries and dispatch lag on /metrics', async () => {
    const text = await test.addon.registry.metrics();
    expect(text).toMatch(/addon_webhooks_inbox_events\{state="handled"\} [1-9]\d*/);
    expect(text).toMatch(/addon_webhooks_inbox_events\{state="dead"\} 0/);
    expect(text).toMatch(/addon_webhooks_handler_duration_seconds_count\{event="NEW_TAG",plugin="second",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/addon_webhooks_retries_total\{event="NEW_CLIENT"\} [1-9]/);
    expect(text).toMatch(/addon_webhooks_dispatch_lag_seconds_count\{event="NEW_TAG"\} [1-9]/);
  });
});

describe.skipIf(!postgresUrl)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let first: InboxTestAddon;
  let second: InboxTestAddon;
  let behaviours: Behaviours;

  beforeAll(async () => {
    database = await createPostgresDatabase(postgresUrl as string);
    behaviours = createBehaviours();
    const shared = {
      databaseUrl: database.url,
      plugins: behaviours.plugins.map((plugin) => ({ plugin })),
      webhooks: { dispatch: { ...DISPATCH, concurrency: 8 } },
      config: { security: { encryptionKey: randomBytes(32).toString('hex') } },
    };
    first = await startInboxAddon(shared);
    second = await startInboxAddon({ ...shared, minter: first.minter });
    await first.install();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('runs each event once though both receive copies of every delivery and both dispatch', async () => {
    const ids = Array.from({ length: 40 }, (_, index) => `shared-${index}`);
    const token = await first.tokenFor(WORKSPACE, 'NEW_TAG');
    const answers = await Promise.all(
      ids.flatMap((id) =>
        [first, second].map((instance) =>
          instance.deliver('NEW_TAG', { id, name: id, workspaceId: WORKSPACE, archived: false }, { token }),
        ),
      ),
    );
    expect(answers.filter((answer) => answer.json.status === 'accepted')).toHaveLength(40);
    await expect.poll(async () => (await first.events({ state: 'handled' })).length, { timeout: 10_000 }).toBe(40);
    for (const id of ids) expect(behaviours.callsFor('counter', id), id).toHaveLength(1);
  });
});
