import { describe, expect, it } from 'vitest';
import { type ClockifyClient, createLogger, type InstallationRecord, type WebhookHandler } from '../../runtime/index.js';
import { decideOutcome } from './run-event.js';
import { runHandlers } from './run-handlers.js';

const log = createLogger({ level: 'silent' });
const context = {
  event: 'NEW_TAG' as const,
  workspaceId: 'ws',
  eventId: 1,
  attempt: 1,
  installation: {} as InstallationRecord,
  // The handlers here never call the API.
  api: {} as ClockifyClient,
};
const handler = (plugin: string, run: WebhookHandler) => ({ plugin, handler: run });

describe('runHandlers', () => {
  it('runs each handler on its own copy of the body and records a throw against its handler only', async () => {
    const seen: unknown[] = [];
    const { results, runs } = await runHandlers({
      handlers: [
        handler('a', (payload) => {
          (payload as { id: string }).id = 'mutated';
          throw new Error('boom with token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl');
        }),
        handler('a', (payload) => void seen.push(payload)),
        handler('b', () => Promise.reject(new TypeError('bad'))),
      ],
      previous: {},
      body: '{"id":"t-1"}',
      context,
      log,
      timeoutMs: 1000,
    });
    expect(seen).toEqual([{ id: 't-1' }]);
    expect(Object.keys(results)).toEqual(['a#0', 'a#1', 'b#0']);
    expect(results['a#0']).toMatchObject({ ok: false, attempts: 1 });
    expect(results['a#0']?.error).toContain('boom with token');
    expect(results['a#0']?.error).not.toContain('eyJzdWIiOiJ4In0');
    expect(results['b#0']?.error).toBe('TypeError: bad');
    expect(runs.map((run) => run.ok)).toEqual([false, true, false]);
  });

  it('skips handlers that already succeeded, forgets removed ones, and times out a hanging one', async () => {
    const { results, runs } = await runHandlers({
      handlers: [handler('a', () => undefined), handler('slow', () => new Promise(() => undefined))],
      previous: { 'a#0': { ok: true, attempts: 1, at: 'then' }, 'gone#0': { ok: false, attempts: 4, at: 'then' } },
      body: '{}',
      context,
      log,
      timeoutMs: 20,
    });
    expect(runs.map((run) => run.key)).toEqual(['slow#0']);
    expect(results).toEqual({
      'a#0': { ok: true, attempts: 1, at: 'then' },
      'slow#0': expect.objectContaining({ ok: false, error: 'the handler did not finish within 20 ms' }),
    });
  });
});

describe('decideOutcome', () => {
  const options = { maxAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 1000 };
  const failed = { 'a#0': { ok: false, attempts: 1, error: 'nope', at: 'now' } };

  it('is handled when every handler succeeded (or there is none)', () => {
    expect(decideOutcome({}, 1, options)).toMatchObject({ state: 'handled', attempts: 1, lastError: null });
  });

  it('is failed with a retry time before maxAttempts, and dead at it', () => {
    const retry = decideOutcome(failed, 2, options);
    expect(retry).toMatchObject({ state: 'failed', attempts: 2, lastError: 'a#0: nope' });
    expect(retry.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now() + 50);
    expect(decideOutcome(failed, 3, options)).toMatchObject({ state: 'dead', nextAttemptAt: null, lastError: 'a#0: nope' });
  });
});
