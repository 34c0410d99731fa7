import { describe, expect, it } from 'vitest';
import { createTestAddon } from '../../tests/helpers/start-addon.js';
import { WEBHOOK_EVENTS } from '../clockify/events.js';
import { definePlugin } from './define-plugin.js';

describe('ctx.afterSetup', () => {
  it('runs once every plugin is set up, sees handlers of later plugins, and its routes are mounted', async () => {
    const order: string[] = [];
    const router = definePlugin({
      name: 'router',
      setup(ctx) {
        order.push('router setup');
        ctx.afterSetup(() => {
          order.push('router afterSetup');
          const handled = WEBHOOK_EVENTS.filter((event) => ctx.handlers.webhooks(event).length > 0);
          ctx.route('GET', '/handled', (c) => c.json(handled), { auth: 'none' });
        });
      },
    });
    const later = definePlugin({
      name: 'later',
      setup(ctx) {
        order.push('later setup');
        ctx.webhooks.on('NEW_TAG', () => undefined);
      },
    });
    const { addon } = await createTestAddon({ plugins: [{ plugin: router }, { plugin: later }] });
    expect(order).toEqual(['router setup', 'later setup', 'router afterSetup']);
    expect(await (await addon.app.request('/handled')).json()).toEqual(['NEW_TAG']);
    await addon.close();
  });

  it('fails the boot with PLUGIN_SETUP_FAILED naming the plugin whose hook threw', async () => {
    const broken = definePlugin({
      name: 'broken',
      setup: (ctx) =>
        ctx.afterSetup(() => {
          throw new Error('no routes today');
        }),
    });
    await expect(createTestAddon({ plugins: [{ plugin: broken }] })).rejects.toMatchObject({
      code: 'PLUGIN_SETUP_FAILED',
      location: { plugin: 'broken' },
    });
  });
});
