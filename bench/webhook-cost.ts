import { load } from './lib/load.js';
import { perRequestUs, withCpuOf } from './lib/process-cpu.js';
import { median, round, writeReport } from './lib/report.js';
import { startWebhookBench, WEBHOOK_ROUTE } from './lib/webhook-addon.js';

const ROUNDS = 2;
const ROUND_SECONDS = 4;
const POLICY_PROBE = '/bench/cost/policy';

/**
 * Where a webhook receipt's CPU goes: the add-on's CPU per request (from /proc) on routes that stop its path
 * part-way (`lib/cost-probe-plugin.ts`), against bare Hono given the same bodies, under the same sustained load.
 * Steps: the kernel (request id, observers, body limit, JSON body, answer), the `webhook` policy, then the receipt
 * itself (dedupe key, insert, group commit). Dispatch is paused so handlers do not count. Linux only (/proc).
 */
export default async function webhookCost(): Promise<void> {
  const bench = await startWebhookBench({
    pausedDispatch: true,
    plugins: ['bench/lib/cost-probe-plugin.ts'],
    webhookPaths: [POLICY_PROBE],
  });
  const { bare, addon } = bench;
  try {
    const signed = { headers: bench.deliveryHeaders, body: bench.nextDelivery };
    const targets = [
      { name: 'bare', pid: bare.pid, url: `${bare.url}/`, ...signed },
      { name: 'kernel', pid: addon.pid, url: `${addon.url}/bench/cost/kernel`, ...signed },
      { name: 'policy', pid: addon.pid, url: `${addon.url}${POLICY_PROBE}`, ...signed },
      { name: 'receipt', pid: addon.pid, url: `${addon.url}${WEBHOOK_ROUTE}`, ...signed },
    ];
    // Warm-up: the load generator and both servers' JIT.
    for (const target of targets) await load({ ...target, durationSeconds: 2 });
    const samples = new Map<string, number[]>(targets.map(({ name }) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const { name, pid, ...target } of targets) {
        const { result, cpuMs } = await withCpuOf(pid, () => load({ ...target, durationSeconds: ROUND_SECONDS }));
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        const perRequest = perRequestUs(cpuMs, result.total);
        if (perRequest === undefined) {
          console.log('webhook-cost: skipped, no /proc on this machine to read CPU time from');
          return;
        }
        samples.get(name)?.push(perRequest);
      }
    }
    const us = (name: string) => median(samples.get(name) ?? []);
    const [bareUs, kernelUs, policyUs, receiptUs] = ['bare', 'kernel', 'policy', 'receipt'].map(us) as [number, number, number, number];
    writeReport({
      name: 'webhook-cost',
      baseline: {
        what: `bare Hono POST, same bodies, µs of CPU per request (median of ${ROUNDS} rounds of ${ROUND_SECONDS} s)`,
        cpuUs: round(bareUs, 1),
      },
      result: {
        kernelCpuUs: round(kernelUs, 1),
        policyCpuUs: round(policyUs, 1),
        receiptCpuUs: round(receiptUs, 1),
        kernelAddsUs: round(kernelUs - bareUs, 1),
        policyAddsUs: round(policyUs - kernelUs, 1),
        storingAddsUs: round(receiptUs - policyUs, 1),
      },
      ratios: { receiptInBareRequests: round(receiptUs / bareUs) },
    });
  } finally {
    await bench.close();
  }
}
