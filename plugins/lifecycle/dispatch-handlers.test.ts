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
      { type: 'DELETED', payload, workspaceId: 'w', log },
    );
    expect(calls).toEqual(['first:u:DELETED:w', 'last']);
    expect(result).toEqual({ called: 3, failed: ['broken'] });
    const failure = records().find((record) => record.msg === 'lifecycle handler failed');
    expect(failure).toMatchObject({ handlerPlugin: 'broken', type: 'DELETED', workspaceId: 'w' });
  });
});
