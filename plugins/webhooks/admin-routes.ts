import type { AddonHandler, HttpMethod, WebhookInbox } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import { eventIdParam, listQuery, ownWorkspace, replayFilter, statsHours } from './admin-query.js';
import type { CountDeliveries } from './delivery-stats.js';

export interface AdminRoute {
  method: HttpMethod;
  path: string;
  handler: AddonHandler;
}

export interface AdminRouteDependencies {
  inbox: WebhookInbox;
  wake: () => void;
  countDeliveries: CountDeliveries;
}

/**
 * The inbox's admin API (auth `admin`: a workspace owner or admin, on their own workspace): list and inspect events,
 * replay one or many (dead letters after a fix), discard one, count deliveries per event and hour. A replay wakes
 * the dispatcher, so it runs at once.
 */
export function adminRoutes(basePath: string, { inbox, wake, countDeliveries }: AdminRouteDependencies): AdminRoute[] {
  const events = `${basePath}/events`;

  const list: AddonHandler = async (c) => c.json(await inbox.list(listQuery(c)));

  const get: AddonHandler = async (c) => c.json({ event: await found(inbox, eventIdParam(c), ownWorkspace(c)) });

  const replayOne: AddonHandler = async (c) => {
    const id = eventIdParam(c);
    const workspaceId = ownWorkspace(c);
    if ((await inbox.replay({ ids: [id], workspaceId })) === 0) throw notFound(id);
    wake();
    return c.json({ event: await found(inbox, id, workspaceId) });
  };

  const replayMany: AddonHandler = async (c) => {
    const replayed = await inbox.replay(await replayFilter(c));
    if (replayed > 0) wake();
    return c.json({ replayed });
  };

  const discardOne: AddonHandler = async (c) => {
    const id = eventIdParam(c);
    const workspaceId = ownWorkspace(c);
    if ((await inbox.discard({ ids: [id], workspaceId })) === 0) {
      await found(inbox, id, workspaceId);
      throw new HttpError(409, 'EVENT_ALREADY_HANDLED', `event ${id} was handled; only events not yet handled can be discarded`);
    }
    return c.json({ event: await found(inbox, id, workspaceId) });
  };

  const stats: AddonHandler = async (c) => {
    const workspaceId = ownWorkspace(c, c.req.query('workspace'));
    return c.json(await countDeliveries({ workspaceId, hours: statsHours(c.req.query('hours')) }));
  };

  return [
    { method: 'GET', path: `${basePath}/stats`, handler: stats },
    { method: 'GET', path: events, handler: list },
    { method: 'POST', path: `${events}/replay`, handler: replayMany },
    { method: 'GET', path: `${events}/:id`, handler: get },
    { method: 'POST', path: `${events}/:id/replay`, handler: replayOne },
    { method: 'POST', path: `${events}/:id/discard`, handler: discardOne },
  ];
}

async function found(inbox: WebhookInbox, id: number, workspaceId: string) {
  const event = await inbox.get(id, workspaceId);
  if (!event) throw notFound(id);
  return event;
}

function notFound(id: number): HttpError {
  return new HttpError(404, 'EVENT_NOT_FOUND', `no webhook event ${id} in your workspace's inbox`);
}
