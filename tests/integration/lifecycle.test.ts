import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import auth from '../../plugins/auth/index.js';
import lifecycle from '../../plugins/lifecycle/index.js';
import { definePlugin, installationsKey, LIFECYCLE_TYPES, type LifecycleType } from '../../runtime/index.js';
import { createTokenMinter, type TokenMinter } from '../../runtime/testkit/mint-token.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { type FakeAddonWebhooksApi, startFakeAddonWebhooksApi } from '../helpers/fake-addon-webhooks-api.js';
import { publicKeyAsSecretToken, unsignedToken } from '../helpers/forged-tokens.js';
import { createLifecycleClient, type LifecycleClient, sampleBody, samplesPresent } from '../helpers/lifecycle-calls.js';
import { D, type Expected, expectedAfter, I, off, on, S, type Step, shuffled, twice } from '../helpers/lifecycle-scenarios.js';
import { startTestAddon, type TestAddon } from '../helpers/start-addon.js';

if (!samplesPresent) {
  console.warn('../shared/clockify/samples/lifecycle/ is absent: bodies use minimal shapes and the sample-body case is skipped');
}

const BASE_URL = 'http://127.0.0.1:8080';
const MANIFEST_WEBHOOKS = [
  { event: 'NEW_PROJECT', path: '/webhooks/new-project' },
  { event: 'NEW_TAG', path: '/webhooks/new-tag' },
  { event: 'NEW_CLIENT', path: '/webhooks/new-client' },
] as const;

const SCENARIOS: [string, Step[]][] = [
  ['install → settings → inactive → active → delete, each step repeated', twice(I(), S(), off(), on(), D())],
  ['install → settings → inactive → active, each step repeated', twice(I(), S(), off(), on())],
  ['a repeated INSTALLED after INACTIVE keeps it inactive and keeps the settings', [I(), S(), off(), I()]],
  ['DELETED, then a late STATUS_CHANGED and SETTINGS_UPDATED', [I(), D(), on(), S()]],
  ['DELETED, then a late repeat of INSTALLED', [I(), D(), I()]],
  ['DELETED before its INSTALLED', [D(), I()]],
  ['reinstall with a new addonId, then a stale DELETED of the old one', [I('A'), I('B'), D('A')]],
  ['reinstall, then a stale STATUS_CHANGED and SETTINGS_UPDATED of the old one', [I('A'), I('B'), off('A'), S('A')]],
  ['uninstall then reinstall, in order', [I('A'), S('A'), D('A'), I('B')]],
  ['settings and status before INSTALLED are ignored', [S(), off(), I()]],
];

const SHUFFLE_SEEDS = [1, 2, 3, 4, 5, 6];
const SHUFFLE_STEPS = [I(), I(), S(), off(), on(), D(), D(), I('B'), off('B')];

