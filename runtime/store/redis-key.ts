import type { Redis } from 'ioredis';
import { defineServiceKey } from '../plugin/service-key.js';

/** The shared Redis connection, when `REDIS_URL` is set: `ctx.inject(redisKey)`. */
export const redisKey = defineServiceKey<Redis>('kernel.redis');
