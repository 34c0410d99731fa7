import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { niceOfThread, threadNices, threadPrioritiesVisible } from '../../tests/helpers/thread-priorities.js';
import { HELPER_THREAD_NICE } from './lower-priority.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

const require = createRequire(createRequire(import.meta.url).resolve('@mikro-orm/better-sqlite'));
const Database = require('better-sqlite3') as new (
  file: string,
) => {
  pragma(source: string): unknown;
  exec(sql: string): void;
  close(): void;
};

describe('startWalCheckpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("checkpoints the write-ahead log from its own thread while the writer's autocheckpoint is off", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table t (v text)');
    const checkpointer = startWalCheckpointer(file, { intervalMs: 20 });
    for (let round = 0; round < 20; round++) db.exec(`insert into t values ('${'x'.repeat(50_000)}')`);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);
    // The writer never checkpoints (autocheckpoint 0): the rows reach the database file only through the thread.
    await expect.poll(() => statSync(file).size).toBeGreaterThan(1_000_000);
    await checkpointer.stop();
    db.close();
  });

  it.skipIf(!threadPrioritiesVisible)('runs below the event loop’s priority', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    new Database(file).close();
    const lowered = Math.min(19, niceOfThread(process.pid) + HELPER_THREAD_NICE);
    const before = threadNices().filter((nice) => nice === lowered).length;
    const checkpointer = startWalCheckpointer(file, { intervalMs: 20 });
    await expect.poll(() => threadNices().filter((nice) => nice === lowered).length).toBe(before + 1);
    await checkpointer.stop();
  });

  it('stops quietly when the database is gone', async () => {
    const errors: Error[] = [];
    const checkpointer = startWalCheckpointer(join(tmpdir(), 'no-such-dir', 'db.sqlite'), { onError: (error) => errors.push(error) });
    await checkpointer.stop();
    expect(errors).toEqual([]);
  });
});
