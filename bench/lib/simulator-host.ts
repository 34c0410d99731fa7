import type { ClockifySimulator, ClockifySimulatorOptions } from '../../runtime/testkit/index.js';
import { HELPER_THREAD_NICE, lowerThreadPriority } from '../../runtime/workers/lower-priority.js';

// The simulators stand in for Clockify's servers, which never share the add-on's cores: at a lower priority they take
// the CPU the add-on leaves instead of preempting its event loop, whose delay the benchmark measures.
lowerThreadPriority(HELPER_THREAD_NICE);
const built = (path: string) => import(new URL(`../../dist/runtime/testkit/${path}`, import.meta.url).href);
const { createClockifySimulator } = (await built('index.js')) as typeof import('../../runtime/testkit/index.js');
const { loadSharedOpenApi } = (await built('shared-openapi.js')) as typeof import('../../runtime/testkit/shared-openapi.js');

/**
 * A child process holding Clockify simulators for the bootstrap benchmark, so their work (serialising pages) does not
 * run on the event loop being measured. Driven over IPC by `startSimulatorFleet`. Each simulator renders every list
 * a bootstrap reads before the run (its data exists before the add-on is installed), and the testkit is loaded from
 * the build in dist/, as the add-on is.
 */
export type HostRequest =
  | { type: 'start'; count: number; options: ClockifySimulatorOptions }
  | { type: 'install'; addonUrl: string }
  | { type: 'stats' };

export interface SimulatorSummary {
  url: string;
  apiUrl: string;
  workspaceId: string;
}

/** What one simulator answered: its requests, and the 429s its rate limit gave (our fault; injected ones not counted). */
export interface SimulatorStats {
  requests: number;
  rateLimited: number;
  /** Arrival times of the first and last answered request (ms since the epoch). */
  first: number;
  last: number;
  /** Median and 99th percentile of the time an answer took, injected latency included (ms). */
  durationP50Ms: number;
  durationP99Ms: number;
}

/** The fleet's answer to `stats`: each simulator's, and the CPU the host process spent for all of them (ms). */
export interface FleetStats {
  simulators: SimulatorStats[];
  cpuMs: number;
}

const simulators: ClockifySimulator[] = [];

function reply(message: unknown): void {
  process.send?.(message);
}

function statsOf(simulator: ClockifySimulator): SimulatorStats {
  const { requests } = simulator;
  const durations = requests.map((request) => request.durationMs).sort((a, b) => a - b);
  return {
    requests: requests.length,
    rateLimited: requests.filter((request) => request.fault === 'rate-limit').length,
    first: requests[0]?.timestamp ?? 0,
    last: requests.at(-1)?.timestamp ?? 0,
    durationP50Ms: percentile(durations, 0.5),
    durationP99Ms: percentile(durations, 0.99),
  };
}

/** The value at `rank` of values sorted ascending. */
function percentile(sorted: readonly number[], rank: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(rank * sorted.length))] ?? 0;
}

/**
 * Clockify validates with code compiled long before a request comes: the simulators' validators of every read are
 * compiled here, before the run, rather than on each operation's first request while the add-on is being measured.
 */
async function compileReadValidators(openapiPath: string): Promise<void> {
  const openapi = await loadSharedOpenApi(openapiPath);
  for (const operation of openapi.index.operations) if (operation.method === 'GET') openapi.validators.precompile(operation.operationId);
}

process.on('message', async (request: HostRequest) => {
  try {
    if (request.type === 'start') {
      for (let index = 0; index < request.count; index++) {
        simulators.push(await createClockifySimulator({ ...request.options, seed: (request.options.seed ?? 1) + index }));
      }
      await compileReadValidators(request.options.openapiPath ?? './openapi.json');
      for (const simulator of simulators) simulator.warmLists();
      reply({ type: 'started', simulators: simulators.map(({ url, apiUrl, workspaceId }) => ({ url, apiUrl, workspaceId })) });
    } else if (request.type === 'install') {
      await Promise.all(simulators.map((simulator) => simulator.install(request.addonUrl)));
      reply({ type: 'installed' });
    } else {
      const { user, system } = process.cpuUsage();
      reply({ type: 'stats', stats: { simulators: simulators.map(statsOf), cpuMs: (user + system) / 1000 } });
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error).stack ?? String(error) });
  }
});

reply({ type: 'ready' });
// Exit on SIGTERM rather than die by it, so `--cpu-prof` (BENCH_CPU_PROF) can write the profile.
process.on('SIGTERM', () => process.exit(0));
