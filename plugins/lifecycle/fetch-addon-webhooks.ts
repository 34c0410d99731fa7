import { type ClockifyClients, type ClockifyResponse, isClockifyApiError } from '../../runtime/index.js';

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
  /** The whole check, retries included, is abandoned after this long. */
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

/**
 * `GET {apiUrl}/v1/workspaces/{workspaceId}/addons/{addonId}/webhooks` through the kernel's API client: the stored
 * apiUrl must be on the host allowlist, redirects are refused, the call waits its turn in the workspace's rate limit
 * and is retried on 429/5xx. The client's failures are mapped to this check's codes.
 */
export function createAddonWebhooksFetcher(clients: ClockifyClients): FetchAddonWebhooks {
  return async function fetchAddonWebhooks({ apiUrl, workspaceId, addonId, token, timeoutMs }) {
    let response: ClockifyResponse;
    try {
      const client = clients.forInstallation({ apiUrl, workspaceId, authToken: token });
      response = await client.get('/v1/workspaces/{workspaceId}/addons/{addonId}/webhooks', {
        params: { addonId },
        operationId: 'getAddonWebhooks',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw toCheckError(error);
    }
    if (!response.ok) throw new SubscriptionCheckError('API_REJECTED', `HTTP ${response.status}`);
    return parseListing(response.body);
  };
}

function toCheckError(error: unknown): SubscriptionCheckError {
  if (!isClockifyApiError(error)) return new SubscriptionCheckError('API_UNREACHABLE', (error as Error).message);
  const code: CheckErrorCode = ['CLOCKIFY_API_URL_INVALID', 'CLOCKIFY_HOST_NOT_ALLOWED'].includes(error.code)
    ? 'API_URL_INVALID'
    : error.code === 'CLOCKIFY_RESPONSE_INVALID'
      ? 'API_RESPONSE_INVALID'
      : 'API_UNREACHABLE';
  return new SubscriptionCheckError(code, error.message);
}

function parseListing(body: unknown): AddonWebhookListing {
  if (typeof body !== 'object' || body === null) throw new SubscriptionCheckError('API_RESPONSE_INVALID', 'not a JSON object');
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
