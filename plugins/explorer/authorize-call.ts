import { HttpError, isWorkspaceAdmin } from '../../runtime/index.js';
import { checkScopes, type OperationScopes } from './operation-scopes.js';
import type { ResolvedCall } from './resolve-operation.js';

/** Who asks, from the verified user token. */
export interface Caller {
  workspaceId: string;
  userId: string;
  workspaceRole?: string;
}

export interface AuthorizeInput {
  call: ResolvedCall;
  caller: Caller;
  confirm: boolean;
  dryRun: boolean;
  scopes: OperationScopes;
  granted: ReadonlySet<string>;
}

/**
 * The checks that do not depend on parameter values being valid: the workspace is the token's, a write is an admin's
 * confirmed decision, and the manifest grants the scopes the document declares. A dry run sends nothing, so it needs
 * neither an admin nor a confirmation. Scopes guessed from tags only flag the listing: Clockify has the last word.
 */
export function authorizeCall({ call, caller, confirm, dryRun, scopes, granted }: AuthorizeInput): void {
  const asked = call.params.path.workspaceId;
  if (asked !== undefined && asked !== caller.workspaceId) {
    throw new HttpError(403, 'WORKSPACE_FORBIDDEN', "the explorer calls your own workspace only (the token's); leave workspaceId out");
  }
  const { operation } = call;
  if (!operation.readOnly && !dryRun) {
    if (!isWorkspaceAdmin(caller.workspaceRole)) {
      throw new HttpError(403, 'ADMIN_REQUIRED', `${operation.operationId} changes data: only workspace owners and admins may run it`);
    }
    if (!confirm) {
      throw new HttpError(400, 'CONFIRMATION_REQUIRED', `${operation.operationId} changes data: send "confirm": true to run it`);
    }
  }
  const verdict = checkScopes(scopes, granted);
  if (!verdict.allowed && scopes.source === 'document') throw new HttpError(403, 'SCOPE_MISSING', verdict.reason ?? 'a scope is missing');
}
