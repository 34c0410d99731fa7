import { describe, expect, it } from 'vitest';
import { compareSubscriptions } from './compare-subscriptions.js';

const base = 'https://addon.example.com/kit';
const expected = [
  { event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' },
  { event: 'NEW_PROJECT', path: '/webhooks/new-project' },
  { event: 'TIMER_STOPPED', path: '/webhooks/timer-stopped' },
];

describe('compareSubscriptions', () => {
  it('marks each manifest webhook ok, disabled or missing and lists the strays', () => {
    const { webhooks, unexpected } = compareSubscriptions(
      expected,
      [
        { webhookEvent: 'NEW_TIME_ENTRY', url: `${base}/webhooks/new-time-entry/`, enabled: true },
        { webhookEvent: 'NEW_PROJECT', url: `${base}/webhooks/new-project`, enabled: false },
        { webhookEvent: 'TIMER_STOPPED', url: 'https://old-tunnel.example/kit/webhooks/timer-stopped', enabled: true },
      ],
      `${base}/`,
    );
    expect(webhooks.map((webhook) => [webhook.event, webhook.state])).toEqual([
      ['NEW_TIME_ENTRY', 'ok'],
      ['NEW_PROJECT', 'disabled'],
      ['TIMER_STOPPED', 'missing'],
    ]);
    expect(webhooks[0]?.url).toBe(`${base}/webhooks/new-time-entry`);
    expect(unexpected).toEqual([
      { webhookEvent: 'TIMER_STOPPED', url: 'https://old-tunnel.example/kit/webhooks/timer-stopped', enabled: true },
    ]);
  });

  it('counts a webhook as ok when one of several subscriptions for it is enabled', () => {
    const url = `${base}/webhooks/new-project`;
    const { webhooks } = compareSubscriptions(
      [expected[1]!],
      [
        { webhookEvent: 'NEW_PROJECT', url, enabled: false },
        { webhookEvent: 'NEW_PROJECT', url, enabled: true },
      ],
      base,
    );
    expect(webhooks[0]?.state).toBe('ok');
  });

  it('does not match a subscription of another event on the same URL', () => {
    const { webhooks, unexpected } = compareSubscriptions(
      [expected[0]!],
      [{ webhookEvent: 'TIME_ENTRY_UPDATED', url: `${base}/webhooks/new-time-entry`, enabled: true }],
      base,
    );
    expect(webhooks[0]?.state).toBe('missing');
    expect(unexpected).toHaveLength(1);
  });
});
