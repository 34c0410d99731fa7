import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { HELPER_THREAD_NICE } from './lower-priority.js';

export interface WalCheckpointer {
  stop(): Promise<void>;
}

// Plain CommonJS evaluated in the thread: no TypeScript loader needed, whatever runs the parent (tsx, vitest, dist).
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
try { const os = require('node:os'); os.setPriority(Math.min(19, os.getPriority() + workerData.nice)); } catch { /* runs as it was */ }
(function checkpointLoop() {
  let db;
  try { db = new Database(workerData.file, { fileMustExist: true }); } catch { parentPort.close(); return; }
  const timer = setInterval(() => {
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: the next tick tries again */ }
  }, workerData.intervalMs);
  parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
})();
`;

/**
 * Checkpoints an SQLite database's write-ahead log from a thread of its own, every `intervalMs`. SQLite otherwise
 * checkpoints inside the COMMIT that crosses `wal_autocheckpoint`, on the writer's thread: with better-sqlite3 that
 * is the event loop, blocked for ~20 ms each time during a bulk load. PASSIVE never waits for the writer or readers.
 */
export function startWalCheckpointer(
  file: string,
  { intervalMs = 250, onError }: { intervalMs?: number; onError?: (error: Error) => void } = {},
): WalCheckpointer {
  const fromHere = createRequire(import.meta.url);
  const driver = createRequire(fromHere.resolve('@mikro-orm/better-sqlite')).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver, intervalMs, nice: HELPER_THREAD_NICE } });
  worker.unref();
  // The thread only relieves the writer: whatever happens to it, the database works on (SQLite checkpoints itself).
  worker.on('error', (error) => onError?.(error));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
