import type { Context } from 'hono';
import type { AddonEnv, AddonHandler } from '../../runtime/index.js';
import { HttpError, positiveIdParam } from '../../runtime/index.js';
import type { CallBody, CallDetail } from './call-history.js';
import { executeCall } from './execute-call.js';
import { type ExecuteInput, parseExecuteInput } from './execute-input.js';
import type { ExplorerKit } from './explorer-kit.js';
import { callerOf, optionalJsonBody, pageQuery, requireOwnerOrAdmin } from './request-context.js';

export interface HistoryHandlers {
  list: AddonHandler;
  get: AddonHandler;
  replay: AddonHandler;
  remove: AddonHandler;
}

/** The history of the caller's workspace: pages of calls, one call in full, replay and delete. */
export function createHistoryHandlers(kit: ExplorerKit): HistoryHandlers {
  const { history } = kit;

  /** The call `:id` of the caller's workspace, without the bodies in `exclude` (not read, null). */
  const found = async (c: Context<AddonEnv>, exclude?: readonly CallBody[]): Promise<CallDetail> => {
    const id = positiveIdParam(c, 'INVALID_ID');
    const call = await history.get(id, callerOf(c).workspaceId, { exclude });
    if (!call) throw new HttpError(404, 'CALL_NOT_FOUND', `no call ${id} in your workspace's explorer history`);
    return call;
  };

  return {
    async list(c) {
      const operationId = c.req.query('operationId') || undefined;
      return c.json(await history.list({ workspaceId: callerOf(c).workspaceId, operationId, ...pageQuery(c) }));
    },
    get: async (c) => c.json({ call: await found(c) }),
    /** The stored request through every check an execution passes, with the replay's own `confirm` and `dryRun`. */
    async replay(c) {
      const call = await found(c, ['responseBody']);
      if (!call.replayable) {
        const why = 'its parameters or body held secrets or were too large, so what is stored is not what was sent';
        throw new HttpError(409, 'CALL_NOT_REPLAYABLE', `call ${call.id} cannot be replayed: ${why}`);
      }
      return c.json(await executeCall(kit, callerOf(c), await replayInput(c, call), c.get('log')));
    },
    async remove(c) {
      const call = await found(c, ['requestBody', 'responseBody']);
      requireOwnerOrAdmin(callerOf(c), call.userId, 'call');
      await history.remove(call.id, callerOf(c).workspaceId);
      return c.json({ deleted: call.id });
    },
  };
}

/** The replay body may only say `{ confirm?, dryRun? }`; the request itself is the stored one. */
async function replayInput(c: Context<AddonEnv>, call: CallDetail): Promise<ExecuteInput> {
  const flags = await optionalJsonBody(c);
  const { confirm, dryRun } = parseExecuteInput({ ...asObject(flags), operationId: call.operationId });
  const unknown = Object.keys(asObject(flags)).filter((key) => key !== 'confirm' && key !== 'dryRun');
  if (unknown.length > 0) throw new HttpError(400, 'INVALID_REQUEST', `a replay takes only "confirm" and "dryRun" (got "${unknown[0]}")`);
  return { operationId: call.operationId, params: call.params, body: call.requestBody ?? undefined, confirm, dryRun };
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new HttpError(400, 'INVALID_REQUEST', 'the replay body must be a JSON object');
}
