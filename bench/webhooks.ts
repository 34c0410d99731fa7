import { type LoadResult, load } from './lib/load.js';
import { type PacedLoadResult, pacedLoad, percentile } from './lib/paced-load.js';
import { perRequestUs, withCpuOf } from './lib/process-cpu.js';
import { median, round, writeReport } from './lib/report.js';
import { startWebhookBench, WEBHOOK_ROUTE } from './lib/webhook-addon.js';

/** Rounds of sustained load, bare and inbox in turn, so both meet the same moments of a shared, noisy machine. */
const ROUNDS = 3;
const ROUND_SECONDS = 5;
/** The latency goal's steady load, also measured in alternating rounds. */
const PACED_RATE = 500;
const PACED_CONNECTIONS = 20;

/**
 * Sustained webhook receiving: signed, unique NEW_TIME_ENTRY deliveries to a real add-on process on SQLite with a
 * counting handler, so dispatch runs alongside (`lib/webhook-addon.ts`). Baseline: a bare Hono server answering POST
 * in the same way, started the same way, under the same load, measured in alternating rounds with the inbox (the
 * ratio is the median of the rounds'). Then the latency of both under a steady 500 deliveries/s (`lib/paced-load.ts`,
 * open-loop: each request timed from when it was due), again in alternating rounds, the percentiles taken over all
 * the rounds' answers together.
 * BENCH_PAUSE_DISPATCH=1 measures receiving alone (the handler never runs; `handled` stays 0).
 */
export default async function webhooks(): Promise<void> {
  const pausedDispatch = Boolean(process.env.BENCH_PAUSE_DISPATCH);
  const bench = await startWebhookBench({ pausedDispatch });
  const { bare, addon } = bench;
  try {
    const bareTarget = { url: `${bare.url}/`, body: () => '{}', headers: { 'content-type': 'application/json' } };
    const inboxTarget = { url: `${addon.url}${WEBHOOK_ROUTE}`, headers: bench.deliveryHeaders, body: bench.nextDelivery };
    // The inbox works off a round's backlog before the next bare round, so its handlers never share the machine with
    // the baseline's measurement.
    const settle = async () => {
      if (!pausedDispatch) await waitForHandled(addon.url, bench.delivered());
    };
    // Warm-up: the load generator itself takes seconds to reach its pace (JIT), which the bare rounds would show.
    await load({ ...bareTarget, durationSeconds: 6 });
    await load({ ...inboxTarget, durationSeconds: 3 });
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await settle();
      const bareRound = await withCpuOf(bare.pid, () => load({ ...bareTarget, durationSeconds: ROUND_SECONDS }));
      const inboxRound = await withCpuOf(addon.pid, () => load({ ...inboxTarget, durationSeconds: ROUND_SECONDS }));
      rounds.push({
        bare: bareRound.result,
        inbox: inboxRound.result,
        bareCpuUs: perRequestUs(bareRound.cpuMs, bareRound.result.total),
        inboxCpuUs: perRequestUs(inboxRound.cpuMs, inboxRound.result.total),
      });
    }
    // The latency at 500/s is a steady state: measured once the inbox has worked off the overload above.
    await settle();
    const paced: PacedRound[] = [];
    const before = await requestDurations(addon.url);
    for (let round = 0; round < ROUNDS; round++) {
      const steady = { ratePerSecond: PACED_RATE, durationSeconds: ROUND_SECONDS, connections: PACED_CONNECTIONS };
      paced.push({ bare: await pacedLoad({ ...bareTarget, ...steady }), inbox: await pacedLoad({ ...inboxTarget, ...steady }) });
    }
    const serverP99Ms = percentileBound(before, await requestDurations(addon.url), 0.99);
    const handled = pausedDispatch ? 0 : await waitForHandled(addon.url, bench.delivered());
    report(rounds, paced, { delivered: bench.delivered(), handled, serverP99Ms });
  } finally {
    await bench.close();
  }
}

interface PacedRound {
  bare: PacedLoadResult;
  inbox: PacedLoadResult;
}

interface Round {
  bare: LoadResult;
  inbox: LoadResult;
  /** CPU the server process spent per answered request in the round, in µs (all its threads; undefined off Linux). */
  bareCpuUs: number | undefined;
  inboxCpuUs: number | undefined;
}

