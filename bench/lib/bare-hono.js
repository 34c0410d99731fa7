// The baseline server of the benchmarks: Hono on @hono/node-server doing nothing but answer, as plain JavaScript
// (no TypeScript loader), so the baseline is the lightest Hono server this machine runs.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
app.post('/', async (c) => {
  await c.req.arrayBuffer();
  return c.text('ok');
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on http://127.0.0.1:${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
