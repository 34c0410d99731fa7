/** Where a component gets the current user token: a string, or a function that may fetch or refresh one. */
export type TokenProvider = () => string | undefined | Promise<string | undefined>;

/** An error answer of the add-on (`{ error: { code, message, requestId, details } }`) or a failed request. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Anything thrown becomes an ApiError (with `code`), so every error renders the same way (message, code, request id);
 * what was thrown stays its `cause`, for a view that shows a non-API error differently.
 */
export function toApiError(caught: unknown, code = 'UNEXPECTED_ERROR'): ApiError {
  if (caught instanceof ApiError) return caught;
  const error = new ApiError(0, code, caught instanceof Error ? caught.message : String(caught));
  error.cause = caught;
  return error;
}

/** The admin APIs answer 403 ADMIN_REQUIRED to anyone but a workspace owner or admin. */
export function isAdminRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'ADMIN_REQUIRED';
}

export interface AddonApiOptions {
  /** The add-on's origin and base path, e.g. `https://addon.example.com`; '' for the page's own origin. */
  baseUrl?: string;
  token: TokenProvider;
  fetch?: typeof fetch;
}

/**
 * The add-on's JSON API as the components use it: every call carries the user token as a bearer token (never in a
 * URL, so it stays out of access logs and history), and every error arrives as an ApiError with the server's code.
 */
export class AddonApi {
  readonly baseUrl: string;
  readonly #token: TokenProvider;
  readonly #fetch: typeof fetch;

  constructor({ baseUrl = '', token, fetch: fetchImpl }: AddonApiOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#token = token;
    this.#fetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.#token();
    if (!token) throw new ApiError(401, 'TOKEN_MISSING', 'no user token: open this page from Clockify');
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.#fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK_ERROR', `the add-on did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json = text ? parseJson(text) : undefined;
    if (response.ok) return json as T;
    const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : `${method} ${path} answered ${response.status}`,
      typeof error?.requestId === 'string' ? error.requestId : undefined,
      (error?.details as Record<string, unknown> | undefined) ?? undefined,
    );
  }
}

function withQuery(path: string, query?: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query ?? {}).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
  );
  if (entries.length === 0) return path;
  return `${path}?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
