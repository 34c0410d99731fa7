import { describe, expect, expectTypeOf, it } from 'vitest';
import authPlugin from '../../plugins/auth/index.js';
import webhooksPlugin from '../../plugins/webhooks/index.js';
import { definePlugin, type WebhookPayloads } from '../../runtime/index.js';
import { createTestAddon } from '../helpers/start-addon.js';

describe('payload types', () => {
  it('types each handler by its event name', () => {
    expectTypeOf<WebhookPayloads['TIMER_STOPPED']['timeInterval']['end']>().toEqualTypeOf<string>();
    expectTypeOf<WebhookPayloads['NEW_TIMER_STARTED']['timeInterval']['end']>().toEqualTypeOf<null>();
    expectTypeOf<WebhookPayloads['NEW_TIME_ENTRY']['timeInterval']['end']>().toEqualTypeOf<string | null>();
    expectTypeOf<WebhookPayloads['EXPENSE_DELETED']>().toHaveProperty('expenseId');
    expectTypeOf<WebhookPayloads['USER_EMAIL_CHANGED']['oldEmail']>().toEqualTypeOf<string>();
    definePlugin({
      name: 'typed',
      setup(ctx) {
        ctx.webhooks.on('TIMER_STOPPED', (entry) => expectTypeOf(entry.timeInterval.end).toEqualTypeOf<string>());
        ctx.webhooks.on('NEW_PROJECT', (project, { installation, api }) => {
          expectTypeOf(project.hourlyRate).toEqualTypeOf<{ amount: number; currency?: string } | null>();
          expectTypeOf(installation.workspaceId).toEqualTypeOf<string>();
          expectTypeOf(api.get).parameter(0).toEqualTypeOf<string>();
          expectTypeOf(api.workspaceId).toEqualTypeOf<string>();
        });
      },
    });
  });
});

describe('choosing the events', () => {
  const late = definePlugin({ name: 'late', setup: (ctx) => ctx.webhooks.on('TIMER_STOPPED', () => undefined) });

  it('gives events listed in options and handled by plugins set up after it a route and a manifest entry, at the configured path', async () => {
    const { addon } = await createTestAddon({
      plugins: [
        { plugin: authPlugin },
        { plugin: webhooksPlugin, options: { events: ['NEW_TAG'], paths: { TIMER_STOPPED: '/hooks/stopped' } } },
        { plugin: late },
      ],
    });
    expect(addon.manifest().webhooks).toEqual([
      { event: 'TIMER_STOPPED', path: '/hooks/stopped' },
      { event: 'NEW_TAG', path: '/webhooks/new-tag' },
    ]);
    const unsigned = await addon.app.request('/hooks/stopped', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    await addon.close();
  });

  it('fails the boot with MANIFEST_INVALID explaining how to choose when events: all asks for 51 webhooks', async () => {
    const boot = createTestAddon({ plugins: [{ plugin: authPlugin }, { plugin: webhooksPlugin, options: { events: 'all' } }] });
    await expect(boot).rejects.toMatchObject({ code: 'MANIFEST_INVALID', location: { plugin: 'webhooks' } });
    await expect(boot).rejects.toThrow(/all 51 webhook events, but Clockify accepts at most 10 .*list them in the webhooks plugin options/);
  });

  it('fails the boot naming handled and listed events when together they exceed 10', async () => {
    const many = definePlugin({
      name: 'many',
      setup(ctx) {
        for (const event of ['NEW_TAG', 'TAG_UPDATED', 'TAG_DELETED'] as const) ctx.webhooks.on(event, () => undefined);
      },
    });
    const listed = [
      'NEW_CLIENT',
      'CLIENT_UPDATED',
      'CLIENT_DELETED',
      'NEW_TASK',
      'TASK_UPDATED',
      'TASK_DELETED',
      'NEW_PROJECT',
      'PROJECT_UPDATED',
    ];
    const boot = createTestAddon({
      plugins: [{ plugin: authPlugin }, { plugin: webhooksPlugin, options: { events: listed } }, { plugin: many }],
    });
    await expect(boot).rejects.toThrow(
      /subscribes to 11 webhook events, 3 handled by plugins \(NEW_TAG, TAG_UPDATED, TAG_DELETED\), 8 more listed/,
    );
  });
});
