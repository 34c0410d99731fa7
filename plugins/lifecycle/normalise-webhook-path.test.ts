import { describe, expect, it } from 'vitest';
import { normaliseWebhookPath, webhookTokensByPath } from './normalise-webhook-path.js';

describe('normaliseWebhookPath', () => {
  it('keeps a manifest path as it is', () => {
    expect(normaliseWebhookPath('/webhooks/new-time-entry', 'https://addon.example.com')).toBe('/webhooks/new-time-entry');
  });

  it('reduces a full URL to its path, as in Clockify’s own INSTALLED example', () => {
    expect(normaliseWebhookPath('https://example.com/webhook', 'https://example.com')).toBe('/webhook');
  });

  it('removes the base URL’s path prefix, so the key is the manifest path', () => {
    expect(normaliseWebhookPath('https://host.example/addon/webhooks/x/', 'https://host.example/addon/')).toBe('/webhooks/x');
    expect(normaliseWebhookPath('/addon/webhooks/x', 'https://host.example/addon')).toBe('/webhooks/x');
  });

  it('leaves a path that only shares the prefix’s first letters alone', () => {
    expect(normaliseWebhookPath('/addons/webhooks/x', 'https://host.example/addon')).toBe('/addons/webhooks/x');
  });

  it('drops query and fragment and adds the leading slash', () => {
    expect(normaliseWebhookPath('webhooks/x?a=1#b', 'https://host.example')).toBe('/webhooks/x');
  });
});

describe('webhookTokensByPath', () => {
  it('keys each token by its normalised path, the last entry winning', () => {
    const tokens = webhookTokensByPath(
      [
        { path: 'https://a.example/w/1', authToken: 'first' },
        { path: '/w/2', authToken: 'second' },
        { path: '/w/1', authToken: 'third' },
      ],
      'https://a.example',
    );
    expect(tokens).toEqual({ '/w/1': 'third', '/w/2': 'second' });
  });

  it('gives an empty map when INSTALLED lists no webhooks', () => {
    expect(webhookTokensByPath(undefined, 'https://a.example')).toEqual({});
  });
});
