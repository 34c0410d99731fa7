import type { Logger } from 'pino';

export interface Retention {
  start(): void;
  stop(): void;
  /** One purge now; resolves with the number of rows deleted. */
  purge(): Promise<number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what is `days` old every `intervalMs` through `purgeBefore`; a failed purge is logged and tried again next
 * time. The timer does not keep a process alive that is otherwise done. Every instance may run it: purges are deletes
 * by age, so running twice deletes nothing twice.
 */
export function createRetention({
  purgeBefore,
  days,
  intervalMs,
  log,
  what,
}: {
  purgeBefore: (cutoff: Date) => Promise<number>;
  days: number;
  intervalMs: number;
  log: Logger;
  /** What is purged, for the log lines ("webhook events"). */
  what: string;
}): Retention {
  let timer: NodeJS.Timeout | undefined;
  async function purge(): Promise<number> {
    const deleted = await purgeBefore(new Date(Date.now() - days * DAY_MS));
    if (deleted > 0) log.info({ deleted, days }, `purged old ${what}`);
    return deleted;
  }
  return {
    start() {
      timer = setInterval(() => void purge().catch((error) => log.warn({ err: error }, `purging old ${what} failed`)), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    purge,
  };
}
