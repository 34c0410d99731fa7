import type { Context } from 'hono';
import type { AddonEnv, ClockifyClaims, PolicyFactory, RawClockifyClaims, RouteInfo, WebhookEventName } from '../../runtime/index.js';
import { AddonError, HttpError, isWebhookEventName, readJsonBody, tokenError } from '../../runtime/index.js';
import type { VerifyToken } from './admission.js';
import type { AuthKit } from './auth-kit.js';
import { isSameToken, storedTokenBytes } from './match-webhook-token.js';
import { readWebhookToken } from './read-token.js';
import { requireInstallation } from './require-installation.js';
import { rejectUserToken, toClockifyClaims } from './to-claims.js';

/**
 * Webhook deliveries: a Clockify server token for an active installation, for the event this route receives, and
 * equal to the token Clockify gave for this very webhook at INSTALLED (PLATFORM.md §3.2). The route names its
 * event in `meta.event`.
 */
export function createWebhookPolicy(kit: AuthKit): PolicyFactory {
  return (route) => {
    const event = routeEvent(route, kit.configFile);
    return async function webhookPolicy(c, next) {
      c.set('clockify', await kit.admission.admit(c, 'webhook', route, (verify) => checkDelivery(c, { kit, route, event, verify })));
      await next();
    };
  };
}

interface Delivery {
  kit: AuthKit;
  route: RouteInfo;
  event: WebhookEventName;
  verify: VerifyToken;
}

async function checkDelivery(c: Context<AddonEnv>, { kit, route, event, verify }: Delivery): Promise<ClockifyClaims> {
  const token = readWebhookToken(c);
  if (!token) throw tokenError('TOKEN_MISSING');
  requireEvent(c, event);
  const raw = await verify(token);
  rejectUserToken(raw, 'webhook');
  const installation = await requireInstallation(kit.installations, raw);
  const stored = storedTokenBytes(installation.webhookTokens, route.path, kit.basePath);
  if (stored === undefined || !isSameToken(token, stored)) {
    throw new HttpError(401, 'WEBHOOK_TOKEN_MISMATCH', `the token is not the one Clockify issued for the webhook at ${route.path}`);
  }
  await requireBodyWorkspace(c, raw);
  return toClockifyClaims(raw, 'webhook');
}

/** Checked at mount time, so a webhook route without a known event fails the boot rather than every delivery. */
function routeEvent(route: RouteInfo, file: string): WebhookEventName {
  const event = route.meta.event;
  if (typeof event !== 'string' || !isWebhookEventName(event)) {
    const detail = `${route.method} ${route.path} uses the webhook policy; set meta.event to the Clockify event it receives (got ${JSON.stringify(event) ?? 'nothing'})`;
    throw new AddonError('ROUTE_META_INVALID', detail, { file, plugin: route.plugin });
  }
  return event;
}

/** The event is only named in the header (bodies have no envelope), and a route handles exactly one event. */
function requireEvent(c: Context<AddonEnv>, expected: WebhookEventName): void {
  const given = c.req.header('clockify-webhook-event-type')?.trim();
  if (given === expected) return;
  const shown = given && /^[A-Z_]{1,64}$/.test(given) ? `"${given}"` : 'another value';
  throw new HttpError(400, 'WEBHOOK_EVENT_MISMATCH', `this route receives ${expected}; clockify-webhook-event-type says ${shown}`);
}

/** Bodies that name a workspace must name the token's (PLATFORM.md §3.2); some events (users) carry none. */
async function requireBodyWorkspace(c: Context<AddonEnv>, claims: Readonly<RawClockifyClaims>): Promise<void> {
  const body = await readJsonBody<unknown>(c);
  const workspaceId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).workspaceId : undefined;
  if (workspaceId !== undefined && workspaceId !== claims.workspaceId) {
    throw new HttpError(403, 'WEBHOOK_BODY_MISMATCH', 'the body\'s "workspaceId" is not the webhook token\'s');
  }
}
