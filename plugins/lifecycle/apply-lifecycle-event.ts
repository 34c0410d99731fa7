import type { InstallationKey, Installations as InstallationState, LifecycleType } from '../../runtime/index.js';
import { webhookTokensByPath } from './normalise-webhook-path.js';
import type { DeletedPayload, InstalledPayload, LifecycleBodies, SettingsUpdatedPayload, StatusChangedPayload } from './payloads.js';

/** Why a lifecycle call changed nothing; each is answered 200 (README.md says why). */
export const IGNORE_REASONS = {
  UNKNOWN_INSTALLATION: 'no installation is stored for this workspace',
  STALE_ADDON_ID: 'the stored installation has another addonId (the call belongs to an earlier installation)',
  RETIRED_ADDON_ID: 'this addonId was already DELETED; a late or repeated call cannot bring it back',
} as const;

export type IgnoreReason = keyof typeof IGNORE_REASONS;
export type Change = 'created' | 'updated' | 'replaced' | 'status' | 'settings' | 'removed';
export type LifecycleOutcome = { result: 'applied'; change: Change } | { result: 'ignored'; reason: IgnoreReason };

export interface ApplyContext {
  state: InstallationState;
  now: Date;
  /** The manifest's base URL: webhook paths in INSTALLED are made relative to it. */
  baseUrl: string;
  /** Used as the API base when INSTALLED carries no `apiUrl` (the lifecycle token's `backendUrl`, if any). */
  fallbackApiUrl?: string;
}

const applied = (change: Change): LifecycleOutcome => ({ result: 'applied', change });
const ignored = (reason: IgnoreReason): LifecycleOutcome => ({ result: 'ignored', reason });

/** Applies one validated lifecycle call to the store and says what happened. Idempotent per (type, body). */
export function applyLifecycleEvent<T extends LifecycleType>(
  type: T,
  body: LifecycleBodies[T],
  context: ApplyContext,
): Promise<LifecycleOutcome> {
  switch (type) {
    case 'INSTALLED':
      return applyInstalled(body as InstalledPayload, context);
    case 'STATUS_CHANGED':
      return applyStatusChanged(body as StatusChangedPayload, context);
    case 'SETTINGS_UPDATED':
      return applySettingsUpdated(body as SettingsUpdatedPayload, context);
    default:
      return applyDeleted(body as DeletedPayload, context);
  }
}

/**
 * A first INSTALLED creates the installation; a repeat for the same addonId refreshes its tokens and keeps
 * status and settings (a retry must not undo a later STATUS_CHANGED); a new addonId is a reinstall and replaces it.
 */
async function applyInstalled(body: InstalledPayload, { state, now, baseUrl, fallbackApiUrl }: ApplyContext): Promise<LifecycleOutcome> {
  if (await state.isRetired(body)) return ignored('RETIRED_ADDON_ID');
  const existing = await state.find(body.workspaceId);
  const same = existing?.addonId === body.addonId ? existing : undefined;
  await state.save({
    workspaceId: body.workspaceId,
    addonId: body.addonId,
    authToken: body.authToken,
    apiUrl: body.apiUrl ?? fallbackApiUrl,
    asUser: body.asUser,
    addonUserId: body.addonUserId,
    webhookTokens: webhookTokensByPath(body.webhooks, baseUrl),
    status: same?.status ?? 'ACTIVE',
    settings: same?.settings,
    installedAt: same?.installedAt ?? now,
    updatedAt: now,
  });
  // A DELETED of this addonId may have committed on another instance between the check and the save.
  if (await state.isRetired(body)) {
    await state.retire(body, now);
    return ignored('RETIRED_ADDON_ID');
  }
  return applied(!existing ? 'created' : same ? 'updated' : 'replaced');
}

async function applyStatusChanged(body: StatusChangedPayload, { state, now }: ApplyContext): Promise<LifecycleOutcome> {
  return (await state.setStatus(body, body.status, now)) ? applied('status') : ignored(await whyUnmatched(state, body));
}

async function applySettingsUpdated(body: SettingsUpdatedPayload, { state, now }: ApplyContext): Promise<LifecycleOutcome> {
  return (await state.setSettings(body, body.settings, now)) ? applied('settings') : ignored(await whyUnmatched(state, body));
}

/** Retires the addonId even when nothing matches: Clockify has said it is gone, so a late INSTALLED of it is refused. */
async function applyDeleted(body: DeletedPayload, { state, now }: ApplyContext): Promise<LifecycleOutcome> {
  const retiredBefore = await state.isRetired(body);
  if (await state.retire(body, now)) return applied('removed');
  return ignored(await whyUnmatched(state, body, () => Promise.resolve(retiredBefore)));
}

/** Only on the ignored path, to tell the caller and the log which kind of stale call it was. */
async function whyUnmatched(state: InstallationState, key: InstallationKey, isRetired = () => state.isRetired(key)): Promise<IgnoreReason> {
  if (await state.find(key.workspaceId)) return 'STALE_ADDON_ID';
  return (await isRetired()) ? 'RETIRED_ADDON_ID' : 'UNKNOWN_INSTALLATION';
}
