import { describe, expect, it } from 'vitest';
import type { InstallationKey, InstallationRecord, Installations as InstallationState } from '../../runtime/index.js';
import { type ApplyContext, applyLifecycleEvent } from './apply-lifecycle-event.js';

/** The store's semantics in memory, so each transition can be checked without a database (the integration suite uses real ones). */
function memoryState() {
  const rows = new Map<string, InstallationRecord>();
  const retired = new Set<string>();
  const id = ({ workspaceId, addonId }: InstallationKey) => `${workspaceId}/${addonId}`;
  const matching = (key: InstallationKey) => {
    const row = rows.get(key.workspaceId);
    return row?.addonId === key.addonId ? row : undefined;
  };
  const state: InstallationState & { beforeSave?: () => void } = {
    find: async (workspaceId) => rows.get(workspaceId) ?? null,
    save: async (record) => {
      state.beforeSave?.();
      rows.set(record.workspaceId, record);
    },
    setStatus: async (key, status) => Boolean(matching(key) && Object.assign(matching(key)!, { status })),
    setSettings: async (key, settings) => Boolean(matching(key) && Object.assign(matching(key)!, { settings })),
    retire: async (key) => {
      retired.add(id(key));
      return Boolean(matching(key)) && rows.delete(key.workspaceId);
    },
    isRetired: async (key) => retired.has(id(key)),
    remove: async (workspaceId) => rows.delete(workspaceId),
    list: async () => [...rows.values()],
  };
  return { state, rows, retired };
}

const installed = (addonId = 'a1', authToken = 'token-1') => ({
  workspaceId: 'w',
  addonId,
  authToken,
  apiUrl: 'https://api.example/api',
  webhooks: [{ path: 'https://addon.example/hooks/new-tag', authToken: 'webhook-token' }],
});

function context(state: InstallationState, overrides: Partial<ApplyContext> = {}): ApplyContext {
  return { state, now: new Date('2026-01-01T00:00:00Z'), baseUrl: 'https://addon.example', ...overrides };
}

