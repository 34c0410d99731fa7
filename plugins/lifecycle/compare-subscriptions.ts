import type { AddonWebhook } from './fetch-addon-webhooks.js';

export interface ExpectedWebhook {
  event: string;
  /** Manifest path, relative to the base URL. */
  path: string;
}

/** `unknown` when Clockify could not be asked. */
export type SubscriptionState = 'ok' | 'missing' | 'disabled' | 'unknown';

export interface SubscriptionStatus {
  event: string;
  path: string;
  /** Where Clockify should deliver it: base URL + path. */
  url: string;
  state: SubscriptionState;
}

export interface SubscriptionComparison {
  webhooks: SubscriptionStatus[];
  /** Subscriptions Clockify holds for the installation that the manifest does not ask for (e.g. an old base URL). */
  unexpected: AddonWebhook[];
}

/**
 * Matches each manifest webhook with Clockify's subscriptions by event and delivery URL. A subscription whose URL
 * points elsewhere (the base URL changed since install) delivers nowhere useful, so it leaves the webhook missing.
 */
export function compareSubscriptions(
  expected: readonly ExpectedWebhook[],
  actual: readonly AddonWebhook[],
  baseUrl: string,
): SubscriptionComparison {
  const used = new Set<AddonWebhook>();
  const webhooks = expected.map(({ event, path }) => {
    const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
    const matches = actual.filter((webhook) => webhook.webhookEvent === event && sameUrl(webhook.url, url));
    for (const match of matches) used.add(match);
    const state: SubscriptionState = matches.length === 0 ? 'missing' : matches.some((match) => match.enabled) ? 'ok' : 'disabled';
    return { event, path, url, state };
  });
  return { webhooks, unexpected: actual.filter((webhook) => !used.has(webhook)) };
}

function sameUrl(left: string, right: string): boolean {
  const canonical = (value: string) => {
    try {
      const url = new URL(value);
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      return value;
    }
  };
  return canonical(left) === canonical(right);
}
