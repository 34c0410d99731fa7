import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, MAX_WEBHOOKS, type WebhookContext, type WebhookEventName } from '../../runtime/index.js';
import { startInboxAddon, WORKSPACE } from '../helpers/webhook-addon.js';
import { REQUIRED_FIELDS, webhookSamples, webhookSamplesPresent } from '../helpers/webhook-samples.js';

if (!webhookSamplesPresent) {
  console.warn('../shared/clockify/samples/webhooks/ is absent: the sample-body cases are skipped');
}

interface Seen {
  event: WebhookEventName;
  payload: unknown;
  context: Pick<WebhookContext, 'event' | 'workspaceId' | 'eventId' | 'attempt'>;
}

function recorder(events: readonly WebhookEventName[], seen: Seen[]) {
  return definePlugin({
    name: 'recorder',
    setup(ctx) {
      for (const event of events) {
        ctx.webhooks.on(event, (payload, { workspaceId, eventId, attempt, event: named }) => {
          seen.push({ event, payload, context: { event: named, workspaceId, eventId, attempt } });
        });
      }
    },
  });
}

/** Samples in groups Clockify's 10-webhook limit allows in one manifest. */
function sampleGroups() {
  const samples = webhookSamples();
  const groups: (typeof samples)[] = [];
  for (let index = 0; index < samples.length; index += MAX_WEBHOOKS) groups.push(samples.slice(index, index + MAX_WEBHOOKS));
  return groups;
}

describe.skipIf(!webhookSamplesPresent)('every Clockify sample body', () => {
  const groups = sampleGroups();

  it('covers the 49 sample files', () => {
    expect(groups.flat()).toHaveLength(49);
  });

  it.each(groups.map((group, index) => [index + 1, group] as const))(
    'group %i is accepted on its route and reaches its handler with its typed fields',
    async (_index, group) => {
      const seen: Seen[] = [];
      const test = await startInboxAddon({
        plugins: [
          {
            plugin: recorder(
              group.map((sample) => sample.event),
              seen,
            ),
          },
        ],
      });
      try {
        const workspaces = new Set(group.map(({ body }) => (typeof body.workspaceId === 'string' ? body.workspaceId : WORKSPACE)));
        for (const workspaceId of workspaces) await test.install({ workspaceId });
        for (const { event, body } of group) {
          const workspaceId = typeof body.workspaceId === 'string' ? body.workspaceId : WORKSPACE;
          const answer = await test.deliver(event, body, { workspaceId });
          expect(answer, event).toMatchObject({ status: 200, json: { status: 'accepted', id: expect.any(Number) } });
        }
        await expect.poll(() => seen.length).toBe(group.length);
        for (const { event, body } of group) {
          const call = seen.find((entry) => entry.event === event);
          expect(call?.payload, event).toEqual(body);
          expect(call?.context).toMatchObject({ event, attempt: 1 });
          for (const field of REQUIRED_FIELDS[event]) expect(body, `${event}.${field}`).toHaveProperty(field);
        }
      } finally {
        await test.close();
      }
    },
  );
});

