import { definePlugin } from '../../runtime/index.js';

/** The benchmark's handler: counts NEW_TIME_ENTRY deliveries, so the dispatcher runs alongside the receiving. */
export default definePlugin({
  name: 'webhook-sink',
  setup(ctx) {
    let handled = 0;
    ctx.webhooks.on('NEW_TIME_ENTRY', () => {
      handled += 1;
    });
    ctx.route('GET', '/bench/handled', (c) => c.json({ handled }), { auth: 'none' });
  },
});
