import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../runtime/index.js';
import { defaultWebhookPath, manifestWebhooks, subscriptions } from './subscriptions.js';

describe('subscriptions', () => {
  it('names each route after its event unless a path is configured', () => {
    expect(defaultWebhookPath('NEW_TIME_ENTRY')).toBe('/webhooks/new-time-entry');
    expect(
      subscriptions({ events: ['NEW_TAG', 'TIMER_STOPPED'], paths: { NEW_TAG: '/hooks/tag' } }, ['TIMER_STOPPED', 'NEW_CLIENT']),
    ).toEqual([
      { event: 'TIMER_STOPPED', path: '/webhooks/timer-stopped' },
      { event: 'NEW_CLIENT', path: '/webhooks/new-client' },
      { event: 'NEW_TAG', path: '/hooks/tag' },
    ]);
  });

  it('refuses events: all with MANIFEST_INVALID at the plugin options', () => {
    const config = buildConfig({ key: 'k-1', name: 'n', baseUrl: 'http://127.0.0.1', plugins: ['auth', 'webhooks'] }, { env: {} });
    const options = {
      events: 'all' as const,
      paths: {},
      maxBodyBytes: 1,
      adminPath: '/a',
      dispatch: {} as never,
      retention: { days: 7, intervalMs: 1000 },
    };
    expect(() => manifestWebhooks(options, [], config)).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', location: expect.objectContaining({ path: 'plugins[1].options.events' }) }),
    );
    expect(manifestWebhooks({ ...options, events: [] }, ['NEW_TAG'], config)).toEqual([{ event: 'NEW_TAG', path: '/webhooks/new-tag' }]);
  });
});