describe('applyLifecycleEvent', () => {
  it('creates an ACTIVE installation with webhook tokens keyed by manifest path', async () => {
    const { state, rows } = memoryState();
    expect(await applyLifecycleEvent('INSTALLED', installed(), context(state))).toEqual({ result: 'applied', change: 'created' });
    expect(rows.get('w')).toMatchObject({ addonId: 'a1', status: 'ACTIVE', webhookTokens: { '/hooks/new-tag': 'webhook-token' } });
  });

  it('keeps status, settings and install time when the same INSTALLED comes again, refreshing the tokens', async () => {
    const { state, rows } = memoryState();
    await applyLifecycleEvent('INSTALLED', installed(), context(state));
    await applyLifecycleEvent('STATUS_CHANGED', { workspaceId: 'w', addonId: 'a1', status: 'INACTIVE' }, context(state));
    await applyLifecycleEvent('SETTINGS_UPDATED', { workspaceId: 'w', addonId: 'a1', settings: [{ id: 's', value: 1 }] }, context(state));
    const later = context(state, { now: new Date('2026-02-01T00:00:00Z') });
    expect(await applyLifecycleEvent('INSTALLED', installed('a1', 'token-2'), later)).toEqual({ result: 'applied', change: 'updated' });
    expect(rows.get('w')).toMatchObject({ status: 'INACTIVE', settings: [{ id: 's', value: 1 }], authToken: 'token-2' });
    expect(rows.get('w')?.installedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('replaces the installation on a reinstall, starting ACTIVE without the old settings', async () => {
    const { state, rows } = memoryState();
    await applyLifecycleEvent('INSTALLED', installed(), context(state));
    await applyLifecycleEvent('STATUS_CHANGED', { workspaceId: 'w', addonId: 'a1', status: 'INACTIVE' }, context(state));
    expect(await applyLifecycleEvent('INSTALLED', installed('a2'), context(state))).toEqual({ result: 'applied', change: 'replaced' });
    expect(rows.get('w')).toMatchObject({ addonId: 'a2', status: 'ACTIVE', settings: undefined });
  });

  it('falls back to the token’s backendUrl when INSTALLED has no apiUrl', async () => {
    const { state, rows } = memoryState();
    const { apiUrl: _dropped, ...body } = installed();
    await applyLifecycleEvent('INSTALLED', body, context(state, { fallbackApiUrl: 'https://backend.example/api' }));
    expect(rows.get('w')?.apiUrl).toBe('https://backend.example/api');
  });

  it.each([
    ['STATUS_CHANGED', { workspaceId: 'w', addonId: 'a1', status: 'INACTIVE' }],
    ['SETTINGS_UPDATED', { workspaceId: 'w', addonId: 'a1', settings: [] }],
    ['DELETED', { workspaceId: 'w', addonId: 'a1' }],
  ] as const)('ignores %s for an unknown installation', async (type, body) => {
    const { state, rows } = memoryState();
    expect(await applyLifecycleEvent(type, body as never, context(state))).toEqual({ result: 'ignored', reason: 'UNKNOWN_INSTALLATION' });
    expect(rows.size).toBe(0);
  });

  it('ignores calls of an earlier installation once a reinstall replaced it', async () => {
    const { state, rows } = memoryState();
    await applyLifecycleEvent('INSTALLED', installed('a2'), context(state));
    const stale = { workspaceId: 'w', addonId: 'a1' };
    expect(await applyLifecycleEvent('DELETED', stale, context(state))).toEqual({ result: 'ignored', reason: 'STALE_ADDON_ID' });
    expect(await applyLifecycleEvent('STATUS_CHANGED', { ...stale, status: 'INACTIVE' }, context(state))).toMatchObject({
      reason: 'STALE_ADDON_ID',
    });
    expect(rows.get('w')).toMatchObject({ addonId: 'a2', status: 'ACTIVE' });
  });

  it('does not bring a DELETED installation back with a late INSTALLED or STATUS_CHANGED', async () => {
    const { state, rows } = memoryState();
    await applyLifecycleEvent('INSTALLED', installed(), context(state));
    expect(await applyLifecycleEvent('DELETED', { workspaceId: 'w', addonId: 'a1' }, context(state))).toEqual({
      result: 'applied',
      change: 'removed',
    });
    expect(await applyLifecycleEvent('STATUS_CHANGED', { workspaceId: 'w', addonId: 'a1', status: 'ACTIVE' }, context(state))).toEqual({
      result: 'ignored',
      reason: 'RETIRED_ADDON_ID',
    });
    expect(await applyLifecycleEvent('INSTALLED', installed(), context(state))).toEqual({ result: 'ignored', reason: 'RETIRED_ADDON_ID' });
    expect(await applyLifecycleEvent('DELETED', { workspaceId: 'w', addonId: 'a1' }, context(state))).toMatchObject({
      reason: 'RETIRED_ADDON_ID',
    });
    expect(rows.size).toBe(0);
  });

  it('refuses an INSTALLED whose DELETED arrived first', async () => {
    const { state, rows } = memoryState();
    await applyLifecycleEvent('DELETED', { workspaceId: 'w', addonId: 'a1' }, context(state));
    expect(await applyLifecycleEvent('INSTALLED', installed(), context(state))).toMatchObject({ reason: 'RETIRED_ADDON_ID' });
    expect(rows.size).toBe(0);
  });

  it('undoes its save when a DELETED of the same addonId lands while it is saving (another instance)', async () => {
    const { state, rows, retired } = memoryState();
    state.beforeSave = () => retired.add('w/a1');
    expect(await applyLifecycleEvent('INSTALLED', installed(), context(state))).toEqual({ result: 'ignored', reason: 'RETIRED_ADDON_ID' });
    expect(rows.size).toBe(0);
  });
});
