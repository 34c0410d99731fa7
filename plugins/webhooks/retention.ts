import type { Logger, WebhookInbox } from '../../runtime/index.js';

export interface Retention {
  start(): void;
  stop(): void;
  /** One purge now; resolves with the number of events deleted. */
  purge(): Promise<number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes finished events (handled, dead, discarded) once they are `days` old, every `intervalMs`, and events of
 * workspaces whose installation is gone. Open events are kept however old: an event waiting for an inactive
 * installation is not lost. Every instance runs it; the deletes are idempotent.
 */
export function createRetention({
  inbox,
  days,
  intervalMs,
  log,
}: {
  inbox: WebhookInbox;
  days: number;
  intervalMs: number;
  log: Logger;
}): Retention {
  let timer: NodeJS.Timeout | undefined;
  async function purge(): Promise<number> {
    const deleted = await inbox.purgeFinished(new Date(Date.now() - days * DAY_MS));
    if (deleted) log.info({ deleted, days }, 'purged old webhook events');
    return deleted;
  }
  return {
    start() {
      timer = setInterval(() => void purge().catch((error) => log.warn({ err: error }, 'webhook retention purge failed')), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    purge,
  };
}
