import { definePlugin, readJsonBody } from '../../runtime/index.js';

/**
 * Routes that stop a webhook receipt's path part-way, for `bench/webhook-cost.ts`: the kernel alone (no policy, the
 * JSON body read, a receipt-shaped answer), then the same behind the `webhook` policy, with nothing stored.
 */
export default definePlugin({
  name: 'cost-probe',
  setup(ctx) {
    const answer = async (c: Parameters<Parameters<typeof ctx.route>[2]>[0]) => {
      await readJsonBody(c);
      return c.json({ status: 'accepted', id: 0 });
    };
    ctx.route('POST', '/bench/cost/kernel', answer, { auth: 'none' });
    ctx.route('POST', '/bench/cost/policy', answer, { auth: 'webhook', meta: { event: 'NEW_TIME_ENTRY' } });
  },
});
