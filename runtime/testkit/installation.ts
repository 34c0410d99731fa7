import type { Manifest } from '../clockify/build-manifest.js';

/** Whether Clockify holds a manifest webhook's subscription; tests mark one missing or disabled to see the add-on notice. */
export type SubscriptionState = 'enabled' | 'disabled' | 'missing';

export interface SimulatedWebhook {
  readonly id: string;
  readonly event: string;
  /** The manifest path. */
  readonly path: string;
  /** `manifest.baseUrl + path`: where deliveries go. */
  readonly url: string;
  /** The signature sent as `clockify-signature`, one per webhook, given to the add-on in INSTALLED. */
  readonly token: string;
  state: SubscriptionState;
}

/** The add-on as the simulated workspace has it installed. */
export interface SimulatedInstallation {
  readonly addonId: string;
  readonly manifest: Manifest;
  readonly authToken: string;
  readonly addonUserId: string;
  status: 'ACTIVE' | 'INACTIVE';
  readonly webhooks: SimulatedWebhook[];
}

/** What `GET /v1/workspaces/{ws}/addons/{addonId}/webhooks` answers (`WebhooksDtoV1`, PLATFORM.md §6.5). */
export function listAddonWebhooks(installation: SimulatedInstallation | undefined, workspaceId: string, addonId: string) {
  const listed = installation?.addonId === addonId ? installation.webhooks.filter((webhook) => webhook.state !== 'missing') : [];
  return {
    webhooks: listed.map((webhook) => ({
      id: webhook.id,
      name: webhook.event.slice(0, 30),
      url: webhook.url,
      userId: installation?.addonUserId,
      workspaceId,
      enabled: webhook.state === 'enabled',
      webhookEvent: webhook.event,
      triggerSource: [],
      triggerSourceType: 'WORKSPACE_ID',
      authToken: webhook.token,
    })),
    workspaceWebhookCount: listed.length,
  };
}

/** A manifest as read from the add-on, checked just enough to drive lifecycle calls and webhooks. */
export function isManifest(value: unknown): value is Manifest {
  const candidate = value as Partial<Manifest> | null;
  return (
    typeof candidate?.key === 'string' &&
    typeof candidate.baseUrl === 'string' &&
    (candidate.lifecycle === undefined || Array.isArray(candidate.lifecycle)) &&
    (candidate.webhooks === undefined || Array.isArray(candidate.webhooks))
  );
}
