import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { request as undiciRequest } from 'undici';
import type { HttpRequest } from '../../runtime/clockify/api-client/send-attempt.js';

/** A request's arrival at the worker's server, in milliseconds on a clock shared by every thread. */
export interface Arrival {
  at: number;
  path: string;
  workspaceId: string | undefined;
  /** The `call` query parameter, which tests set to pair each arrival with its send. */
  call: string | null;
}

/** When a request left the client, on the same clock as {@link Arrival.at}. */
export interface Send {
  at: number;
  call: string | null;
}

export interface TimedApi {
  /** `http://127.0.0.1:<port>/api`. */
  readonly apiUrl: string;
  /** Every arrival so far, in order. */
  arrivals(): Promise<Arrival[]>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const moduleUrl = (name: string) => pathToFileURL(require.resolve(name)).href;

/**
 * A Hono server standing in for Clockify in a worker thread, answering every request with an empty list. It times
 * arrivals on its own event loop, so a busy test process cannot make requests look bunched that were not: what
 * rate-limit assertions need.
 */
export async function startTimedApi(): Promise<TimedApi> {
  const source = `
    import { parentPort } from 'node:worker_threads';
    import { performance } from 'node:perf_hooks';
    import { Hono } from '${moduleUrl('hono')}';
    import { serve } from '${moduleUrl('@hono/node-server')}';
    const arrivals = [];
    const app = new Hono();
    app.all('*', (c) => {
      const at = performance.timeOrigin + performance.now();
      const url = new URL(c.req.url);
      arrivals.push({ at, path: url.pathname, workspaceId: url.pathname.split('/')[4], call: url.searchParams.get('call') });
      return c.json([]);
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => parentPort.postMessage({ port: info.port }));
    parentPort.on('message', (message) => {
      if (message === 'arrivals') parentPort.postMessage({ arrivals });
      if (message === 'close') server.close(() => parentPort.postMessage({ closed: true }));
    });
  `;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        worker.off('message', onMessage);
        resolve(message[key] as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const port = await next<number>('port');
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    async arrivals() {
      const reply = next<Arrival[]>('arrivals');
      worker.postMessage('arrivals');
      return reply;
    },
    async close() {
      const closed = next<boolean>('closed');
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

/** The client's HTTP exchange, noting when each request leaves, for comparing with the server's arrivals. */
export function recordingRequest(): { request: HttpRequest; sends: Send[] } {
  const sends: Send[] = [];
  const request = ((url: Parameters<HttpRequest>[0], options: Parameters<HttpRequest>[1]) => {
    const call = new URL(String(url)).searchParams.get('call');
    sends.push({ at: performance.timeOrigin + performance.now(), call });
    return undiciRequest(url, options);
  }) as HttpRequest;
  return { sends, request };
}

/**
 * How much later than its send the slowest request arrived, beyond the quickest: the spread the transport (and a busy
 * machine) adds. Requests that leave one spacing apart can reach the server closer together by up to this much.
 */
export function transportSpreadMs(sends: readonly Send[], arrivals: readonly Arrival[]): number {
  const sentAt = new Map(sends.map((send) => [send.call, send.at]));
  const delays = arrivals.flatMap((arrival) => {
    const sent = sentAt.get(arrival.call);
    return sent === undefined ? [] : [arrival.at - sent];
  });
  return delays.length ? Math.max(...delays) - Math.min(...delays) : 0;
}
