import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig, createClockifyClients, type Installations } from '../../runtime/index.js';
import { type FakeAddonWebhooksApi, startFakeAddonWebhooksApi } from '../../tests/helpers/fake-addon-webhooks-api.js';
import { testConfigTree } from '../../tests/helpers/start-addon.js';
import { type CheckErrorCode, createAddonWebhooksFetcher, SubscriptionCheckError } from './fetch-addon-webhooks.js';

// The kernel's client factory as configured for a local stand-in API; `installations` is not consulted here.
const clients = createClockifyClients({
  config: buildConfig(testConfigTree({ clockify: { devHosts: ['127.0.0.1:*'] } }), { env: {} }).clockify,
  installations: {} as Installations,
});
const fetchAddonWebhooks = createAddonWebhooksFetcher(clients);

let api: FakeAddonWebhooksApi;
beforeAll(async () => {
  api = await startFakeAddonWebhooksApi();
});
afterAll(() => api.close());

const call = (overrides: Partial<Parameters<typeof fetchAddonWebhooks>[0]> = {}) =>
  fetchAddonWebhooks({
    apiUrl: api.apiUrl,
    workspaceId: 'ws 1',
    addonId: 'addon-1',
    token: 'installation-secret',
    timeoutMs: 2000,
    ...overrides,
  });

async function failure(work: Promise<unknown>): Promise<SubscriptionCheckError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SubscriptionCheckError)) throw new Error(`expected a SubscriptionCheckError, got ${String(error)}`);
  return error;
}

describe('fetchAddonWebhooks', () => {
  it('lists the installation’s subscriptions with the installation token, under the apiUrl’s path', async () => {
    api.fail({});
    api.setWebhooks('ws 1', [{ webhookEvent: 'NEW_PROJECT', url: 'https://a.example/w', enabled: false }]);
    const listing = await call();
    expect(listing).toEqual({
      webhooks: [{ webhookEvent: 'NEW_PROJECT', url: 'https://a.example/w', enabled: false }],
      workspaceWebhookCount: 1,
    });
    expect(api.requests.at(-1)).toEqual({ path: '/api/v1/workspaces/ws%201/addons/addon-1/webhooks', token: 'installation-secret' });
  });

  it.each<[string, CheckErrorCode, Partial<Parameters<typeof fetchAddonWebhooks>[0]>]>([
    ['a missing apiUrl', 'API_URL_INVALID', { apiUrl: '' }],
    ['a non-http apiUrl', 'API_URL_INVALID', { apiUrl: 'file:///etc/passwd' }],
    ['an apiUrl with credentials', 'API_URL_INVALID', { apiUrl: 'https://user:pw@api.example' }],
    ['a closed port', 'API_UNREACHABLE', { apiUrl: 'http://127.0.0.1:1/api' }],
    ['a host off the allowlist', 'API_URL_INVALID', { apiUrl: 'https://api.evil.example/api' }],
  ])('fails with %s as %s', async (_name, code, overrides) => {
    expect((await failure(call(overrides))).code).toBe(code);
  });

  it('refuses to follow a redirect, which would carry the token to another host', async () => {
    const error = await failure(call({ apiUrl: `${api.apiUrl}/redirect` }));
    expect(error.code).toBe('API_UNREACHABLE');
  });

  it('gives up after the timeout', async () => {
    api.fail({ delayMs: 500 });
    const error = await failure(call({ timeoutMs: 100 }));
    api.fail({});
    expect(error.code).toBe('API_UNREACHABLE');
  });

  it('reports a refusal with its status and never the token', async () => {
    api.fail({ status: 401 });
    const error = await failure(call());
    api.fail({});
    expect(error.code).toBe('API_REJECTED');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).not.toContain('installation-secret');
  });

  it.each([
    ['not JSON', '<html>'],
    ['without a webhook list', '{"items":[]}'],
  ])('rejects an answer %s as API_RESPONSE_INVALID', async (_name, body) => {
    api.fail({ body });
    const error = await failure(call());
    api.fail({});
    expect(error.code).toBe('API_RESPONSE_INVALID');
  });

  it('skips listed entries that lack an event or URL and reads a missing `enabled` as enabled', async () => {
    api.fail({ body: JSON.stringify({ webhooks: [{ url: 'x' }, { webhookEvent: 'NEW_TAG', url: 'https://a.example/t' }] }) });
    const listing = await call();
    api.fail({});
    expect(listing).toEqual({ webhooks: [{ webhookEvent: 'NEW_TAG', url: 'https://a.example/t', enabled: true }] });
  });
});
