import { createTurns } from './one-per-turn.js';

/** Runs work one at a time per key, in arrival order; different keys run concurrently, each start in a turn of its own. */
export interface KeyedQueue {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Lifecycle calls of one workspace are applied one after another in this process, so a read-then-write
 * (a repeated INSTALLED keeping the stored status) never interleaves with another call for the same workspace.
 * Each piece of work starts in a turn of the event loop of its own (one-per-turn.ts): calls of many workspaces
 * arriving together do not run back to back in one turn.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  const takeTurn = createTurns();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(takeTurn, takeTurn).then(work);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // Forget the key once its last piece of work is done, so the map does not grow with every workspace seen.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
