import type { Context } from 'hono';
import type { AddonEnv, InboxFilter, WebhookEventState } from '../../runtime/index.js';
import { HttpError, isWebhookEventName, positiveIdParam, readJsonBody, WEBHOOK_EVENT_STATES } from '../../runtime/index.js';

/**
 * Reading the admin API's parameters. Every filter is pinned to the caller's workspace (the admin token's): an admin
 * of one workspace never sees or changes another's events, whatever the request says.
 */

export function ownWorkspace(c: Context<AddonEnv>, asked?: string): string {
  const own = c.get('clockify').workspaceId;
  if (asked !== undefined && asked !== '' && asked !== own) {
    throw new HttpError(403, 'WORKSPACE_FORBIDDEN', "the admin API shows the events of your own workspace only (the token's)");
  }
  return own;
}

export function eventIdParam(c: Context<AddonEnv>): number {
  return positiveIdParam(c, 'INVALID_EVENT_ID', 'an event id');
}

export function listQuery(c: Context<AddonEnv>): InboxFilter & { limit: number; cursor?: string } {
  const query = c.req.query();
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalid('limit', 'an integer from 1 to 500');
  if (query.cursor !== undefined && !/^\d{1,16}$/.test(query.cursor)) throw invalid('cursor', 'the nextCursor of an earlier page');
  return {
    workspaceId: ownWorkspace(c, query.workspace),
    ...eventAndState(query.event, query.state),
    limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

/** `hours` of the stats: 1 to 168 (the 7 days of the default retention), 24 when absent. */
export function statsHours(text: string | undefined): number {
  if (text === undefined) return 24;
  const hours = /^\d{1,3}$/.test(text) ? Number(text) : 0;
  if (hours < 1 || hours > 168) throw invalid('hours', 'an integer from 1 to 168');
  return hours;
}

/** The body of `POST …/events/replay`: `{ state?, event?, ids? }`; state defaults to `dead`. An empty body is `{}`. */
export async function replayFilter(c: Context<AddonEnv>): Promise<InboxFilter> {
  const body = c.req.header('content-type') ? await readJsonBody<unknown>(c) : {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', 'a JSON object');
  const { state = 'dead', event, ids } = body as Record<string, unknown>;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => Number.isInteger(id) && id > 0)))
    throw invalid('ids', 'an array of event ids');
  return {
    workspaceId: ownWorkspace(c),
    ...eventAndState(event, state),
    ...(ids ? { ids: ids as number[] } : {}),
  };
}

function eventAndState(event: unknown, state: unknown): Pick<InboxFilter, 'event' | 'state'> {
  if (event !== undefined && (typeof event !== 'string' || !isWebhookEventName(event)))
    throw invalid('event', 'a Clockify webhook event name');
  if (state !== undefined && !WEBHOOK_EVENT_STATES.includes(state as WebhookEventState)) {
    throw invalid('state', `one of ${WEBHOOK_EVENT_STATES.join(', ')}`);
  }
  return { ...(event ? { event } : {}), ...(state ? { state: state as WebhookEventState } : {}) };
}

function invalid(name: string, expected: string): HttpError {
  return new HttpError(400, 'INVALID_PARAMETER', `"${name}" must be ${expected}`);
}
