import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { maskUrl } from './database-options.js';

/**
 * A Redis client that fails fast instead of queueing commands while disconnected, so `/ready` and callers
 * learn about an outage at once; it keeps reconnecting in the background.
 */
export async function createRedis(url: string, log: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let reported = false;
  redis.on('error', (error) => {
    // ioredis emits an error per reconnect attempt; one line per outage is enough.
    if (!reported) log.warn({ redis: maskUrl(url), reason: error.message }, 'redis unavailable');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) log.info({ redis: maskUrl(url) }, 'redis available again');
    reported = false;
  });
  // The first attempt is awaited so a healthy Redis is ready at start; a failed one is retried in the background.
  await redis.connect().catch(() => undefined);
  return redis;
}

export async function pingRedis(redis: Redis): Promise<void> {
  const answer = await redis.ping();
  if (answer !== 'PONG') throw new Error(`unexpected answer to PING: ${answer}`);
}
