import type { AddonHandler } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { SubscriptionHealth } from './subscription-health.js';

/**
 * `GET /admin/webhooks/health[?refresh=true]`: the admin's workspace's webhook subscription report, for the UI.
 * Answers the last report this instance made, or checks now when asked to or when it has none yet.
 */
export function createHealthRoute(health: SubscriptionHealth): AddonHandler {
  return async function webhookHealthRoute(c) {
    const { workspaceId } = c.get('clockify');
    const refresh = ['1', 'true'].includes(c.req.query('refresh') ?? '');
    const report = (!refresh && health.latest(workspaceId)) || (await health.check(workspaceId));
    if (!report) throw new HttpError(404, 'INSTALLATION_NOT_FOUND', 'the add-on is not installed on this workspace');
    return c.json(report);
  };
}
