import { performance } from 'node:perf_hooks';
import type { ClockifyClient, Logger } from '../../runtime/index.js';
import { isHttpError } from '../../runtime/index.js';
import type { Caller } from './authorize-call.js';
import type { CallOutcome } from './call-history.js';
import type { ExplorerKit } from './explorer-kit.js';
import { type OutboundRequest, wireBody, wireHeaders } from './outbound-request.js';
import { type ExplorerResponse, responseText, shapeResponse } from './shape-response.js';

export interface SentCall extends ExplorerResponse {
  operationId: string;
  /** The history entry, or null when it could not be written. */
  historyId: number | null;
}

/**
 * Sends a prepared call through the installation's client (allowlist, rate governor, retries) and records it in
 * the history whatever the outcome. Clockify's own errors (404, 429…) are answers, returned as such; a call that
 * got no answer (timeout, unreachable) is recorded with its error and rethrown for the error handler.
 */
export async function sendCall(
  kit: ExplorerKit,
  client: ClockifyClient,
  request: OutboundRequest,
  caller: Caller,
  log: Logger,
): Promise<SentCall> {
  const { operationId } = request;
  const started = performance.now();
  const outcome = { workspaceId: caller.workspaceId, userId: caller.userId, request };
  try {
    const { method, path, query } = request;
    const response = await client.request({ method, path, query, operationId, headers: wireHeaders(request), body: wireBody(request) });
    const text = responseText(response.body);
    const historyId = await recordSafely(kit, log, {
      ...outcome,
      status: response.status,
      durationMs: response.durationMs,
      responseText: text,
    });
    kit.metrics.call(operationId, String(response.status), response.durationMs / 1000);
    log.info({ operationId, status: response.status, durationMs: Math.round(response.durationMs), userId: caller.userId }, 'explorer call');
    return { operationId, ...shapeResponse(response, text, kit.options.maxResponseBytes), historyId };
  } catch (error) {
    const durationMs = performance.now() - started;
    const code = isHttpError(error) ? error.code : 'UNEXPECTED_ERROR';
    // ClockifyApiError messages name hosts and paths, never the token; anything else is not trusted to be clean.
    const message = isHttpError(error) ? `${code}: ${error.message}` : 'the call failed unexpectedly';
    await recordSafely(kit, log, { ...outcome, status: null, durationMs, responseText: '', error: message });
    kit.metrics.call(operationId, code.toLowerCase(), durationMs / 1000);
    throw error;
  }
}

/** A call that happened must reach the caller even when its history row cannot be written. */
async function recordSafely(kit: ExplorerKit, log: Logger, outcome: CallOutcome): Promise<number | null> {
  try {
    return await kit.history.record(outcome);
  } catch (error) {
    log.error({ err: error, operationId: outcome.request.operationId }, 'could not record an explorer call in the history');
    return null;
  }
}
