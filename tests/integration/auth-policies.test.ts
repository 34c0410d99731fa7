import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authPlugin from '../../plugins/auth/index.js';
import {
  type AddonHandler,
  type ClockifyClaims,
  definePlugin,
  type InstallationRecord,
  installationsKey,
  readJsonBody,
} from '../../runtime/index.js';
import { createTokenMinter, type TokenMinter } from '../../runtime/testkit/mint-token.js';
import { publicKeyAsSecretToken, unsignedToken } from '../helpers/forged-tokens.js';
import { createTestAddon, startTestAddon, type TestAddon } from '../helpers/start-addon.js';

const WORKSPACE = 'ws-main';
const ADDON_ID = 'addon-main';
const identity = { addonKey: 'test-addon', workspaceId: WORKSPACE, addonId: ADDON_ID };

/** One route per policy; each answers with the claims its policy admitted. */
const probe = definePlugin({
  name: 'probe',
  setup(ctx) {
    const echo: AddonHandler = (c) => c.json({ claims: c.get('clockify') });
    ctx.route('POST', '/lifecycle/installed', async (c) => c.json({ claims: c.get('clockify'), body: await readJsonBody(c) }), {
      auth: 'lifecycle',
    });
    ctx.route('POST', '/webhooks/new-time-entry', echo, { auth: 'webhook', meta: { event: 'NEW_TIME_ENTRY' } });
    ctx.route('POST', '/webhooks/new-project', echo, { auth: 'webhook', meta: { event: 'NEW_PROJECT' } });
    ctx.route('GET', '/ui/sidebar', echo, { auth: 'user' });
    ctx.route('POST', '/ui/settings', echo, { auth: 'admin' });
  },
});

