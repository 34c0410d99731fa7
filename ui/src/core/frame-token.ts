import { msUntilExpiry, readClaims, type UserClaims } from './claims.js';

export type TokenState = 'valid' | 'missing' | 'expired';

export interface FrameTokenOptions {
  /** The page's URL; its `auth_token` query parameter is the first token. */
  url?: string;
  /** The window Clockify runs in (where `refreshAddonToken` is posted); undefined outside an iframe. */
  host?: Pick<Window, 'postMessage'>;
  /** The window whose `message` events may carry a fresh token. */
  messages?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** How long before `exp` a fresh token is asked for. */
  refreshLeadMs?: number;
  now?: () => number;
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * The user token of a page Clockify shows in an iframe. It arrives as `?auth_token=` and lasts 30 minutes; before it
 * runs out the page posts `refreshAddonToken` to Clockify (PLATFORM.md §7). How Clockify answers is not documented, so
 * any message from the host window that carries a newer token of the same workspace and user is taken (a bare string,
 * or `token`, `authToken`, `auth_token` at the top or in `body`/`payload`); Clockify may instead reload the iframe with
 * a new URL, which starts over with that token while the URL hash keeps the page's place. Listeners hear `change`
 * whenever the token or its state changes.
 */
export class FrameToken extends EventTarget {
  #token: string | undefined;
  #claims: UserClaims | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #options: Required<Pick<FrameTokenOptions, 'refreshLeadMs' | 'now'>> & FrameTokenOptions;

  constructor(options: FrameTokenOptions = {}) {
    super();
    this.#options = { refreshLeadMs: 5 * 60_000, now: Date.now, ...options };
    const token = new URL(options.url ?? globalThis.location.href).searchParams.get('auth_token') ?? undefined;
    this.#accept(token);
    options.messages?.addEventListener('message', this.#onMessage);
  }

  get token(): string | undefined {
    return this.state === 'valid' ? this.#token : undefined;
  }

  get claims(): UserClaims | undefined {
    return this.#claims;
  }

  get state(): TokenState {
    if (!this.#claims) return 'missing';
    return msUntilExpiry(this.#claims, this.#options.now()) > 0 ? 'valid' : 'expired';
  }

  /** A token provider for AddonApi: the current token, or undefined once it has expired. */
  readonly provider = (): string | undefined => this.token;

  /** Asks Clockify for a fresh token now. */
  requestRefresh(): void {
    this.#options.host?.postMessage(JSON.stringify({ action: 'refreshAddonToken' }), '*');
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#options.messages?.removeEventListener('message', this.#onMessage);
  }

  readonly #onMessage = (event: Event): void => {
    const { data, source } = event as MessageEvent;
    if (this.#options.host && source !== this.#options.host) return;
    const token = findToken(data);
    const claims = readClaims(token);
    if (!token || !claims || !this.#sameViewer(claims)) return;
    if ((claims.exp ?? Number.POSITIVE_INFINITY) <= (this.#claims?.exp ?? 0)) return;
    this.#accept(token);
  };

  #sameViewer(claims: UserClaims): boolean {
    return !this.#claims || (claims.workspaceId === this.#claims.workspaceId && claims.userId === this.#claims.userId);
  }

  #accept(token: string | undefined): void {
    clearTimeout(this.#timer);
    this.#token = token;
    this.#claims = readClaims(token);
    this.#schedule();
    this.dispatchEvent(new Event('change'));
  }

  #schedule(): void {
    if (!this.#claims) return;
    const left = msUntilExpiry(this.#claims, this.#options.now());
    if (!Number.isFinite(left) || left <= 0) return;
    // Ask ahead of expiry, then wake at expiry so the page can show that the token ran out if no answer came.
    const refreshIn = Math.max(0, left - this.#options.refreshLeadMs);
    this.#timer = setTimeout(
      () => {
        this.requestRefresh();
        this.#timer = setTimeout(() => this.dispatchEvent(new Event('change')), Math.max(0, left - refreshIn) + 50);
      },
      Math.min(refreshIn, 2 ** 31 - 1),
    );
  }
}

function findToken(data: unknown, depth = 0): string | undefined {
  if (typeof data === 'string') {
    if (JWT.test(data)) return data;
    if (depth === 0 && data.startsWith('{')) {
      try {
        return findToken(JSON.parse(data), depth + 1);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  if (typeof data !== 'object' || data === null || depth > 2) return undefined;
  const record = data as Record<string, unknown>;
  for (const key of ['token', 'authToken', 'auth_token']) {
    if (typeof record[key] === 'string' && JWT.test(record[key])) return record[key];
  }
  return findToken(record.body, depth + 1) ?? findToken(record.payload, depth + 1);
}
