/**
 * Lets callers go one per turn of the event loop, in arrival order. On SQLite the store never waits on I/O, so ten
 * lifecycle calls arriving together (one add-on installed in ten workspaces) would each run to their end inside the
 * same turn, holding the loop for all ten; taking a turn first gives timers and other requests their chance between.
 */
export function createTurns(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const release = () => {
    waiting.shift()?.();
    // Scheduled from inside this callback, the next release runs in the loop's next turn, not this one.
    if (waiting.length > 0) setImmediate(release);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 1) setImmediate(release);
    });
}
