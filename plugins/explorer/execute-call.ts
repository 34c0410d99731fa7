import { isHttpError, type Logger } from '../../runtime/index.js';
import type { ExecuteInput } from './execute-input.js';
import type { ExplorerKit } from './explorer-kit.js';
import { type OutboundRequest, wireHeaders } from './outbound-request.js';
import { type ExplorerCaller, type PreparedCall, prepareCall } from './prepare-call.js';
import { resolveOperation } from './resolve-operation.js';
import { type SentCall, sendCall } from './send-call.js';

/** What a dry run answers: the request as it would leave, minus the installation token. */
export interface DryRun {
  dryRun: true;
  operationId: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  /** The X-Addon-Token header is added server-side when the call is really sent; it is never shown. */
  note: string;
}

/**
 * One execution, for `POST …/execute` and replays alike: the caller's rate limit, the checks and validation, then
 * either a description of the request (dry run: nothing is sent, nothing recorded) or the call itself.
 */
export async function executeCall(kit: ExplorerKit, caller: ExplorerCaller, input: ExecuteInput, log: Logger): Promise<SentCall | DryRun> {
  let operation = 'unknown';
  let prepared: PreparedCall;
  try {
    const openapi = await kit.openapi();
    const call = resolveOperation(openapi.index, input);
    operation = call.operation.operationId;
    prepared = await prepareCall(kit, openapi, call, caller, input);
  } catch (error) {
    if (isHttpError(error)) kit.metrics.rejected(operation, error.code);
    throw error;
  }
  if (input.dryRun) {
    kit.metrics.call(operation, 'dry_run', 0);
    return describe(prepared.request);
  }
  return sendCall(kit, prepared.client, prepared.request, caller, log);
}

function describe(request: OutboundRequest): DryRun {
  return {
    dryRun: true,
    operationId: request.operationId,
    request: {
      method: request.method,
      // Built by the client; an API URL with credentials is refused before a client exists, so none can show here.
      url: request.url,
      headers: wireHeaders(request),
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    note: 'not sent; when sent, the installation token is added server-side as X-Addon-Token',
  };
}
