import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import autocannon from 'autocannon';
import { afterEach, describe, expect, it } from 'vitest';
import { pacedLoad, percentile } from '../../bench/lib/paced-load.js';

/** A local server recording when each request arrived (ms since `since`), answering as `answer` says. */
async function recordingServer(answer: (request: IncomingMessage, response: ServerResponse, index: number) => void) {
  const arrivals: number[] = [];
  const server: Server = createServer((request, response) => {
    arrivals.push(performance.now());
    request.resume();
    request.on('end', () => answer(request, response, arrivals.length - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, arrivals, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** How many of `arrivals` fall in each 100 ms slot after `start`, over `slots` slots. */
const perSlot = (arrivals: readonly number[], start: number, slots: number) =>
  Array.from({ length: slots }, (_, slot) => arrivals.filter((at) => at - start >= slot * 100 && at - start < (slot + 1) * 100).length);

describe('the benchmarks’ steady load', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('is needed: autocannon’s overallRate sends each second’s budget in a burst at its start, then idles', async () => {
    const server = await recordingServer((_, response) => response.end('ok'));
    close = server.close;
    const start = performance.now();
    await autocannon({ url: server.url, method: 'POST', body: '{}', connections: 20, overallRate: 200, duration: 1 });
    const slots = perSlot(server.arrivals, start, 10);
    // Spread evenly, the second half of the second would get half of the 200; after a burst it gets (nearly) none,
    // however long a busy machine takes to serve the burst. Should autocannon ever spread them, `pacedLoad` can go.
    const secondHalf = slots.slice(5).reduce((sum, count) => sum + count, 0);
    expect(secondHalf, slots.join(' ')).toBeLessThan(0.15 * 200);
    expect(server.arrivals.length).toBeGreaterThanOrEqual(190);
  });

  it('sends its requests evenly over the run, each 100 ms getting its share', async () => {
    const server = await recordingServer((_, response) => response.end('ok'));
    close = server.close;
    const start = performance.now();
    const result = await pacedLoad({ url: server.url, body: () => '{}', ratePerSecond: 300, durationSeconds: 1 });
    expect(result).toMatchObject({ sent: 300, non2xx: 0, errors: 0 });
    // 30 due per 100 ms; loose bounds, as a busy test machine may hold a timer back (the late ones then go together).
    const slots = perSlot(server.arrivals, start, 10);
    for (let slot = 0; slot < 10; slot += 2) expect(slots[slot]! + slots[slot + 1]!, slots.join(' ')).toBeGreaterThanOrEqual(20);
    expect(slots[0]! + slots[1]!, slots.join(' ')).toBeLessThan(0.35 * 300);
  });

  it('times each answer from when its request was due: held answers show in the tail, not in the median', async () => {
    // One request in 20 is held 60 ms: 5% of the latencies are at least that, so p99 is and p50 is not.
    const server = await recordingServer((_, response, index) => {
      if (index % 20 === 0) setTimeout(() => response.end('ok'), 60);
      else response.end('ok');
    });
    close = server.close;
    const result = await pacedLoad({ url: server.url, ratePerSecond: 200, durationSeconds: 1, connections: 40 });
    expect(result.p99Ms).toBeGreaterThanOrEqual(60);
    expect(result.maxMs).toBeGreaterThanOrEqual(60);
    expect(result.p50Ms).toBeLessThan(30);
  });

  it('counts the generator’s own delay: requests sent late are timed from when they were due, none before it', async () => {
    const server = await recordingServer((_, response) => response.end('ok'));
    close = server.close;
    let built = 0;
    // The 50th body holds the generator's thread for 40 ms: that request and the ones due meanwhile go out late.
    const body = () => {
      built += 1;
      if (built === 50) {
        const until = performance.now() + 40;
        while (performance.now() < until);
      }
      return '{}';
    };
    const result = await pacedLoad({ url: server.url, body, ratePerSecond: 500, durationSeconds: 0.4 });
    expect(result.errors + result.non2xx).toBe(0);
    // Due every 2 ms, about 20 requests were due during the 40 ms: timed from then, several waited 20 ms or more.
    expect(result.latenciesMs.filter((ms) => ms >= 20).length).toBeGreaterThanOrEqual(5);
    // One that went out a little early is timed from when it went out, never from a due time still ahead.
    expect(result.latenciesMs[0]).toBeGreaterThanOrEqual(0);
  });

  it('counts answers outside 2xx and failed requests apart from the latencies', async () => {
    const server = await recordingServer((request, response, index) => {
      if (index % 10 === 0) request.socket.destroy();
      else {
        response.statusCode = index % 10 === 1 ? 503 : 200;
        response.end('ok');
      }
    });
    close = server.close;
    const result = await pacedLoad({ url: server.url, ratePerSecond: 100, durationSeconds: 1 });
    expect(result.errors).toBe(10);
    expect(result.non2xx).toBe(10);
    expect(result.latenciesMs).toHaveLength(80);
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
