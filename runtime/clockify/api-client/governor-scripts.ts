import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Redis's clock in milliseconds, so every instance reads the same time whatever its own clock says. */
const NOW = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000`;

/** Stores the bucket's full-again time (sub-millisecond, as a string: Lua's default number format loses digits). */
const STORE = `redis.call('SET', KEYS[1], string.format('%.3f', theoretical), 'PX', math.ceil(theoretical - now) + 1000)`;

/**
 * `takeToken` of rate-rules.ts, atomically: KEYS[1] the bucket; ARGV spacing and tolerance (ms).
 * Answers 0 with a token taken, else the milliseconds until the next one (at least 1).
 */
export const TAKE_SCRIPT = `${NOW}
local spacing, tolerance = tonumber(ARGV[1]), tonumber(ARGV[2])
local stored = tonumber(redis.call('GET', KEYS[1]))
local start = now
if stored and stored > now then start = stored end
local wait = start - tolerance - now
if wait > 0 then return math.ceil(wait) end
local theoretical = start + spacing
${STORE}
return 0`;

/** `pausedUntil` of rate-rules.ts, atomically: KEYS[1] the bucket; ARGV pause and tolerance (ms). */
export const PAUSE_SCRIPT = `${NOW}
local theoretical = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
local stored = tonumber(redis.call('GET', KEYS[1]))
if stored and stored > theoretical then theoretical = stored end
${STORE}
return 1`;

/** Runs a script by its SHA, loading it on the first NOSCRIPT (after a restart or a SCRIPT FLUSH). */
export async function runScript(redis: Redis, script: string, key: string, args: readonly (string | number)[]): Promise<unknown> {
  const sha = shaOf(script);
  try {
    return await redis.evalsha(sha, 1, key, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script, 1, key, ...args);
  }
}

const shas = new Map<string, string>();

function shaOf(script: string): string {
  let sha = shas.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  return sha;
}
