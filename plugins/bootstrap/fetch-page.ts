import type { AttemptSender, ClockifyClient, ListPageFetcher, NormalisedRecord, PlannedOperation } from '../../runtime/index.js';
import { isClockifyApiError, isListPage, isListPageProblem } from '../../runtime/index.js';
import type { Step } from './checkpoint-store.js';

export interface FetchedPage {
  records: readonly NormalisedRecord[];
  /** HTTP attempts the page took, retries included. */
  attempts: number;
  rateLimited: number;
}

/** A page that could not be read; `retryable` when trying again later may help (429s, 5xx and timeouts that outlasted the client's retries). */
export class PageFailure extends Error {
  override name = 'PageFailure';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly attempts: number,
    readonly rateLimited: number,
  ) {
    super(message);
  }
}

const RETRYABLE_CODES = new Set(['CLOCKIFY_TIMEOUT', 'CLOCKIFY_UNREACHABLE', 'CLOCKIFY_RATE_LIMIT_WAIT']);

/**
 * Reads one page through the installation's API client, which takes a rate-governor token on this thread before each
 * attempt and retries; each attempt's exchange and parsing run in the fetcher's worker pool, whose compact page is the
 * response body here. The sender is wrapped to count attempts and 429s.
 */
export async function fetchPage({
  client,
  fetcher,
  operation,
  step,
  signal,
}: {
  client: ClockifyClient;
  fetcher: ListPageFetcher;
  operation: PlannedOperation;
  step: Step;
  signal: AbortSignal;
}): Promise<FetchedPage> {
  const counts = { attempts: 0, rateLimited: 0 };
  const sender = fetcher.sender({ itemsPath: operation.itemsPath, idPrefix: step.parentId, offset: (step.page - 1) * operation.pageSize });
  const send: AttemptSender = async (input) => {
    counts.attempts += 1;
    const result = await sender(input);
    if (result.kind === 'response' && result.status === 429) counts.rateLimited += 1;
    return result;
  };
  const where = `${operation.operationId} page ${step.page}${step.parentId ? ` of ${step.parentId}` : ''}`;
  const failure = (message: string, retryable: boolean) =>
    new PageFailure(`${where}: ${message}`, retryable, counts.attempts, counts.rateLimited);
  let response: Awaited<ReturnType<ClockifyClient['request']>>;
  try {
    response = await client.request({
      method: 'GET',
      path: operation.path,
      params: paramsOf(operation, step.parentId),
      query: { ...operation.query, page: step.page, 'page-size': operation.pageSize },
      operationId: operation.operationId,
      signal,
      send,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const retryable = !isClockifyApiError(error) || RETRYABLE_CODES.has(error.code);
    throw failure((error as Error).message, retryable);
  }
  if (response.ok && isListPage(response.body)) return { records: response.body.records, ...counts };
  if (response.ok) throw failure(isListPageProblem(response.body) ? response.body.problem : 'the answer holds no records', false);
  const retryable = response.status === 429 || response.status >= 500;
  throw failure(`HTTP ${response.status}${messageOf(response.body)}`, retryable);
}

/** `{ userId: 'u1' }` from the checkpoint's parent key (`/`-joined values of the path parameters, in path order). */
function paramsOf(operation: PlannedOperation, parentId: string): Record<string, string> {
  if (operation.params.length === 0) return {};
  const values = parentId.split('/');
  return Object.fromEntries(operation.params.map((name, index) => [name, values[index] ?? '']));
}

function messageOf(body: unknown): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? ` (${message.slice(0, 200)})` : '';
}
