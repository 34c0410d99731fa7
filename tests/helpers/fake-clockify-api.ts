import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** One request as the fake API received it. */
export interface ReceivedRequest {
  /** `performance.now()` on arrival: the same clock as the test's process. */
  at: number;
  method: string;
  /** Path under the server root, e.g. `/api/v1/workspaces/ws-1/tags`. */
  path: string;
  query: Record<string, string>;
  token: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** What to answer; `body` objects are sent as JSON. */
export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export type Responder = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface FakeClockifyApi {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `${url}/api`: what an installation's `apiUrl` would be. */
  readonly apiUrl: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Answers the next requests with these, in turn; after them, the responder. */
  script(...answers: Answer[]): void;
  /** Answers every unscripted request (default: 200 echoing method, path and query). */
  respond(responder: Responder): void;
  reset(): void;
  close(): Promise<void>;
}

const echo: Responder = ({ method, path, query }) => ({ body: { method, path, query } });

/** A stand-in for Clockify's API on an ephemeral port of 127.0.0.1, recording every request it receives. */
export async function startFakeClockifyApi(): Promise<FakeClockifyApi> {
  const requests: ReceivedRequest[] = [];
  let scripted: Answer[] = [];
  let responder: Responder = echo;
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const received: ReceivedRequest = {
      at: performance.now(),
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      token: c.req.header('x-addon-token'),
      contentType: c.req.header('content-type'),
      body: await c.req.text(),
    };
    requests.push(received);
    const answer = scripted.shift() ?? (await responder(received));
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const isText = typeof answer.body === 'string' || answer.body === undefined;
    const headers = { ...(isText ? {} : { 'Content-Type': 'application/json' }), ...answer.headers };
    return new Response(isText ? ((answer.body as string | undefined) ?? null) : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers,
    });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: `${url}/api`,
    port,
    requests,
    script: (...answers) => {
      scripted.push(...answers);
    },
    respond: (next) => {
      responder = next;
    },
    reset() {
      requests.length = 0;
      scripted = [];
      responder = echo;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** The most requests that arrived within any window of `windowMs` (each window starting at an arrival). */
export function busiestWindow(requests: readonly { at: number }[], windowMs = 1000): number {
  const times = requests.map((request) => request.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < times.length; first++) {
    while (last < times.length && (times[last] ?? 0) < (times[first] ?? 0) + windowMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}
