import type { Context } from 'hono';
import type { AddonEnv } from '../../runtime/index.js';
import { HttpError, isWorkspaceAdmin, readJsonBody } from '../../runtime/index.js';
import type { ExplorerCaller } from './prepare-call.js';

/** The verified user token's claims as the explorer uses them (the `user` or `admin` policy set them). */
export function callerOf(c: Context<AddonEnv>): ExplorerCaller {
  const claims = c.get('clockify');
  return {
    workspaceId: claims.workspaceId,
    // The user policy refuses a token without `user`.
    userId: claims.user ?? '',
    workspaceRole: claims.workspaceRole,
    reportsUrl: claims.reportsUrl,
    ptoUrl: claims.ptoUrl,
  };
}

/** Changing or deleting what another user made takes a workspace admin. */
export function requireOwnerOrAdmin(caller: ExplorerCaller, ownerId: string, what: string): void {
  if (ownerId !== caller.userId && !isWorkspaceAdmin(caller.workspaceRole)) {
    throw new HttpError(403, 'NOT_YOURS', `only its author or a workspace admin may change or delete this ${what}`);
  }
}

/** `?limit=` (1–200, default 50) and `?cursor=` (the previous page's `nextCursor`). */
export function pageQuery(c: Context<AddonEnv>): { limit: number; cursor?: number } {
  const { limit = '50', cursor } = c.req.query();
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 200) {
    throw new HttpError(400, 'INVALID_PARAMETER', '"limit" must be an integer from 1 to 200');
  }
  if (cursor !== undefined && !/^[1-9]\d{0,15}$/.test(cursor)) {
    throw new HttpError(400, 'INVALID_PARAMETER', '"cursor" must be the nextCursor of an earlier page');
  }
  return { limit: Number(limit), ...(cursor ? { cursor: Number(cursor) } : {}) };
}

/** A JSON body that may be left out entirely (no content type, or nothing sent): `{}` then. */
export async function optionalJsonBody(c: Context<AddonEnv>): Promise<unknown> {
  if (!c.req.header('content-type') && (c.req.header('content-length') ?? '0') === '0') return {};
  return readJsonBody<unknown>(c);
}
