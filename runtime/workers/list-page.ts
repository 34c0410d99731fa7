/** One page of a Clockify list, fetched, parsed and normalised off the main thread (or on it, when no pool is used). */

export interface ListPageTask {
  readonly url: string;
  readonly method: string;
  /** The request headers, the installation token among them: the worker is part of this process, nothing leaves it. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Property names from a 2xx body down to its array of records; empty when the body is the array. */
  readonly itemsPath: readonly string[];
  /** Names records without an `id` of their own: `<idPrefix>#<position in the list>`. */
  readonly idPrefix: string;
  /** Position of the page's first record in the whole list. */
  readonly offset: number;
}

export interface NormalisedRecord {
  readonly id: string;
  /** The record as JSON text, ready to store: the main thread never parses or serialises it. */
  readonly body: string;
  /** False when the id was made up from the record's position (the record has no `id`). */
  readonly ownId: boolean;
}

export interface ListPage {
  readonly records: readonly NormalisedRecord[];
  /** The thread that parsed the page (0: the main thread). */
  readonly thread: number;
}

/** A 2xx answer that holds no list where the plan expects one. */
export interface ListPageProblem {
  readonly problem: string;
}

export type ListPageOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly retryAfter?: string;
      readonly body: ListPage | ListPageProblem | unknown;
    }
  | { readonly kind: 'error'; readonly failure: 'connect' | 'timeout' | 'network'; readonly message: string }
  | { readonly kind: 'redirect'; readonly detail: string };

/** A task that only starts a thread and loads the task module, so the first real pages do not wait for either. */
export interface WarmUpTask {
  readonly warmUp: true;
}

export function isListPage(body: unknown): body is ListPage {
  return typeof body === 'object' && body !== null && Array.isArray((body as ListPage).records);
}

export function isListPageProblem(body: unknown): body is ListPageProblem {
  return typeof body === 'object' && body !== null && typeof (body as ListPageProblem).problem === 'string';
}

/**
 * The records of a parsed 2xx body as `{ id, body }` pairs. Clockify records carry a string `id`; a list of rows
 * without one (a user's daily totals) is keyed by position, which is stable for the same request.
 */
export function normaliseListPage(
  body: unknown,
  { itemsPath, idPrefix, offset }: Pick<ListPageTask, 'itemsPath' | 'idPrefix' | 'offset'>,
  thread: number,
): ListPage | ListPageProblem {
  let items: unknown = body;
  for (const key of itemsPath) items = isObject(items) ? items[key] : undefined;
  if (!Array.isArray(items)) {
    const where = itemsPath.length ? `body.${itemsPath.join('.')}` : 'the body';
    return { problem: `expected a list of records in ${where}, got ${items === null ? 'null' : typeof items}` };
  }
  const records = items.map((item, index): NormalisedRecord => {
    const own = isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') && item.id !== '';
    return {
      id: own ? String((item as { id: string | number }).id) : `${idPrefix}#${offset + index}`,
      body: JSON.stringify(item),
      ownId: own,
    };
  });
  return { records, thread };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
