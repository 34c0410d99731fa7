import type { StoppedTimeEntryPayload } from '../../runtime/index.js';
import { definePlugin, type WebhookContext } from '../../runtime/index.js';

interface OvertimeAlertOptions {
  /** Entries longer than this many hours are tagged. */
  maxHours: number;
  /** The id of the workspace's "overtime" tag. */
  tagId: string;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * An example user plugin: when a timer stops on an entry longer than `maxHours`, it adds the overtime tag to the entry
 * through the Clockify API. The webhooks plugin gives it the route, the manifest entry, the stored-token check, the
 * inbox and retries; this file only says what to do with a typed TIMER_STOPPED body.
 *
 * ```yaml
 * plugins:
 *   - use: auth
 *   - use: lifecycle
 *   - use: webhooks
 *   - use: ./examples/plugins/overtime-alert.ts
 *     options: { maxHours: 10, tagId: 64f1c0ffee0000000000beef }
 * ```
 */
export default definePlugin<OvertimeAlertOptions>({
  name: 'overtime-alert',
  dependsOn: ['webhooks'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['tagId'],
    properties: {
      maxHours: { type: 'number', exclusiveMinimum: 0, default: 10 },
      tagId: { type: 'string', minLength: 1 },
    },
  },
  // Updating an entry needs the write scope; the manifest gets it from here.
  manifest: () => ({ scopes: ['TIME_ENTRY_WRITE'] }),
  setup(ctx) {
    const { maxHours, tagId } = ctx.options;
    ctx.webhooks.on('TIMER_STOPPED', async (entry, context) => {
      const hours = (Date.parse(entry.timeInterval.end) - Date.parse(entry.timeInterval.start)) / HOUR_MS;
      // Handlers run at least once (a retry or a replay may run this again), so a tagged entry is left alone.
      if (hours <= maxHours || entry.tagIds?.includes(tagId)) return;
      await tagEntry(entry, tagId, context);
      context.log.info({ timeEntryId: entry.id, userId: entry.userId, hours: Number(hours.toFixed(2)) }, 'overtime entry tagged');
    });
  },
});

/** `PUT …/time-entries/{id}` replaces the entry, so its fields from the payload are sent back along with the extra tag. */
async function tagEntry(entry: StoppedTimeEntryPayload, tagId: string, { api }: WebhookContext<'TIMER_STOPPED'>): Promise<void> {
  const body = {
    start: entry.timeInterval.start,
    end: entry.timeInterval.end,
    description: entry.description,
    billable: entry.billable,
    ...(entry.projectId ? { projectId: entry.projectId } : {}),
    ...(entry.taskId ? { taskId: entry.taskId } : {}),
    tagIds: [...(entry.tagIds ?? []), tagId],
  };
  const response = await api.put('/v1/workspaces/{workspaceId}/time-entries/{id}', body, { params: { id: entry.id } });
  // Throwing makes the dispatcher retry with backoff, and park the event as dead if Clockify keeps refusing.
  if (!response.ok) throw new Error(`Clockify answered ${response.status} to tagging time entry ${entry.id}`);
}
