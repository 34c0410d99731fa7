import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { ClockifySimulatorOptions } from '../../runtime/testkit/index.js';
import type { FleetStats, HostRequest, SimulatorSummary } from './simulator-host.js';

export interface SimulatorFleet {
  simulators: SimulatorSummary[];
  /** Installs the add-on in every simulated workspace at once (each POSTs INSTALLED). */
  install(addonUrl: string): Promise<void>;
  stats(): Promise<FleetStats>;
  close(): Promise<void>;
}

/** `count` simulators (seeds `seed`, `seed + 1`, …: one workspace each) in a child process of their own. */
export async function startSimulatorFleet(count: number, options: ClockifySimulatorOptions): Promise<SimulatorFleet> {
  const child = fork(new URL('./simulator-host.ts', import.meta.url), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/simulator`] : []),
    ],
    stdio: 'inherit',
  });
  await nextMessage(child, 'ready');
  const ask = async (request: HostRequest, answer: string) => {
    const reply = nextMessage(child, answer);
    child.send(request);
    return reply;
  };
  const started = (await ask({ type: 'start', count, options }, 'started')) as { simulators: SimulatorSummary[] };
  return {
    simulators: started.simulators,
    install: async (addonUrl) => void (await ask({ type: 'install', addonUrl }, 'installed')),
    stats: async () => ((await ask({ type: 'stats' }, 'stats')) as { stats: FleetStats }).stats,
    async close() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

function nextMessage(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (message.type === 'error') reject(new Error(String(message.message)));
      else if (message.type === type) resolve(message);
      else return;
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the simulator host exited (${code}) while waiting for "${type}"`)));
  });
}