function report(
  rounds: readonly Round[],
  paced: readonly PacedRound[],
  counts: { delivered: number; handled: number; serverP99Ms: number },
) {
  const ratios = rounds.map(({ bare, inbox }) => inbox.requestsPerSecond / bare.requestsPerSecond);
  const ratio = median(ratios);
  const of = (pick: (round: Round) => number) => median(rounds.map(pick));
  const cpu = (pick: (round: Round) => number | undefined) => {
    const values = rounds.map(pick);
    return values.every((value) => value !== undefined) ? round(median(values as number[]), 1) : 'n/a (no /proc)';
  };
  const bareCpu = cpu(({ bareCpuUs }) => bareCpuUs);
  const inboxCpu = cpu(({ inboxCpuUs }) => inboxCpuUs);
  // Over every inbox run, sustained and steady alike.
  const inboxTotal = (count: 'non2xx' | 'errors') => [...rounds, ...paced].reduce((sum, { inbox }) => sum + inbox[count], 0);
  const refused = inboxTotal('non2xx');
  const steady = (pick: (round: PacedRound) => number) => round(median(paced.map(pick)), 1);
  // Percentiles of every answer of the rounds together, not a median of the rounds' percentiles.
  const pooled = (pick: (round: PacedRound) => PacedLoadResult, share: number) =>
    percentile(
      paced.flatMap((each) => pick(each).latenciesMs).sort((a, b) => a - b),
      share,
    );
  const inboxP99 = pooled(({ inbox }) => inbox, 0.99);
  writeReport({
    name: 'webhooks',
    baseline: {
      what: `bare Hono POST, 50 connections, ${ROUNDS} rounds of ${ROUND_SECONDS} s (medians)`,
      perSecond: round(
        of(({ bare }) => bare.requestsPerSecond),
        0,
      ),
      p50Ms: of(({ bare }) => bare.p50Ms),
      p99Ms: of(({ bare }) => bare.p99Ms),
      cpuUsPerRequest: bareCpu,
      at500PerSecondP50Ms: pooled(({ bare }) => bare, 0.5),
      at500PerSecondP99Ms: pooled(({ bare }) => bare, 0.99),
    },
    result: {
      acceptedPerSecond: round(
        of(({ inbox }) => inbox.requestsPerSecond),
        0,
      ),
      p50Ms: of(({ inbox }) => inbox.p50Ms),
      p99Ms: of(({ inbox }) => inbox.p99Ms),
      cpuUsPerRequest: inboxCpu,
      non2xx: refused,
      errors: inboxTotal('errors'),
      at500PerSecondP50Ms: pooled(({ inbox }) => inbox, 0.5),
      at500PerSecondP99Ms: inboxP99,
      at500PerSecondP99ByRound: paced.map(({ inbox }) => inbox.p99Ms).join(' / '),
      at500PerSecondSendLagP99Ms: steady(({ inbox }) => inbox.sendLagP99Ms),
      at500PerSecondServerP99AtMostMs: counts.serverP99Ms,
      delivered: counts.delivered,
      handled: counts.handled,
      ratioByRound: ratios.map((value) => round(value)).join(' / '),
    },
    ratios: {
      acceptedVsBareHono: round(ratio),
      // What one delivery costs the add-on's process, in bare Hono requests: the ratio's CPU side, which the load
      // generator sharing the machine's cores does not blur.
      ...(typeof bareCpu === 'number' && typeof inboxCpu === 'number' ? { deliveryCpuInBareRequests: round(inboxCpu / bareCpu) } : {}),
    },
    goals: {
      throughput: { target: '≥ 0.5× bare Hono (0.4× at the least)', met: ratio >= 0.5 },
      latencyAt500: { target: 'p99 < 10 ms at a steady 500 deliveries/s', met: inboxP99 < 10 },
      nothingRefused: { target: 'every delivery answered 2xx', met: refused === 0 },
      everyDeliveryHandled: { target: 'the handler ran once per unique delivery', met: counts.handled === counts.delivered },
    },
  });
}

/** Cumulative counts of the webhook route's 200s per latency bucket (upper bound in ms), from the metrics plugin. */
async function requestDurations(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  const pattern = /^addon_http_request_duration_seconds_bucket\{([^}]*)\} (\d+)$/gm;
  for (const [, labels = '', count = '0'] of text.matchAll(pattern)) {
    if (!labels.includes(`route="${WEBHOOK_ROUTE}"`) || !labels.includes('status="200"')) continue;
    const bound = /le="([^"]+)"/.exec(labels)?.[1] ?? '+Inf';
    buckets.set(bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound) * 1000, Number(count));
  }
  return buckets;
}

/** The smallest bucket bound holding `rank` of the requests answered between the two scrapes. */
function percentileBound(before: Map<number, number>, after: Map<number, number>, rank: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0));
  const total = counts.at(-1) ?? 0;
  const index = counts.findIndex((count) => count >= rank * total);
  return bounds[index] ?? Number.POSITIVE_INFINITY;
}

async function waitForHandled(url: string, expected: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  let handled = 0;
  while (Date.now() < deadline) {
    handled = ((await (await fetch(`${url}/bench/handled`)).json()) as { handled: number }).handled;
    if (handled >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return handled;
}
