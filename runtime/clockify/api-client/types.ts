import type { ApiTarget, Query } from './api-url.js';
import type { AttemptSender } from './send-attempt.js';

export type ClockifyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ClockifyRequest extends ApiTarget {
  method: ClockifyMethod;
  /** An object or array is sent as JSON; a string as it is. */
  body?: unknown;
  /** The operation's id in the OpenAPI document, for metrics; looked up from method and path when absent. */
  operationId?: string;
  /** Extra request headers; the client sets `X-Addon-Token` itself and ignores one given here. */
  headers?: Readonly<Record<string, string>>;
  /** Repeats after a 500/502/504 or a timeout even for POST/PATCH, for calls that only read (the reports API). */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * Performs each attempt's HTTP exchange instead of the built-in one, e.g. in a worker thread that also parses the
   * body; the URL and header checks, the rate governor, retries and metrics apply as to any call.
   */
  send?: AttemptSender;
}

export type RequestOptions = Omit<ClockifyRequest, 'method' | 'path' | 'body'>;

/** Clockify's answer, whatever its status: the caller decides what a 404 means. The token is never part of it. */
export interface ClockifyResponse<T = unknown> {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the answer is JSON, the text otherwise, null when empty. Not validated. */
  readonly body: T;
  /** From the call to the last byte, rate-governor waits and backoff included. */
  readonly durationMs: number;
  readonly attempts: number;
}

export interface PaginateOptions {
  /** `page-size` of every request (default 50, Clockify's default). */
  pageSize?: number;
  /** Stops after this many pages even if they are all full (default 1000). */
  maxPages?: number;
  /** The first page to ask for (default 1: Clockify's pages are 1-based, PLATFORM.md §6.3). */
  firstPage?: number;
  params?: ApiTarget['params'];
  query?: Query;
  operationId?: string;
  /** Where a page's items are when the body is not an array (default: the body's only array property). */
  items?: (body: unknown) => readonly unknown[] | undefined;
  signal?: AbortSignal;
}

export interface ClockifyPage<T = unknown> {
  readonly page: number;
  readonly items: readonly T[];
  readonly response: ClockifyResponse;
}

/** Calls the Clockify API as one installation: its API base, its token, its workspace's rate limit. */
export interface ClockifyClient {
  readonly workspaceId: string;
  /** The API base every path is appended to, e.g. `https://api.clockify.me/api`. */
  readonly baseUrl: string;
  /** The URL a request for `target` goes to, built and checked as `request` builds it; nothing is sent. */
  url(target: ApiTarget): string;
  request<T = unknown>(request: ClockifyRequest): Promise<ClockifyResponse<T>>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<ClockifyResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ClockifyResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ClockifyResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ClockifyResponse<T>>;
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<ClockifyResponse<T>>;
  /**
   * The pages of a list, `page` and `page-size` in the query, until the first page shorter than `page-size`
   * (Clockify sends no last-page header, PLATFORM.md §6.3). A page that is not a 2xx list throws.
   */
  paginate<T = unknown>(path: string, options?: PaginateOptions): AsyncGenerator<ClockifyPage<T>, void, undefined>;
}
