import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../runtime/index.js';
import { startTestAddon } from '../helpers/start-addon.js';

describe('graceful shutdown', () => {
  it('stops accepting, finishes the in-flight request, then runs close hooks and closes the database', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const events: string[] = [];
    const slow = definePlugin({
      name: 'slow',
      setup(ctx) {
        ctx.route(
          'GET',
          '/slow',
          async (c) => {
            entered();
            await gate;
            events.push('request finished');
            return c.text('done');
          },
          { auth: 'none' },
        );
        ctx.onClose(() => {
          events.push('close hook');
        });
      },
    });
    const test = await startTestAddon({ plugins: [{ plugin: slow }] });
    const inFlight = fetch(`${test.url}/slow`);
    await handlerEntered;
    const closing = test.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${test.url}/health`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    await closing;
    expect(events).toEqual(['request finished', 'close hook']);
    await expect(test.addon.store.ping()).rejects.toThrow();
  });
});
