import type { Store } from '../../runtime/index.js';
import { ApiCall } from '../../runtime/index.js';
import type { CallParams } from './execute-input.js';
import type { OutboundRequest } from './outbound-request.js';
import { redactedJson, truncateUtf8 } from './redact-json.js';

/** One call as the history page lists it. */
export interface CallSummary {
  id: number;
  userId: string;
  operationId: string;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  responseBytes: number;
  responseTruncated: boolean;
  error: string | null;
  /** True when the stored parameters and body are exactly what was sent, so a replay repeats the call. */
  replayable: boolean;
  createdAt: string;
}

export interface CallDetail extends CallSummary {
  params: CallParams;
  /** Parsed when stored whole; the stored text when it was cut; null for none. */
  requestBody: unknown;
  responseBody: unknown;
}

export type CallBody = 'requestBody' | 'responseBody';

export interface CallOutcome {
  workspaceId: string;
  userId: string;
  request: OutboundRequest;
  /** null when no answer came. */
  status: number | null;
  durationMs: number;
  /** The answer's body as text, already redacted. */
  responseText: string;
  error?: string;
}

export interface CallHistory {
  record(outcome: CallOutcome): Promise<number>;
  /** Newest first; `cursor` is the `nextCursor` of the previous page. */
  list(filter: {
    workspaceId: string;
    operationId?: string;
    limit: number;
    cursor?: number;
  }): Promise<{ calls: CallSummary[]; nextCursor?: string }>;
  /** One call; a body in `exclude` is not read and comes back null. */
  get(id: number, workspaceId: string, options?: { exclude?: readonly CallBody[] }): Promise<CallDetail | null>;
  remove(id: number, workspaceId: string): Promise<boolean>;
  purgeBefore(createdBefore: Date): Promise<number>;
  purgeWorkspace(workspaceId: string): Promise<number>;
}

/** The explorer's history in the `api_call` table; bodies are stored cut to `maxBodyBytes`, secrets redacted. */
export function createCallHistory(store: Store, { maxBodyBytes }: { maxBodyBytes: number }): CallHistory {
  return {
    async record({ workspaceId, userId, request, status, durationMs, responseText, error }) {
      const paramsText = redactedJson(request.params);
      const body = request.body === undefined ? undefined : truncateUtf8(redactedJson(request.body), maxBodyBytes);
      const response = truncateUtf8(responseText, maxBodyBytes);
      const exact = paramsText === JSON.stringify(request.params) && sameBody(request.body, body);
      return store.em().insert(ApiCall, {
        workspaceId,
        userId,
        operationId: request.operationId,
        method: request.method,
        path: request.path,
        params: paramsText,
        requestBody: body?.text ?? null,
        replayable: exact,
        status,
        durationMs: Math.round(durationMs),
        responseBytes: response.bytes,
        responseBody: responseText === '' ? null : response.text,
        responseTruncated: response.truncated,
        error: error ?? null,
        createdAt: new Date(),
      });
    },
    async list({ workspaceId, operationId, limit, cursor }) {
      const where = { workspaceId, ...(operationId ? { operationId } : {}), ...(cursor ? { id: { $lt: cursor } } : {}) };
      const rows = await store
        .em()
        .find(ApiCall, where, { orderBy: { id: 'desc' }, limit: limit + 1, exclude: ['responseBody', 'requestBody'] });
      const page = rows.slice(0, limit).map(toSummary);
      return { calls: page, ...(rows.length > limit ? { nextCursor: String(page.at(-1)?.id) } : {}) };
    },
    async get(id, workspaceId, { exclude = [] } = {}) {
      const row: CallRow | null = await store.em().findOne(ApiCall, { id, workspaceId }, { exclude });
      if (!row) return null;
      const requestBody = row.requestBody ? parseStored(row.requestBody, false) : null;
      const responseBody = row.responseBody ? parseStored(row.responseBody, row.responseTruncated) : null;
      return { ...toSummary(row), params: JSON.parse(row.params) as CallParams, requestBody, responseBody };
    },
    remove: async (id, workspaceId) => (await store.em().nativeDelete(ApiCall, { id, workspaceId })) > 0,
    purgeBefore: (createdBefore) => store.em().nativeDelete(ApiCall, { createdAt: { $lt: createdBefore } }),
    purgeWorkspace: (workspaceId) => store.em().nativeDelete(ApiCall, { workspaceId }),
  };
}

/** A row as `get` reads it: without the bodies it was told to leave out. */
type CallRow = Omit<ApiCall, CallBody> & Partial<Pick<ApiCall, CallBody>>;

function sameBody(sent: unknown, stored: { text: string; truncated: boolean } | undefined): boolean {
  if (sent === undefined || stored === undefined) return sent === undefined && stored === undefined;
  return !stored.truncated && stored.text === JSON.stringify(sent);
}

/** JSON when it parses and was stored whole; the text as stored otherwise (a cut body is not JSON any more). */
function parseStored(text: string, cut: boolean): unknown {
  if (cut) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toSummary(row: Omit<ApiCall, 'requestBody' | 'responseBody'>): CallSummary {
  return {
    id: row.id,
    userId: row.userId,
    operationId: row.operationId,
    method: row.method,
    path: row.path,
    status: row.status ?? null,
    durationMs: row.durationMs,
    responseBytes: row.responseBytes,
    responseTruncated: row.responseTruncated,
    error: row.error ?? null,
    replayable: row.replayable,
    createdAt: row.createdAt.toISOString(),
  };
}
