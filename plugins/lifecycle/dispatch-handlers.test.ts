import { describe, expect, it } from 'vitest';
import { captureLog } from '../../tests/helpers/capture-log.js';
import { dispatchHandlers } from './dispatch-handlers.js';

describe('dispatchHandlers', () => {
  it('calls every handler in order with the payload and context, logging one that throws without its payload', async () => {
    const { log, records } = captureLog();
    const calls: string[] = [];
    const payload = { workspaceId: 'w', addonId: 'a', asUser: 'u' };
    const result = await dispatchHandlers(
      [
        {
          plugin: 'first',
          handler: (received, context) => {
            calls.push(`first:${received.asUser}:${context.type}:${context.workspaceId}`);
          },
        },
        {
          plugin: 'broken',
          handler: () => {
            throw new Error('purge failed');
          },
        },
        {
          plugin: 'last',
          handler: async () => {
            calls.push('last');
          },
        },
      ],
      { type: 'DELETED', payload, workspaceId: 'w', log, timeoutMs: 1000 },
    );
    expect(calls).toEqual(['first:u:DELETED:w', 'last']);
    expect(result).toEqual({ called: 3, failed: ['broken'] });
    const failure = records().find((record) => record.msg === 'lifecycle handler failed');
    expect(failure).toMatchObject({ handlerPlugin: 'broken', type: 'DELETED', workspaceId: 'w' });
  });

  it('answers without a handler still running after the timeout, as a failure, and runs the next one', async () => {
    const { log, records } = captureLog();
    const calls: string[] = [];
    let failLate: (error: Error) => void = () => undefined;
    // Returning at all shows neither handler was waited for: one never settles, the other only when the test says.
    const result = await dispatchHandlers(
      [
        { plugin: 'stuck', handler: () => new Promise<void>(() => undefined) },
        {
          plugin: 'late-failure',
          handler: () =>
            new Promise<void>((_, reject) => {
              failLate = reject;
            }),
        },
        { plugin: 'next', handler: () => void calls.push('next') },
      ],
      { type: 'INSTALLED', payload: { workspaceId: 'w', addonId: 'a', asUser: 'u' } as never, workspaceId: 'w', log, timeoutMs: 100 },
    );
    expect(result).toEqual({ called: 3, failed: ['stuck', 'late-failure'] });
    expect(calls).toEqual(['next']);
    const timedOut = records().filter((record) => String(record.msg).includes('still running after 100 ms'));
    expect(timedOut.map((record) => record.handlerPlugin)).toEqual(['stuck', 'late-failure']);
    // Settling after the answer changes nothing (the race already handled the promise; vitest fails a run on an
    // unhandled rejection).
    failLate(new Error('late'));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