describe.each(databaseKinds)('lifecycle plugin on $name', ({ name, create }) => {
  let database: TestDatabase;
  let api: FakeAddonWebhooksApi;
  let minter: TokenMinter;
  let stranger: TokenMinter;
  let test: TestAddon;
  let client: LifecycleClient;
  const secrets: string[] = [];
  const handlerCalls: { type: LifecycleType; workspaceId: string; addonId: string }[] = [];
  let workspaceCount = 0;
  const newWorkspace = (label: string) => `${name}-${label}-${++workspaceCount}`.slice(0, 64);
  const addonIdOf = (workspaceId: string, addon: 'A' | 'B') => `${workspaceId}-addon-${addon}`.slice(-64);

  const recorder = definePlugin({
    name: 'recorder',
    manifest: () => ({ webhooks: MANIFEST_WEBHOOKS.map((webhook) => ({ ...webhook })) }),
    setup(ctx) {
      for (const type of LIFECYCLE_TYPES) {
        ctx.lifecycle.on(type, (payload, context) => {
          handlerCalls.push({ type, workspaceId: context.workspaceId, addonId: payload.addonId });
          if (type === 'DELETED' && context.workspaceId.includes('-boom-')) throw new Error('purge failed');
        });
      }
    },
  });

  beforeAll(async () => {
    database = await create();
    api = await startFakeAddonWebhooksApi();
    minter = await createTokenMinter({ addonKey: 'test-addon', workspaceId: 'unused', addonId: 'unused' });
    stranger = await createTokenMinter({ addonKey: 'test-addon', workspaceId: 'unused', addonId: 'unused' });
    test = await startTestAddon({
      databaseUrl: database.url,
      config: { baseUrl: BASE_URL, auth: { publicKeys: [minter.publicKeyPem] }, clockify: { devHosts: ['127.0.0.1:*'] } },
      plugins: [
        { plugin: auth, options: { rateLimit: { perIpPerSecond: 1000, perWorkspacePerSecond: 100_000 } } },
        { plugin: lifecycle, options: { subscriptionCheck: { delayAfterInstallMs: 0 } } },
        { plugin: recorder },
      ],
    });
    client = createLifecycleClient(test.url, minter);
  });

  afterAll(async () => {
    await test?.close();
    await api?.close();
    await database?.drop();
  });

  async function tokensFor(workspaceId: string, addonId: string) {
    const tokens = {
      authToken: await minter.installationToken({ workspaceId, addonId, backendUrl: api.apiUrl }),
      project: await minter.webhookToken({ workspaceId, addonId, sub: `test-addon-project-${addonId}` }),
      tag: await minter.webhookToken({ workspaceId, addonId, sub: `test-addon-tag-${addonId}` }),
    };
    secrets.push(...Object.values(tokens));
    return tokens;
  }

  async function bodyOf(step: Step, workspaceId: string): Promise<Record<string, unknown>> {
    const addonId = addonIdOf(workspaceId, step.addon);
    const base = { ...sampleBody(step.type), workspaceId, addonId };
    if (step.type === 'STATUS_CHANGED') return { ...base, status: step.status };
    if (step.type === 'SETTINGS_UPDATED') return { ...base, settings: settingsOf(addonId) };
    if (step.type !== 'INSTALLED') return base;
    const tokens = await tokensFor(workspaceId, addonId);
    return {
      ...base,
      authToken: tokens.authToken,
      apiUrl: api.apiUrl,
      // One webhook as a full URL (Clockify's example), one as the manifest path (its docs).
      webhooks: [
        { path: `${BASE_URL}/webhooks/new-project`, webhookType: 'ADDON', authToken: tokens.project },
        { path: '/webhooks/new-tag', webhookType: 'ADDON', authToken: tokens.tag },
      ],
    };
  }

  function settingsOf(addonId: string) {
    const sample = (sampleBody('SETTINGS_UPDATED').settings as unknown[] | undefined) ?? [];
    return [...sample, { id: 'marker', name: 'Marker', value: addonId }];
  }

  async function run(steps: readonly Step[], workspaceId: string): Promise<Record<string, Record<string, unknown>>> {
    const bodies: Record<string, Record<string, unknown>> = {};
    for (const step of steps) {
      const body = await bodyOf(step, workspaceId);
      if (step.type === 'INSTALLED') bodies[step.addon] = body;
      const response = await client.send(step.type, body);
      expect(response.status, `${step.type} ${step.addon}`).toBe(200);
      expect(await response.json()).toMatchObject({ type: step.type, result: expect.stringMatching(/^(applied|ignored)$/) });
    }
    return bodies;
  }

  async function rawRow(workspaceId: string): Promise<Record<string, unknown> | undefined> {
    const connection = test.addon.store.em().getConnection();
    const rows = await connection.execute<Record<string, unknown>[]>('select * from installation where workspace_id = ?', [workspaceId]);
    return rows[0];
  }

  async function expectStored(
    workspaceId: string,
    expected: Expected['current'],
    installedBodies: Record<string, Record<string, unknown>>,
  ) {
    const record = await test.addon.inject(installationsKey).find(workspaceId);
    if (!expected) {
      expect(record).toBeNull();
      expect(await rawRow(workspaceId)).toBeUndefined();
      return;
    }
    const body = installedBodies[expected.addon] as { authToken: string; webhooks: { authToken: string }[] };
    expect(record).toMatchObject({
      workspaceId,
      addonId: addonIdOf(workspaceId, expected.addon),
      status: expected.status,
      authToken: body.authToken,
      apiUrl: api.apiUrl,
      webhookTokens: { '/webhooks/new-project': body.webhooks[0]?.authToken, '/webhooks/new-tag': body.webhooks[1]?.authToken },
    });
    expect(record?.settings).toEqual(expected.settings ? settingsOf(addonIdOf(workspaceId, expected.addon)) : undefined);
    const row = JSON.stringify(await rawRow(workspaceId));
    for (const secret of [body.authToken, ...body.webhooks.map((webhook) => webhook.authToken)]) expect(row).not.toContain(secret);
    expect(row).toMatch(/"auth_token":"v1\./);
  }

  const deletedCallsFor = (workspaceId: string) =>
    handlerCalls.filter((call) => call.type === 'DELETED' && call.workspaceId === workspaceId).length;

  it('contributes the four lifecycle paths to the manifest', async () => {
    const manifest = await (await fetch(`${test.url}/manifest`)).json();
    expect(manifest.lifecycle).toEqual([
      { type: 'INSTALLED', path: '/lifecycle/installed' },
      { type: 'DELETED', path: '/lifecycle/deleted' },
      { type: 'STATUS_CHANGED', path: '/lifecycle/status-changed' },
      { type: 'SETTINGS_UPDATED', path: '/lifecycle/settings-updated' },
    ]);
  });

  it.each(SCENARIOS)('%s', async (_title, steps) => {
    const workspaceId = newWorkspace('scenario');
    const bodies = await run(steps, workspaceId);
    const expected = expectedAfter(steps);
    await expectStored(workspaceId, expected.current, bodies);
    expect(deletedCallsFor(workspaceId)).toBe(expected.deletedCalls);
  });

  it.each(SHUFFLE_SEEDS)('ends in the expected state for shuffled, repeated calls (seed %i)', async (seed) => {
    const workspaceId = newWorkspace(`shuffle-${seed}`);
    const steps = shuffled(SHUFFLE_STEPS, seed);
    const bodies = await run(steps, workspaceId);
    const expected = expectedAfter(steps);
    await expectStored(workspaceId, expected.current, bodies);
    expect(deletedCallsFor(workspaceId), steps.map((step) => `${step.type}:${step.addon}`).join(' ')).toBe(expected.deletedCalls);
  });

  it.skipIf(!samplesPresent)('accepts each of Clockify’s sample bodies with only ids, tokens and URL filled in', async () => {
    const workspaceId = newWorkspace('samples');
    const addonId = addonIdOf(workspaceId, 'A');
    const ids = { workspaceId, addonId };
    const installed: Record<string, unknown> = {
      ...sampleBody('INSTALLED'),
      ...ids,
      authToken: (await tokensFor(workspaceId, addonId)).authToken,
      apiUrl: api.apiUrl,
    };
    const answers = [];
    for (const [type, body] of [
      ['INSTALLED', installed],
      ['SETTINGS_UPDATED', { ...sampleBody('SETTINGS_UPDATED'), ...ids }],
      ['STATUS_CHANGED', { ...sampleBody('STATUS_CHANGED'), ...ids }],
    ] as const) {
      answers.push(await (await client.send(type, body)).json());
    }
    expect(answers.map((answer) => answer.change)).toEqual(['created', 'settings', 'status']);
    // The sample's webhook path is a full URL on another host: stored under its path part.
    const record = await test.addon.inject(installationsKey).find(workspaceId);
    expect(record).toMatchObject({ status: 'INACTIVE', asUser: installed.asUser, addonUserId: installed.addonUserId });
    expect(Object.keys(record?.webhookTokens ?? {})).toEqual(['/webhook']);
    expect(record?.settings).toEqual(sampleBody('SETTINGS_UPDATED').settings);
  });

  it.each(['STATUS_CHANGED', 'SETTINGS_UPDATED', 'DELETED'] as const)(
    'answers %s for an unknown installation with 200 "ignored" and changes nothing',
    async (type) => {
      const workspaceId = newWorkspace('unknown');
      const response = await client.send(type, await bodyOf({ type, addon: 'A', status: 'INACTIVE' }, workspaceId));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ type, result: 'ignored', reason: 'UNKNOWN_INSTALLATION' });
      expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
      expect(handlerCalls.filter((call) => call.workspaceId === workspaceId)).toEqual([]);
      const logged = test.logs.records().find((line) => line.workspaceId === workspaceId && line.result === 'ignored');
      expect(logged).toMatchObject({
        type,
        reason: 'UNKNOWN_INSTALLATION',
        plugin: 'lifecycle',
        requestId: response.headers.get('x-request-id'),
      });
    },
  );

  it('refuses a body over 1 MB with 413 and stores nothing', async () => {
    const workspaceId = newWorkspace('oversized');
    const body = { ...(await bodyOf(I(), workspaceId)), padding: 'x'.repeat(1_100_000) };
    const response = await client.send('INSTALLED', body, { closeConnection: true });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
  });

  it('refuses malformed JSON with 400 and stores nothing', async () => {
    const workspaceId = newWorkspace('malformed');
    const response = await client.send('INSTALLED', { workspaceId, addonId: 'a' }, { rawBody: `{"workspaceId":"${workspaceId}",` });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_JSON');
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
  });

  it('refuses a body that misses fields with 400 INVALID_LIFECYCLE_BODY naming them, and stores nothing', async () => {
    const workspaceId = newWorkspace('invalid');
    const { authToken: _dropped, ...body } = await bodyOf(I(), workspaceId);
    const response = await client.send('INSTALLED', { ...body, webhooks: [{ path: '/x' }] });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('INVALID_LIFECYCLE_BODY');
    expect(error.details.errors).toEqual(
      expect.arrayContaining([
        { field: '/authToken', message: 'is required' },
        { field: '/webhooks/0/authToken', message: 'is required' },
      ]),
    );
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
  });

  it('rejects a lifecycle token issued for another workspace than the body’s, and stores nothing', async () => {
    const workspaceId = newWorkspace('mismatch');
    const body = await bodyOf(I(), workspaceId);
    const token = await minter.lifecycleToken({ workspaceId: `${workspaceId}-other`, addonId: String(body.addonId) });
    const response = await client.send('INSTALLED', body, { token });
    expect([401, 403]).toContain(response.status);
    expect((await response.json()).error.code).toEqual(expect.any(String));
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
    expect(await test.addon.inject(installationsKey).find(`${workspaceId}-other`)).toBeNull();
  });

  // The adversarial tokens of the trust-boundary issue, against the real INSTALLED route: each is refused with its
  // status and code, and the store holds nothing for the workspace afterwards.
  const badTokens: [string, number, string, (workspaceId: string, addonId: string) => Promise<string>][] = [
    ['no token', 401, 'TOKEN_MISSING', async () => ''],
    ['garbage', 401, 'TOKEN_MALFORMED', async () => 'not.a.token'],
    [
      'alg none',
      401,
      'TOKEN_ALGORITHM_REJECTED',
      async (workspaceId, addonId) => unsignedToken({ iss: 'clockify', type: 'addon', sub: 'test-addon', workspaceId, addonId }),
    ],
    [
      'HS256 signed with the public key',
      401,
      'TOKEN_ALGORITHM_REJECTED',
      (workspaceId, addonId) =>
        publicKeyAsSecretToken({ iss: 'clockify', type: 'addon', sub: 'test-addon', workspaceId, addonId }, minter.publicKeyPem),
    ],
    [
      'a valid signature from an untrusted key',
      401,
      'TOKEN_SIGNATURE_INVALID',
      (workspaceId, addonId) => stranger.lifecycleToken({ workspaceId, addonId }),
    ],
    ['a wrong iss', 401, 'TOKEN_CLAIM_INVALID', (workspaceId, addonId) => minter.lifecycleToken({ workspaceId, addonId, iss: 'someone' })],
    ['a wrong type', 401, 'TOKEN_CLAIM_INVALID', (workspaceId, addonId) => minter.lifecycleToken({ workspaceId, addonId, type: 'user' })],
    [
      'a wrong sub',
      401,
      'TOKEN_CLAIM_INVALID',
      (workspaceId, addonId) => minter.lifecycleToken({ workspaceId, addonId, sub: 'other-addon' }),
    ],
    ['an expired token', 401, 'TOKEN_EXPIRED', (workspaceId, addonId) => minter.lifecycleToken({ workspaceId, addonId, exp: 1_000_000 })],
    ['a user token', 401, 'TOKEN_KIND_MISMATCH', (workspaceId, addonId) => minter.userToken({ workspaceId, addonId })],
    [
      'a token for another workspace than the body’s',
      403,
      'LIFECYCLE_BODY_MISMATCH',
      (workspaceId, addonId) => minter.lifecycleToken({ workspaceId: `${workspaceId}-other`, addonId }),
    ],
  ];

  it.each(badTokens)('refuses INSTALLED with %s (%i %s) and stores nothing', async (_name, status, code, token) => {
    const workspaceId = newWorkspace('bad-token');
    const body = await bodyOf(I(), workspaceId);
    const response = await client.send('INSTALLED', body, { token: await token(workspaceId, String(body.addonId)) });
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
  });

  it('calls another plugin’s DELETED handler once per DELETED, with the typed body, after the row is gone', async () => {
    const workspaceId = newWorkspace('handler');
    await run([I(), D(), D(), I('B'), D('B'), D('B')], workspaceId);
    const deleted = handlerCalls.filter((call) => call.type === 'DELETED' && call.workspaceId === workspaceId);
    expect(deleted).toEqual([
      { type: 'DELETED', workspaceId, addonId: addonIdOf(workspaceId, 'A') },
      { type: 'DELETED', workspaceId, addonId: addonIdOf(workspaceId, 'B') },
    ]);
  });

  it('answers 200 and keeps the deletion when a DELETED handler throws, logging the failure', async () => {
    const workspaceId = newWorkspace('boom');
    await run([I()], workspaceId);
    const response = await client.send('DELETED', await bodyOf(D(), workspaceId));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 'DELETED', result: 'applied', change: 'removed' });
    expect(await test.addon.inject(installationsKey).find(workspaceId)).toBeNull();
    const failure = test.logs.records().find((line) => line.msg === 'lifecycle handler failed' && line.workspaceId === workspaceId);
    // The handler's line belongs to the request that ran it.
    expect(failure).toMatchObject({ handlerPlugin: 'recorder', type: 'DELETED', requestId: response.headers.get('x-request-id') });
  });

  it('reports a missing and a disabled webhook subscription after INSTALLED, in the log, the gauge and the admin API', async () => {
    const workspaceId = newWorkspace('health');
    api.setWebhooks(workspaceId, [
      { webhookEvent: 'NEW_PROJECT', url: `${BASE_URL}/webhooks/new-project`, enabled: true },
      { webhookEvent: 'NEW_TAG', url: `${BASE_URL}/webhooks/new-tag`, enabled: false },
    ]);
    await run([I()], workspaceId);
    const listingPath = `/api/v1/workspaces/${workspaceId}/addons/${addonIdOf(workspaceId, 'A')}/webhooks`;
    const authToken = (await test.addon.inject(installationsKey).find(workspaceId))?.authToken;
    await expect.poll(() => api.requests.filter((request) => request.path === listingPath).length).toBe(1);
    expect(api.requests.find((request) => request.path === listingPath)?.token).toBe(authToken);
    await expect
      .poll(() =>
        test.logs.records().find((line) => line.msg === 'webhook subscriptions missing or disabled' && line.workspaceId === workspaceId),
      )
      .toMatchObject({ missing: ['NEW_CLIENT'], disabled: ['NEW_TAG'] });

    const gauge = await test.addon.registry.getSingleMetricAsString('addon_lifecycle_webhook_subscriptions');
    // Other cases' installations list no subscriptions at all, so only this workspace has an ok and a disabled one.
    expect(gauge).toContain('addon_lifecycle_webhook_subscriptions{state="disabled"} 1');
    expect(gauge).toContain('addon_lifecycle_webhook_subscriptions{state="ok"} 1');
    expect(gauge).toMatch(/state="missing"} [1-9]/);

    const admin = await minter.userToken({ workspaceId, addonId: addonIdOf(workspaceId, 'A') });
    const health = (refresh = '') =>
      fetch(`${test.url}/admin/webhooks/health${refresh}`, { headers: { Authorization: `Bearer ${admin}` } });
    const cached = await health();
    expect(cached.status).toBe(200);
    const report = await cached.json();
    expect(report).toMatchObject({ workspaceId, status: 'degraded', installationStatus: 'ACTIVE' });
    expect(report.webhooks.map((webhook: { event: string; state: string }) => [webhook.event, webhook.state])).toEqual([
      ['NEW_PROJECT', 'ok'],
      ['NEW_TAG', 'disabled'],
      ['NEW_CLIENT', 'missing'],
    ]);
    expect(api.requests.filter((request) => request.path === listingPath)).toHaveLength(1);

    api.setWebhooks(
      workspaceId,
      MANIFEST_WEBHOOKS.map(({ event, path }) => ({ webhookEvent: event, url: `${BASE_URL}${path}`, enabled: true })),
    );
    expect(await (await health('?refresh=true')).json()).toMatchObject({ status: 'ok' });
    expect(api.requests.filter((request) => request.path === listingPath)).toHaveLength(2);
  });

  it('refuses the webhook health report to a non-admin user and without a token', async () => {
    const workspaceId = newWorkspace('health-auth');
    await run([I()], workspaceId);
    const member = await minter.userToken({ workspaceId, addonId: addonIdOf(workspaceId, 'A'), workspaceRole: 'TEAM_MANAGER' });
    const asMember = await fetch(`${test.url}/admin/webhooks/health`, { headers: { Authorization: `Bearer ${member}` } });
    expect(asMember.status).toBe(403);
    expect((await fetch(`${test.url}/admin/webhooks/health`)).status).toBe(401);
  });

  it('never writes an installation or webhook token to the log', () => {
    expect(secrets.length).toBeGreaterThan(10);
    const text = test.logs.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
