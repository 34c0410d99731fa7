import type { Logger } from '../../runtime/index.js';
import type { CallHistory } from './call-history.js';

export interface Retention {
  start(): void;
  stop(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes history older than `retentionDays` every `purgeIntervalMs`; a failed purge is logged and tried again next time. */
export function createRetention({
  history,
  retentionDays,
  purgeIntervalMs,
  log,
}: {
  history: CallHistory;
  retentionDays: number;
  purgeIntervalMs: number;
  log: Logger;
}): Retention {
  let timer: NodeJS.Timeout | undefined;
  const purge = async () => {
    try {
      const removed = await history.purgeBefore(new Date(Date.now() - retentionDays * DAY_MS));
      if (removed > 0) log.info({ removed, retentionDays }, 'old explorer history deleted');
    } catch (error) {
      log.warn({ err: error }, 'could not delete old explorer history');
    }
  };
  return {
    start() {
      timer = setInterval(purge, purgeIntervalMs);
      // The purge must not keep a process alive that is otherwise done.
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
