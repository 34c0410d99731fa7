import { ClockifyApiError } from './client-errors.js';
import type { ClockifyClient, ClockifyPage, PaginateOptions } from './types.js';

/** Pages of a list, one request per page; see {@link ClockifyClient.paginate}. */
export async function* paginate<T>(
  client: Pick<ClockifyClient, 'request'>,
  path: string,
  { pageSize = 50, maxPages = 1000, firstPage = 1, params, query, operationId, items = onlyArrayOf, signal }: PaginateOptions = {},
): AsyncGenerator<ClockifyPage<T>, void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer (got ${pageSize})`);
  for (let page = firstPage; page < firstPage + maxPages; page++) {
    const response = await client.request({
      method: 'GET',
      path,
      params,
      query: { ...query, page, 'page-size': pageSize },
      operationId,
      signal,
    });
    if (!response.ok) {
      throw new ClockifyApiError('CLOCKIFY_RESPONSE_INVALID', `HTTP ${response.status} for page ${page} of ${path}`, {
        details: { status: response.status, page },
      });
    }
    const found = Array.isArray(response.body) ? response.body : items(response.body);
    if (!found) throw new ClockifyApiError('CLOCKIFY_RESPONSE_INVALID', `page ${page} of ${path} holds no list`, { details: { page } });
    yield { page, items: found as readonly T[], response };
    // Clockify sends no last-page marker: a short page is the last one (PLATFORM.md §6.3).
    if (found.length < pageSize) return;
  }
}

/** The items of a wrapped list (`{ webhooks: [...] }`, `{ count, requests: [...] }`): the body's only array property. */
function onlyArrayOf(body: unknown): readonly unknown[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const arrays = Object.values(body).filter((value): value is unknown[] => Array.isArray(value));
  return arrays.length === 1 ? arrays[0] : undefined;
}
