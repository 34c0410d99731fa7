import type { ApiOperation, ClockifyClient, OpenApi } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import { authorizeCall, type Caller } from './authorize-call.js';
import type { CallParams, ExecuteInput } from './execute-input.js';
import type { ExplorerKit } from './explorer-kit.js';
import { operationScopes } from './operation-scopes.js';
import { type OutboundRequest, sendableMethod, toOutboundRequest } from './outbound-request.js';
import type { ResolvedCall } from './resolve-operation.js';
import { type ServiceUrls, serviceBase, serviceOf } from './service-base.js';
import { validateCall } from './validate-call.js';

/** The caller as the explorer needs it: who (and their role), and the service bases their token names. */
export type ExplorerCaller = Caller & ServiceUrls;

export interface PreparedCall {
  request: OutboundRequest;
  /** Bound to the caller's installation: its token stays inside. */
  client: ClockifyClient;
}

/**
 * Everything before sending a resolved call (its operation found, or a 404 before this), in the order that answers
 * the most useful error first: the caller's rate limit (429), the workspace, role and confirmation (403/400), the
 * scopes the document declares (403), then every field error (400).
 */
export async function prepareCall(
  kit: ExplorerKit,
  openapi: OpenApi,
  call: ResolvedCall,
  caller: ExplorerCaller,
  input: ExecuteInput,
): Promise<PreparedCall> {
  const { operation } = call;
  await kit.takeExecution(caller.workspaceId, caller.userId);
  const { confirm, dryRun } = input;
  authorizeCall({ call, caller, confirm, dryRun, scopes: operationScopes(operation), granted: kit.grantedScopes() });
  const params = withOwnWorkspace(operation, call.params, caller.workspaceId);
  validateCall(openapi.validators, operation, params, input.body);
  const method = sendableMethod(operation);
  const installation = await kit.installations.find(caller.workspaceId);
  // The user policy admitted the token against an active installation; it can only have gone in between.
  if (!installation) throw new HttpError(404, 'INSTALLATION_UNKNOWN', 'the add-on is no longer installed on your workspace');
  const apiUrl = serviceBase(serviceOf(operation), installation, caller);
  const client = kit.clients.forInstallation({ ...installation, apiUrl }, { operations: openapi.index });
  return { request: toOutboundRequest(client, operation, method, params, input.body), client };
}

/** `workspaceId` always comes from the verified token, never from the request. */
function withOwnWorkspace(operation: ApiOperation, params: CallParams, workspaceId: string): CallParams {
  const takesWorkspace = operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === 'workspaceId');
  return takesWorkspace ? { ...params, path: { ...params.path, workspaceId } } : params;
}
