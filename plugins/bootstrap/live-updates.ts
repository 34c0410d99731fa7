import type { PluginContext } from '../../runtime/index.js';
import { LIVE_UPDATES, type LiveUpdate, type LiveUpdateEvent } from './live-update-events.js';
import type { PlanSource } from './plan-source.js';
import type { RecordStore } from './record-store.js';

/**
 * Keeps the local copy current after the bootstrap: one `ctx.webhooks.on` per event named in `liveUpdates` (opt-in, so
 * the manifest stays within Clockify's 10 webhooks). An upsert merges the payload over the stored record, since some
 * events carry only the changed fields (`USER_UPDATED`: id, email, name); a delete removes it. Events of a resource the
 * plan does not read are ignored. The webhooks plugin delivers at least once, in order per entity: both are idempotent.
 */
export function registerLiveUpdates(
  ctx: Pick<PluginContext, 'webhooks'>,
  { events, records, planSource }: { events: readonly LiveUpdateEvent[]; records: RecordStore; planSource: PlanSource },
): void {
  for (const event of events) {
    const update: LiveUpdate = LIVE_UPDATES[event];
    ctx.webhooks.on(event, async (payload, { workspaceId, log }) => {
      const { operations } = await planSource.plan();
      if (!operations.some((operation) => operation.resource === update.resource)) return;
      const body = payload as unknown as Record<string, unknown>;
      const id = body[update.idField];
      if (typeof id !== 'string' || id === '') {
        log.warn({ event, field: update.idField }, 'webhook payload names no record: nothing to update');
        return;
      }
      if (update.action === 'delete') await records.remove(workspaceId, update.resource, id);
      else await mergeRecord({ records, workspaceId, update, id, body });
    });
  }
}

async function mergeRecord({
  records,
  workspaceId,
  update,
  id,
  body,
}: {
  records: RecordStore;
  workspaceId: string;
  update: LiveUpdate;
  id: string;
  body: Record<string, unknown>;
}): Promise<void> {
  const stored = await records.find(workspaceId, update.resource, id);
  const merged = { ...(isObject(stored?.body) ? stored.body : {}), ...body };
  const parent = update.parentField ? body[update.parentField] : undefined;
  const parentId = typeof parent === 'string' ? parent : (stored?.parentId ?? '');
  const row = { workspaceId, resource: update.resource, recordId: id, parentId, body: JSON.stringify(merged) };
  await records.upsert([row], new Date());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
