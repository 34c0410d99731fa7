import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../runtime/store/index.js';
import { captureLog } from '../../tests/helpers/capture-log.js';
import { CLAIM_IDS, WALK } from './dispatch-queue-sqlite.js';

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
    const steps = await plan(CLAIM_IDS, { owner: 'o', leaseUntil: 1, now: 1, ids: '[1,2,3]' });
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
