import { ClockifyApiError } from './client-errors.js';

export interface AttemptInput {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: typeof globalThis.fetch;
}

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: unknown }
  | { kind: 'error'; failure: 'connect' | 'timeout' | 'network'; error: Error };

/**
 * Performs one HTTP exchange in place of {@link sendAttempt}, with the same contract (failures as values, a redirect
 * thrown): a caller can move the exchange and the body's parsing elsewhere (a worker thread) while the allowlist,
 * the rate governor, retries and metrics stay with the client.
 */
export type AttemptSender = (input: AttemptInput) => Promise<AttemptResult>;

// Codes undici reports when no connection was made, so nothing reached Clockify.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One HTTP exchange, body read included, bounded by `timeoutMs`. Failures come back as values for the retry loop;
 * only a caller's abort and a redirect throw. Redirects are never followed: they would carry the token elsewhere.
 */
export async function sendAttempt({ url, method, headers, body, timeoutMs, signal, fetch }: AttemptInput): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { method, headers, body, redirect: 'manual', signal: combined });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      throw new ClockifyApiError('CLOCKIFY_REDIRECT_REFUSED', `HTTP ${response.status} from ${url.host}`);
    }
    const text = await response.text();
    return {
      kind: 'response',
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: parseBody(text, response.headers),
    };
  } catch (error) {
    if (error instanceof ClockifyApiError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) return { kind: 'error', failure: 'timeout', error: error as Error };
    // undici reports network trouble with a cause (the socket error); an error without one is a request it refused to build.
    if (!(error instanceof Error) || error.cause === undefined) throw error;
    return { kind: 'error', failure: isConnectFailure(error) ? 'connect' : 'network', error };
  }
}

function parseBody(text: string, headers: Headers): unknown {
  if (text === '') return null;
  if (!/\bjson\b/i.test(headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isConnectFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' && CONNECT_CODES.has(cause.code);
}