function installation(overrides: Partial<InstallationRecord> = {}): InstallationRecord {
  return {
    workspaceId: WORKSPACE,
    addonId: ADDON_ID,
    status: 'ACTIVE',
    authToken: 'sealed-at-rest',
    webhookTokens: {},
    installedAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

let minter: TokenMinter;
let stranger: TokenMinter;
let test: TestAddon;
let timeEntryToken: string;
let projectToken: string;
/** Every token sent in this suite; none may appear in a log line or a response. */
const sent = new Set<string>();

async function call(path: string, init: { method?: string; token?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const { method = 'POST', token, headers = {}, body } = init;
  if (token) sent.add(token);
  const response = await fetch(`${test.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  for (const secret of sent) expect(text).not.toContain(secret);
  const json = JSON.parse(text) as { error?: { code: string; message: string }; claims?: ClockifyClaims; body?: unknown };
  return { status: response.status, headers: response.headers, json, code: json.error?.code };
}

const lifecycle = (token: string, body: unknown = { workspaceId: WORKSPACE, addonId: ADDON_ID }, header = 'X-Addon-Lifecycle-Token') =>
  call('/lifecycle/installed', { token, headers: { [header]: token }, body });
const webhook = (path: string, token: string, event: string, body: unknown = { id: 'te-1', workspaceId: WORKSPACE }) =>
  call(path, { token, headers: { 'Clockify-Signature': token, 'Clockify-Webhook-Event-Type': event }, body });
const sidebar = (token: string) => call(`/ui/sidebar?auth_token=${encodeURIComponent(token)}`, { method: 'GET', token });

beforeAll(async () => {
  minter = await createTokenMinter(identity);
  stranger = await createTokenMinter(identity);
  test = await startTestAddon({
    config: { auth: { publicKeys: [minter.publicKeyPem] } },
    plugins: [{ plugin: authPlugin, options: { rateLimit: { perIpPerSecond: 10_000, perWorkspacePerSecond: 10_000 } } }, { plugin: probe }],
  });
  timeEntryToken = await minter.webhookToken();
  projectToken = await minter.webhookToken({ iat: 1 });
  const installations = test.addon.inject(installationsKey);
  await installations.save(
    installation({
      // One key as the manifest path, one as the full URL Clockify's INSTALLED samples use.
      webhookTokens: { '/webhooks/new-time-entry': timeEntryToken, 'https://addon.example.com/webhooks/new-project': projectToken },
    }),
  );
  await installations.save(installation({ workspaceId: 'ws-off', status: 'INACTIVE', webhookTokens: { '/webhooks/new-time-entry': 'x' } }));
});

afterAll(async () => {
  await test?.close();
});

describe('any policy, given a bad token', () => {
  it('answers 401 TOKEN_MISSING when no token is sent', async () => {
    expect(await call('/ui/sidebar', { method: 'GET' })).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
    expect(await call('/lifecycle/installed', { body: {} })).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
    const noSignature = await call('/webhooks/new-time-entry', { headers: { 'clockify-webhook-event-type': 'NEW_TIME_ENTRY' }, body: {} });
    expect(noSignature).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
  });

  it('answers 401 TOKEN_MALFORMED to garbage', async () => {
    expect(await sidebar('garbage.token')).toMatchObject({ status: 401, code: 'TOKEN_MALFORMED' });
  });

  it('answers 401 TOKEN_ALGORITHM_REJECTED to an unsigned token (alg none)', async () => {
    const unsigned = unsignedToken({ iss: 'clockify', type: 'addon', sub: 'test-addon', ...identity });
    expect(await lifecycle(unsigned)).toMatchObject({ status: 401, code: 'TOKEN_ALGORITHM_REJECTED' });
  });

  it('answers 401 TOKEN_ALGORITHM_REJECTED to HS256 signed with the public key PEM as the secret', async () => {
    const claims = { iss: 'clockify', type: 'addon', sub: 'test-addon', workspaceId: WORKSPACE, addonId: ADDON_ID };
    const confused = await publicKeyAsSecretToken(claims, minter.publicKeyPem);
    expect(await lifecycle(confused)).toMatchObject({ status: 401, code: 'TOKEN_ALGORITHM_REJECTED' });
  });

  it('answers 401 TOKEN_SIGNATURE_INVALID to a valid signature from an untrusted key', async () => {
    expect(await sidebar(await stranger.userToken())).toMatchObject({ status: 401, code: 'TOKEN_SIGNATURE_INVALID' });
  });

  it.each([
    ['iss', { iss: 'not-clockify' }],
    ['type', { type: 'user' }],
    ['sub', { sub: 'someone-elses-addon' }],
  ])('answers 401 TOKEN_CLAIM_INVALID naming a wrong "%s"', async (claim, override) => {
    const result = await lifecycle(await minter.lifecycleToken(override));
    expect(result).toMatchObject({ status: 401, code: 'TOKEN_CLAIM_INVALID' });
    expect(result.json.error?.message).toContain(`"${claim}"`);
  });
});

describe('lifecycle policy', () => {
  it('admits a lifecycle token whose workspace and installation match the body; the handler still reads the body', async () => {
    const result = await lifecycle(await minter.lifecycleToken());
    expect(result.status).toBe(200);
    expect(result.json.claims).toEqual({ kind: 'lifecycle', workspaceId: WORKSPACE, addonId: ADDON_ID, addonKey: 'test-addon' });
    expect(result.json.body).toEqual({ workspaceId: WORKSPACE, addonId: ADDON_ID });
  });

  it('accepts the token from Clockify-Signature too', async () => {
    expect((await lifecycle(await minter.lifecycleToken(), undefined, 'clockify-signature')).status).toBe(200);
  });

  it('answers 401 TOKEN_KIND_MISMATCH to a user token', async () => {
    expect(await lifecycle(await minter.userToken())).toMatchObject({ status: 401, code: 'TOKEN_KIND_MISMATCH' });
  });

  it('answers 403 LIFECYCLE_BODY_MISMATCH when the body names another workspace or installation', async () => {
    const token = await minter.lifecycleToken();
    const otherWorkspace = await lifecycle(token, { workspaceId: 'ws-victim', addonId: ADDON_ID });
    expect(otherWorkspace).toMatchObject({ status: 403, code: 'LIFECYCLE_BODY_MISMATCH' });
    expect(otherWorkspace.json.error?.message).toContain('"workspaceId"');
    expect(await lifecycle(token, { workspaceId: WORKSPACE })).toMatchObject({ status: 403, code: 'LIFECYCLE_BODY_MISMATCH' });
  });
});

describe('webhook policy', () => {
  it('admits the token stored for this webhook, keyed by path or by full URL', async () => {
    const timeEntry = await webhook('/webhooks/new-time-entry', timeEntryToken, 'NEW_TIME_ENTRY');
    expect(timeEntry.status).toBe(200);
    expect(timeEntry.json.claims).toMatchObject({ kind: 'webhook', workspaceId: WORKSPACE, addonId: ADDON_ID });
    expect((await webhook('/webhooks/new-project', projectToken, 'NEW_PROJECT')).status).toBe(200);
  });

  it('answers 400 WEBHOOK_EVENT_MISMATCH when the event header is not the route’s event', async () => {
    const result = await webhook('/webhooks/new-time-entry', timeEntryToken, 'NEW_PROJECT');
    expect(result).toMatchObject({ status: 400, code: 'WEBHOOK_EVENT_MISMATCH' });
  });

  it('answers 401 WEBHOOK_TOKEN_MISMATCH to a genuine token stored for another webhook', async () => {
    const result = await webhook('/webhooks/new-time-entry', projectToken, 'NEW_TIME_ENTRY');
    expect(result).toMatchObject({ status: 401, code: 'WEBHOOK_TOKEN_MISMATCH' });
  });

  it('answers 401 TOKEN_KIND_MISMATCH to a user token', async () => {
    const result = await webhook('/webhooks/new-time-entry', await minter.userToken(), 'NEW_TIME_ENTRY');
    expect(result).toMatchObject({ status: 401, code: 'TOKEN_KIND_MISMATCH' });
  });

  it('answers by the state of the installation: unknown, replaced or inactive', async () => {
    const unknown = await minter.webhookToken({ workspaceId: 'ws-nobody' });
    expect(await webhook('/webhooks/new-time-entry', unknown, 'NEW_TIME_ENTRY', {})).toMatchObject({
      status: 401,
      code: 'INSTALLATION_UNKNOWN',
    });
    const earlier = await minter.webhookToken({ addonId: 'addon-before-reinstall' });
    expect(await webhook('/webhooks/new-time-entry', earlier, 'NEW_TIME_ENTRY')).toMatchObject({
      status: 401,
      code: 'INSTALLATION_MISMATCH',
    });
    const inactive = await minter.webhookToken({ workspaceId: 'ws-off' });
    expect(await webhook('/webhooks/new-time-entry', inactive, 'NEW_TIME_ENTRY', {})).toMatchObject({
      status: 403,
      code: 'INSTALLATION_INACTIVE',
    });
  });

  it('answers 403 WEBHOOK_BODY_MISMATCH when the body names another workspace', async () => {
    const result = await webhook('/webhooks/new-time-entry', timeEntryToken, 'NEW_TIME_ENTRY', { workspaceId: 'ws-victim' });
    expect(result).toMatchObject({ status: 403, code: 'WEBHOOK_BODY_MISMATCH' });
  });
});

describe('user and admin policies', () => {
  it('admits a user token from the query, a Bearer header or X-Addon-Token, with typed claims', async () => {
    const token = await minter.userToken({ workspaceRole: 'TEAM_MANAGER' });
    const result = await sidebar(token);
    expect(result.status).toBe(200);
    expect(result.json.claims).toMatchObject({ kind: 'user', workspaceRole: 'TEAM_MANAGER', language: 'EN', theme: 'DEFAULT' });
    expect(result.json.claims?.expiresAt).toBeGreaterThan(Date.now() / 1000);
    for (const headers of [{ Authorization: `Bearer ${token}` }, { 'x-addon-token': token }] as Record<string, string>[]) {
      expect((await call('/ui/sidebar', { method: 'GET', headers })).status).toBe(200);
    }
  });

  it('answers 401 TOKEN_EXPIRED to an expired user token', async () => {
    expect(await sidebar(await minter.userToken({}, -300))).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('answers 401 TOKEN_KIND_MISMATCH to a never-expiring installation or webhook token', async () => {
    expect(await sidebar(await minter.installationToken())).toMatchObject({ status: 401, code: 'TOKEN_KIND_MISMATCH' });
    expect(await sidebar(timeEntryToken)).toMatchObject({ status: 401, code: 'TOKEN_KIND_MISMATCH' });
  });

  it('answers 403 INSTALLATION_INACTIVE to a user of a switched-off installation', async () => {
    expect(await sidebar(await minter.userToken({ workspaceId: 'ws-off' }))).toMatchObject({ status: 403, code: 'INSTALLATION_INACTIVE' });
  });

  it('admits workspace owners and admins to admin routes and answers 403 ADMIN_REQUIRED to others', async () => {
    const as = async (workspaceRole: string) => {
      const token = await minter.userToken({ workspaceRole });
      return call('/ui/settings', { token, headers: { authorization: `Bearer ${token}` } });
    };
    expect((await as('OWNER')).status).toBe(200);
    expect((await as('WORKSPACE_ADMIN')).status).toBe(200);
    expect(await as('TEAM_MANAGER')).toMatchObject({ status: 403, code: 'ADMIN_REQUIRED' });
  });
});

describe('logging', () => {
  it('logs each rejection at warn with its policy, code and request id', async () => {
    const expired = await minter.userToken({}, -300);
    const answer = await call(`/ui/sidebar?auth_token=${expired}`, {
      method: 'GET',
      token: expired,
      headers: { 'X-Request-ID': 'req-expired' },
    });
    expect(answer.code).toBe('TOKEN_EXPIRED');
    const line = test.logs.records().find((record) => record.msg === 'auth rejected' && record.requestId === 'req-expired');
    expect(line).toMatchObject({ level: 40, policy: 'user', route: 'GET /ui/sidebar', status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('never writes a token it was sent, accepted or rejected, in any log line', async () => {
    // Sent here too, so the check holds when this test runs alone.
    await sidebar(await minter.userToken());
    await lifecycle(await minter.userToken({ language: 'DE' }));
    await webhook('/webhooks/new-time-entry', projectToken, 'NEW_TIME_ENTRY');
    const text = test.logs.text();
    expect(sent.size).toBeGreaterThanOrEqual(3);
    for (const token of sent) {
      const [, payload = '', signature = ''] = token.split('.');
      expect(text).not.toContain(token);
      if (payload.length > 16) expect(text).not.toContain(payload);
      if (signature.length > 16) expect(text).not.toContain(signature);
    }
  });
});

describe('inbound rate limits', () => {
  let limited: TestAddon;
  beforeAll(async () => {
    limited = await startTestAddon({
      config: { auth: { publicKeys: [minter.publicKeyPem] } },
      plugins: [{ plugin: authPlugin, options: { rateLimit: { perIpPerSecond: 3, perWorkspacePerSecond: 3 } } }, { plugin: probe }],
    });
    await limited.addon.inject(installationsKey).save(installation());
  });
  afterAll(() => limited?.close());

  it('answers 429 RATE_LIMITED with Retry-After once a workspace exceeds its requests per second', async () => {
    const token = await minter.userToken();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${limited.url}/ui/sidebar`, { headers: { authorization: `Bearer ${token}` } })),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused[0]?.json()) as unknown).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('refuses a client address whose tokens keep failing, before reading its next token', async () => {
    const garbage = () => fetch(`${limited.url}/ui/sidebar`, { headers: { authorization: 'Bearer nope' } });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await garbage()).status).toBe(401);
    const refused = await garbage();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Refused before its token is read: a valid one from the same address waits out the window too.
    const valid = await fetch(`${limited.url}/ui/sidebar`, {
      headers: { authorization: `Bearer ${await minter.userToken({ theme: 'DARK' })}` },
    });
    expect(valid.status).toBe(429);
    expect(((await valid.json()) as { error: { message: string } }).error.message).toContain('client address');
  });
});

