import type { Hono } from 'hono';
import { TIMED_OUT, withTimeLimit } from '../time-limit.js';
import type { AddonEnv } from './types.js';

/** A readiness check: resolves when the dependency is usable, throws (with a reason) when it is not. */
export type ReadinessCheck = () => Promise<void>;

export interface CheckResult {
  status: 'ok' | 'fail';
  durationMs: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 2500;

/** Readiness checks by name; the kernel adds the database's, plugins add theirs (`ctx.health`). */
export class HealthChecks {
  #checks = new Map<string, ReadinessCheck>();

  add(name: string, check: ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  async run(): Promise<Record<string, CheckResult>> {
    const entries = await Promise.all([...this.#checks].map(async ([name, check]) => [name, await runCheck(check)] as const));
    return Object.fromEntries(entries);
  }
}

async function runCheck(check: ReadinessCheck): Promise<CheckResult> {
  const started = performance.now();
  try {
    if ((await withTimeLimit(check(), CHECK_TIMEOUT_MS)) === TIMED_OUT) throw new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`);
    return { status: 'ok', durationMs: elapsed(started) };
  } catch (error) {
    return { status: 'fail', durationMs: elapsed(started), error: (error as Error).message.slice(0, 300) };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** `GET /health`: the process answers. `GET /ready`: every check passes, else 503 naming the failing ones. */
export function mountHealthRoutes(app: Hono<AddonEnv>, checks: HealthChecks): void {
  app.get('/health', (c) => c.json({ status: 'ok', timestamp: new Date().toISOString(), uptimeSeconds: Math.round(process.uptime()) }));
  app.get('/ready', async (c) => {
    const results = await checks.run();
    const failing = Object.entries(results)
      .filter(([, result]) => result.status === 'fail')
      .map(([name]) => name);
    const body = { status: failing.length ? 'fail' : 'ok', timestamp: new Date().toISOString(), checks: results, failing };
    return c.json(body, failing.length ? 503 : 200);
  });
}
