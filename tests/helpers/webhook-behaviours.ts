import { definePlugin, type InlinePlugin, type WebhookEventName } from '../../runtime/index.js';

export interface Call {
  plugin: string;
  event: WebhookEventName;
  id: string;
  eventId: number;
  attempt: number;
  startedAt: number;
  endedAt?: number;
}

/** Handlers whose behaviour a test steers through the body (`name`) and a few switches, recording every call. */
export interface Behaviours {
  calls: Call[];
  /** While true, NEW_CLIENT bodies named `broken…` fail. */
  broken: boolean;
  /** NEW_PROJECT handlers wait for this before returning. */
  gate: Promise<void>;
  openGate(): void;
  callsFor(plugin: string, id: string): Call[];
  plugins: InlinePlugin['plugin'][];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TIME_ENTRY_EVENTS = ['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED', 'TIMER_STOPPED'] as const;

/**
 * `counter` handles NEW_TAG, NEW_CLIENT, NEW_PROJECT and the time-entry events (slowly, to expose overlaps);
 * `second` handles NEW_TAG too; `flaky` handles NEW_CLIENT: `flaky…` fails its first two runs, `broken…` fails
 * while `broken` is set.
 */
export function createBehaviours(): Behaviours {
  let openGate: () => void = () => undefined;
  const state: Behaviours = {
    calls: [],
    broken: true,
    gate: new Promise<void>((resolve) => {
      openGate = resolve;
    }),
    openGate: () => openGate(),
    callsFor: (plugin, id) => state.calls.filter((call) => call.plugin === plugin && call.id === id),
    plugins: [],
  };
  const record = (plugin: string, event: WebhookEventName, id: string, { eventId, attempt }: { eventId: number; attempt: number }) => {
    const call: Call = { plugin, event, id, eventId, attempt, startedAt: performance.now() };
    state.calls.push(call);
    return call;
  };
  const counter = definePlugin({
    name: 'counter',
    setup(ctx) {
      ctx.webhooks.on('NEW_TAG', (tag, context) => void record('counter', 'NEW_TAG', tag.id, context));
      ctx.webhooks.on('NEW_CLIENT', (client, context) => void record('counter', 'NEW_CLIENT', client.id, context));
      ctx.webhooks.on('NEW_PROJECT', async (project, context) => {
        const call = record('counter', 'NEW_PROJECT', project.id, context);
        await state.gate;
        call.endedAt = performance.now();
      });
      for (const event of TIME_ENTRY_EVENTS) {
        ctx.webhooks.on(event, async (entry, context) => {
          const call = record('counter', event, entry.id, context);
          await sleep(30);
          call.endedAt = performance.now();
        });
      }
    },
  });
  const second = definePlugin({
    name: 'second',
    setup: (ctx) => ctx.webhooks.on('NEW_TAG', (tag, context) => void record('second', 'NEW_TAG', tag.id, context)),
  });
  const flaky = definePlugin({
    name: 'flaky',
    setup(ctx) {
      ctx.webhooks.on('NEW_CLIENT', (client, context) => {
        record('flaky', 'NEW_CLIENT', client.id, context);
        const runs = state.callsFor('flaky', client.id).length;
        if (client.name.startsWith('flaky') && runs <= 2) throw new Error(`flaky run ${runs}`);
        if (client.name.startsWith('broken') && state.broken) throw new Error('the downstream system is broken');
      });
    },
  });
  state.plugins = [counter, second, flaky];
  return state;
}