describe('receiving deliveries', () => {
  const seen: Seen[] = [];
  let test: Awaited<ReturnType<typeof startInboxAddon>>;
  const tag = (id: string) => ({ id, name: `tag ${id}`, workspaceId: WORKSPACE, archived: false });

  beforeAll(async () => {
    test = await startInboxAddon({ plugins: [{ plugin: recorder(['NEW_TAG', 'NEW_CLIENT'], seen) }] });
    await test.install();
    await test.install({ workspaceId: 'ws-off', status: 'INACTIVE' });
  });
  afterAll(() => test?.close());

  it('answers 200 accepted with the inbox id, then 200 duplicate with the same id for a repeated delivery', async () => {
    const first = await test.deliver('NEW_TAG', tag('t-dup'));
    expect(first).toMatchObject({ status: 200, json: { status: 'accepted' } });
    const again = await test.deliver('NEW_TAG', { archived: false, workspaceId: WORKSPACE, name: 'tag t-dup', id: 't-dup' });
    expect(again).toEqual({ status: 200, json: { status: 'duplicate', id: first.json.id } });
    await expect.poll(() => seen.filter((entry) => (entry.payload as { id: string }).id === 't-dup').length).toBe(1);
    expect((await test.events({ event: 'NEW_TAG' })).filter((event) => event.entityId === 't-dup')).toHaveLength(1);
  });

  it('stores a changed body of the same entity as a new event', async () => {
    const before = await test.deliver('NEW_TAG', tag('t-changed'));
    const after = await test.deliver('NEW_TAG', { ...tag('t-changed'), name: 'renamed' });
    expect(after.json.status).toBe('accepted');
    expect(after.json.id).not.toBe(before.json.id);
  });

  it('refuses a wrong event header, another webhook’s token and an inactive installation, storing nothing', async () => {
    const count = (await test.events()).length;
    expect(await test.deliver('NEW_TAG', tag('t-x'), { eventHeader: 'NEW_CLIENT' })).toMatchObject({
      status: 400,
      json: { error: { code: 'WEBHOOK_EVENT_MISMATCH' } },
    });
    const clientToken = await test.tokenFor(WORKSPACE, 'NEW_CLIENT');
    expect(await test.deliver('NEW_TAG', tag('t-x'), { token: clientToken })).toMatchObject({
      status: 401,
      json: { error: { code: 'WEBHOOK_TOKEN_MISMATCH' } },
    });
    expect(await test.deliver('NEW_TAG', { ...tag('t-x'), workspaceId: 'ws-off' }, { workspaceId: 'ws-off' })).toMatchObject({
      status: 403,
      json: { error: { code: 'INSTALLATION_INACTIVE' } },
    });
    expect(await test.events()).toHaveLength(count);
  });

  it('answers 400 INVALID_JSON to a malformed body and 413 PAYLOAD_TOO_LARGE above 5 MiB', async () => {
    expect(await test.deliver('NEW_TAG', undefined, { rawBody: '{"id": "t-broken",' })).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_JSON' } },
    });
    const huge = JSON.stringify({ ...tag('t-huge'), note: 'x'.repeat(5 * 1024 * 1024) });
    const answer = await fetch(`${test.url}${test.pathOf('NEW_TAG')}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Clockify-Signature': await test.tokenFor(WORKSPACE, 'NEW_TAG'),
        'Clockify-Webhook-Event-Type': 'NEW_TAG',
        Connection: 'close',
      },
      body: huge,
    });
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('accepts a body just under 5 MiB', async () => {
    const big = { ...tag('t-big'), note: 'y'.repeat(5 * 1024 * 1024 - 200) };
    expect((await test.deliver('NEW_TAG', big)).json.status).toBe('accepted');
  });

  it('counts receipts by event and outcome, rejections by their code', async () => {
    const metrics = await test.addon.registry.getSingleMetricAsString('addon_webhooks_receipts_total');
    expect(metrics).toMatch(/addon_webhooks_receipts_total\{event="NEW_TAG",outcome="accepted",reason=""\} \d+/);
    expect(metrics).toMatch(/outcome="duplicate"/);
    for (const code of ['WEBHOOK_EVENT_MISMATCH', 'WEBHOOK_TOKEN_MISMATCH', 'INSTALLATION_INACTIVE', 'INVALID_JSON', 'PAYLOAD_TOO_LARGE']) {
      expect(metrics).toContain(`outcome="rejected",reason="${code}"`);
    }
  });

  it('serves the manifest entries and routes derived from the handlers', () => {
    expect(test.addon.manifest().webhooks).toEqual([
      { event: 'NEW_TAG', path: '/webhooks/new-tag' },
      { event: 'NEW_CLIENT', path: '/webhooks/new-client' },
    ]);
  });
});
