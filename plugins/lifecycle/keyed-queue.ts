/** Runs work one at a time per key, in arrival order; different keys run concurrently. */
export interface KeyedQueue {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Lifecycle calls of one workspace are applied one after another in this process, so a read-then-write
 * (a repeated INSTALLED keeping the stored status) never interleaves with another call for the same workspace.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work, work);
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
