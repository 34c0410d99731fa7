/** One webhook subscription as Clockify lists it (`WebhookDtoV1`, PLATFORM.md §6.5); fields not read are omitted. */
export interface AddonWebhook {
  webhookEvent: string;
  url: string;
  enabled: boolean;
}

export interface AddonWebhookListing {
  webhooks: AddonWebhook[];
  workspaceWebhookCount?: number;
}

export interface FetchAddonWebhooksOptions {
  /** The installation's API base (`apiUrl` from INSTALLED, e.g. `https://api.clockify.me/api`); the only host called. */
  apiUrl: string;
  workspaceId: string;
  addonId: string;
  /** The installation token, sent as `X-Addon-Token`; never part of an error message. */
  token: string;
  timeoutMs: number;
}

export type FetchAddonWebhooks = (options: FetchAddonWebhooksOptions) => Promise<AddonWebhookListing>;

export const CHECK_ERRORS = {
  API_URL_INVALID: 'the installation has no usable http(s) API URL',
  API_UNREACHABLE: 'the Clockify API did not answer in time or could not be reached',
  API_REJECTED: 'the Clockify API refused the request',
  API_RESPONSE_INVALID: 'the Clockify API answered something other than a webhook list',
} as const;

export type CheckErrorCode = keyof typeof CHECK_ERRORS;

export class SubscriptionCheckError extends Error {
  override name = 'SubscriptionCheckError';
  readonly code: CheckErrorCode;

  constructor(code: CheckErrorCode, detail?: string) {
    super(detail ? `${CHECK_ERRORS[code]}: ${detail}` : CHECK_ERRORS[code]);
    this.code = code;
  }
}

// The listing holds a few dozen entries; anything far larger is not what we asked for.
const MAX_RESPONSE_CHARS = 1_000_000;

/**
 * `GET {apiUrl}/v1/workspaces/{workspaceId}/addons/{addonId}/webhooks` with Node's fetch. The host comes from the
 * stored installation only, redirects are refused (they would carry the token elsewhere), and the call is abandoned
 * after `timeoutMs`. Kept to this one function so the API client with its host allowlist can replace it.
 */
export const fetchAddonWebhooks: FetchAddonWebhooks = async ({ apiUrl, workspaceId, addonId, token, timeoutMs }) => {
  const url = listingUrl(apiUrl, workspaceId, addonId);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'X-Addon-Token': token, Accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SubscriptionCheckError('API_UNREACHABLE', `${url.host}: ${(error as Error).message}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new SubscriptionCheckError('API_REJECTED', `HTTP ${response.status} from ${url.host}`);
  return parseListing(text);
};

function listingUrl(apiUrl: string, workspaceId: string, addonId: string): URL {
  let base: URL;
  try {
    base = new URL(apiUrl);
  } catch {
    throw new SubscriptionCheckError('API_URL_INVALID');
  }
  if (!['http:', 'https:'].includes(base.protocol) || base.username || base.password) throw new SubscriptionCheckError('API_URL_INVALID');
  const path = `/v1/workspaces/${encodeURIComponent(workspaceId)}/addons/${encodeURIComponent(addonId)}/webhooks`;
  return new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base.origin);
}

function parseListing(text: string): AddonWebhookListing {
  let body: unknown;
  try {
    if (text.length > MAX_RESPONSE_CHARS) throw new Error('too large');
    body = JSON.parse(text);
  } catch {
    throw new SubscriptionCheckError('API_RESPONSE_INVALID', 'not JSON');
  }
  const { webhooks, workspaceWebhookCount } = (body ?? {}) as { webhooks?: unknown; workspaceWebhookCount?: unknown };
  if (!Array.isArray(webhooks)) throw new SubscriptionCheckError('API_RESPONSE_INVALID', 'no "webhooks" array');
  return {
    webhooks: webhooks.filter(isListedWebhook).map(({ webhookEvent, url, enabled }) => ({ webhookEvent, url, enabled: enabled !== false })),
    ...(typeof workspaceWebhookCount === 'number' ? { workspaceWebhookCount } : {}),
  };
}

function isListedWebhook(item: unknown): item is { webhookEvent: string; url: string; enabled?: unknown } {
  const candidate = item as { webhookEvent?: unknown; url?: unknown } | null;
  return typeof candidate?.webhookEvent === 'string' && typeof candidate.url === 'string';
}
