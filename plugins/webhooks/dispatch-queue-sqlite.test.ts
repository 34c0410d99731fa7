import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstallations } from '../../runtime/clockify/create-installations.js';
import { createSecretBox } from '../../runtime/security/secret-box.js';
import { createStore, createWebhookInbox, type Store } from '../../runtime/store/index.js';
import { captureLog } from '../../tests/helpers/capture-log.js';
import { installationRecord } from '../../tests/helpers/installation-record.js';
import { createAppendEvent } from './append-event.js';
import type { RunOutcome } from './dispatch-queue.js';
import { createSqliteDispatchQueue, SELECT_IDS, WALK } from './dispatch-queue-sqlite.js';

/**
 * The claims must cost the same however long the backlog: SQLite's plan for each walks an index from the right end
 * and stops, instead of visiting (and sorting) every open event. A plan regression here is what turned a backlog of
 * thousands into claims of tens of milliseconds on the event loop.
 */
describe('the SQLite dispatch queue plans', () => {
  let dir: string;
  let store: Store;
  const plan = (sql: string, parameters: Record<string, unknown>) =>
    store.withSqlite!((session) => session.statement(`explain query plan ${sql}`).all(parameters) as { detail: string }[]).then((rows) =>
      rows.map((row) => row.detail),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dispatch-plan-'));
    store = await createStore({ url: `sqlite:${join(dir, 'plan.sqlite')}`, dataDir: dir, log: captureLog().log });
    await store.migrate();
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims fresh receipts by id, never walking the open events', async () => {
    const steps = await plan(SELECT_IDS, { now: 1, ids: '[1,2,3]' });
    const outer = steps.filter((step) => /webhook_event (AS )?e\b| e /.test(step) && !/ o /.test(step));
    expect(outer.length).toBeGreaterThan(0);
    for (const step of outer) expect(step, steps.join('\n')).toMatch(/SEARCH .*(id=|rowid=|INTEGER PRIMARY KEY)/);
    expect(steps.join('\n')).not.toMatch(/SCAN (e|webhook_event)\b/);
  });

  it('walks each open state along its index in id order, with no sort of the backlog', async () => {
    for (const sql of WALK) {
      const steps = await plan(sql, { now: 1, limit: 8 });
      expect(steps.join('\n')).toMatch(/SEARCH e USING INDEX webhook_event_state_idx \(state=\?\)/);
      expect(steps.join('\n'), sql).not.toMatch(/TEMP B-TREE|SCAN e\b/);
    }
  });
});

/**
 * On SQLite the queue keeps its leases in memory (one process owns the database), with the meaning the table's
 * leases have on PostgreSQL: a leased event is claimed by no one else until its lease runs out or is given up.
 */
describe('the SQLite dispatch queue leases', () => {
  const WORKSPACE = 'ws-leases';
  const LEASE_MS = 200;
  let dir: string;
  let file: string;
  let store: Store;
  let entity = 0;
  const handled: RunOutcome = { state: 'handled', attempts: 1, nextAttemptAt: null, lastError: null, handlerResults: '{}' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dispatch-leases-'));
    file = join(dir, 'leases.sqlite');
    store = await createStore({ url: `sqlite:${file}`, dataDir: dir, log: captureLog().log });
    await store.migrate();
    await createInstallations(store, createSecretBox(randomBytes(32))).save(installationRecord({ workspaceId: WORKSPACE }));
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each case walks the whole inbox: what an earlier case left open is set aside.
  beforeEach(() => createWebhookInbox(store).discard({}));

  const queue = (on = store) => createSqliteDispatchQueue(on.withSqlite!, { leaseMs: LEASE_MS, file: on.display });
  /** A new pending event of an entity of its own, so no earlier event holds it back; its inbox id. */
  async function pending(): Promise<number> {
    entity += 1;
    const append = createAppendEvent(store);
    const { id } = await append({ workspaceId: WORKSPACE, event: 'NEW_TAG', body: { id: `tag-${entity}`, workspaceId: WORKSPACE } });
    return id;
  }
  const claimedIds = async (claims: Promise<{ id: number }[]>) => (await claims).map((event) => event.id);

  it('claims an event once while its lease holds, whether by id or by a walk, and writes no lease to the table', async () => {
    const events = queue();
    const id = await pending();
    expect(await claimedIds(events.claimIds([id]))).toEqual([id]);
    expect(await claimedIds(events.claimIds([id]))).toEqual([]);
    expect(await claimedIds(events.claim(100))).not.toContain(id);
    const row = await store.withSqlite!((session) =>
      session.statement('select lease_owner, lease_until from webhook_event where id = ?').get(id),
    );
    expect(row).toEqual({ lease_owner: null, lease_until: null });
    expect(await events.finish(id, handled)).toBe(true);
  });

  it('frees a lease that runs out, keeps a renewed one, and frees a released one at once', async () => {
    const events = queue();
    const [lapsing, renewed, released] = [await pending(), await pending(), await pending()];
    expect(await claimedIds(events.claimIds([lapsing, renewed, released]))).toEqual([lapsing, renewed, released]);
    await events.release(released);
    expect(await claimedIds(events.claimIds([released]))).toEqual([released]);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 2));
    expect(await events.renew(renewed)).toBe(true);
    expect(await events.renew(released)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 2 + 50));
    const walked = await claimedIds(events.claim(100));
    expect(walked).toContain(lapsing);
    expect(walked).not.toContain(renewed);
    expect(walked).not.toContain(released);
    for (const id of [lapsing, renewed, released]) await events.finish(id, handled);
  });

  it('walks past the events it holds: a backlog behind more leased events than the limit is still found', async () => {
    const events = queue();
    const held = [await pending(), await pending(), await pending()];
    expect(await claimedIds(events.claimIds(held))).toEqual(held);
    const waiting = await pending();
    expect(await claimedIds(events.claim(1))).toEqual([waiting]);
    for (const id of [...held, waiting]) await events.finish(id, handled);
  });

  it('shares its leases with every queue of the process on the same file, holders and all, as the table would', async () => {
    const other = await createStore({ url: `sqlite:${file}`, dataDir: dir, log: captureLog().log });
    try {
      const [first, second] = [queue(), queue(other)];
      const id = await pending();
      expect(await claimedIds(first.claimIds([id]))).toEqual([id]);
      expect(await claimedIds(second.claimIds([id]))).toEqual([]);
      expect(await claimedIds(second.claim(100))).not.toContain(id);
      // Once the first holder's lease runs out, the second may take the event, and only its outcome is recorded.
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
      expect(await claimedIds(second.claimIds([id]))).toEqual([id]);
      expect(await first.renew(id)).toBe(false);
      expect(await first.finish(id, { ...handled, handlerResults: '{"first":true}' })).toBe(false);
      expect(await second.finish(id, handled)).toBe(true);
      const row = await store.withSqlite!((session) => session.statement('select handler_results from webhook_event where id = ?').get(id));
      expect(row).toEqual({ handler_results: '{}' });
    } finally {
      await other.close();
    }
  });

  it('records an outcome only while the event is open, and frees the lease either way', async () => {
    const events = queue();
    const [kept, discarded] = [await pending(), await pending()];
    await events.claimIds([kept, discarded]);
    await createWebhookInbox(store).discard({ ids: [discarded] });
    expect(await events.finish(kept, handled)).toBe(true);
    expect(await events.finish(discarded, handled)).toBe(false);
    await createWebhookInbox(store).replay({ ids: [discarded] });
    expect(await claimedIds(events.claimIds([kept, discarded]))).toEqual([discarded]);
    await events.finish(discarded, handled);
  });
});
