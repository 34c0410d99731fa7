import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { type Dispatcher, request as undiciRequest } from 'undici';
import { ClockifyApiError } from './client-errors.js';

/**
 * The HTTP exchange itself: undici's `request`, which costs a third of what `fetch` does per call (no WHATWG streams,
 * no Response object) and never follows redirects. Tests pass a wrapper to see when requests leave.
 */
export type HttpRequest = typeof undiciRequest;

export interface AttemptInput {
  url: URL;
  method: string;
  headers: Headers;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  request?: HttpRequest;
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

// Pages of records compress about tenfold; `fetch` asked for this and decoded it, undici's request leaves it to us.
const ACCEPT_ENCODING = 'gzip, br';
const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
};

// Codes reported when no connection was made, so nothing reached Clockify.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One HTTP exchange, body read included, bounded by `timeoutMs`. Failures come back as values for the retry loop;
 * only a caller's abort and a redirect throw. Redirects are never followed: they would carry the token elsewhere.
 */
export async function sendAttempt({
  url,
  method,
  headers,
  body,
  timeoutMs,
  signal,
  request = undiciRequest,
}: AttemptInput): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: { 'accept-encoding': ACCEPT_ENCODING, ...Object.fromEntries(headers) },
      body,
      signal: combined,
    });
    if (response.statusCode >= 300 && response.statusCode < 400) {
      await response.body.dump();
      throw new ClockifyApiError('CLOCKIFY_REDIRECT_REFUSED', `HTTP ${response.statusCode} from ${url.host}`);
    }
    const answered = flatten(response.headers);
    const text = await readText(response.body, answered['content-encoding']);
    return { kind: 'response', status: response.statusCode, headers: answered, body: parseBody(text, answered['content-type']) };
  } catch (error) {
    if (error instanceof ClockifyApiError) throw error;
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) return { kind: 'error', failure: 'timeout', error: error as Error };
    // Network trouble carries a code (the socket's, or undici's); invalid arguments are a request it refused to build.
    const code = codeOf(error);
    if (!(error instanceof Error) || code === undefined || code === 'UND_ERR_INVALID_ARG') throw error;
    return { kind: 'error', failure: CONNECT_CODES.has(code) ? 'connect' : 'network', error };
  }
}

/** The body as text, decoded when the server compressed it (an encoding it was not offered is read as it came). */
async function readText(body: Readable & { text(): Promise<string> }, encoding: string | undefined): Promise<string> {
  const decoder = DECODERS[encoding?.trim().toLowerCase() ?? ''];
  if (!decoder) return body.text();
  // pipeline, not pipe: a socket error or a corrupt stream must reject the read, not leave it waiting.
  const decoded = decoder();
  const [, bytes] = await Promise.all([pipeline(body, decoded), buffer(decoded)]);
  return bytes.toString('utf8');
}

/** Header names arrive lower-cased; a repeated header's values are joined as `fetch` would. */
function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  if (!/\bjson\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function codeOf(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
