import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type HttpError, isHttpError } from '../../runtime/index.js';
import { createExecuteLimiter } from './execute-limiter.js';

const redisUrl = process.env.TEST_REDIS_URL;

async function refusal(take: () => Promise<void>): Promise<HttpError> {
  const error = await take().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isHttpError(error)) throw new Error('expected the execution to be refused');
  return error;
}

describe('createExecuteLimiter', () => {
  it('refuses a user past the limit with 429 and Retry-After, and counts users and workspaces apart', async () => {
    const take = createExecuteLimiter({ requests: 2, intervalMs: 60_000 });
    await take('ws-1', 'user-1');
    await take('ws-1', 'user-1');
    const refused = await refusal(() => take('ws-1', 'user-1'));
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.headers['Retry-After'])).toBeGreaterThanOrEqual(59);
    await expect(take('ws-1', 'user-2')).resolves.toBeUndefined();
    await expect(take('ws-2', 'user-1')).resolves.toBeUndefined();
  });

  describe.skipIf(!redisUrl)('with Redis', () => {
    const connections: Redis[] = [];
    afterAll(() => {
      for (const redis of connections) redis.disconnect();
    });

    it('counts one user across instances sharing Redis', async () => {
      const connect = () => {
        const redis = new Redis(redisUrl as string, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
        connections.push(redis);
        return redis;
      };
      const user = `user-${randomBytes(6).toString('hex')}`;
      const first = createExecuteLimiter({ requests: 2, intervalMs: 60_000 }, connect());
      const second = createExecuteLimiter({ requests: 2, intervalMs: 60_000 }, connect());
      await first('ws-1', user);
      await second('ws-1', user);
      expect(await refusal(() => first('ws-1', user))).toMatchObject({ status: 429 });
    });
  });
});