describe('trusted keys and route facts at boot', () => {
  it('trusts Clockify’s published key by default, so a foreign token fails on its signature, not on configuration', async () => {
    const plain = await startTestAddon({ plugins: [{ plugin: authPlugin }, { plugin: probe }] });
    try {
      const token = await minter.userToken();
      const answer = await fetch(`${plain.url}/ui/sidebar`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('TOKEN_SIGNATURE_INVALID');
    } finally {
      await plain.close();
    }
  });

  it('fails the boot with AUTH_KEY_INVALID naming a configured key that does not load', async () => {
    const boot = createTestAddon({ config: { auth: { publicKeys: ['./missing-key.pem'] } }, plugins: [{ plugin: authPlugin }] });
    await expect(boot).rejects.toMatchObject({ code: 'AUTH_KEY_INVALID', location: { path: 'auth.publicKeys[0]' } });
  });

  it('fails the boot with ROUTE_META_INVALID when a webhook route names no event', async () => {
    const careless = definePlugin({
      name: 'careless',
      setup: (ctx) => ctx.route('POST', '/webhooks/something', (c) => c.body(null, 204), { auth: 'webhook' }),
    });
    const boot = createTestAddon({ plugins: [{ plugin: authPlugin }, { plugin: careless }] });
    await expect(boot).rejects.toMatchObject({ code: 'ROUTE_META_INVALID', location: { plugin: 'careless' } });
  });
});
