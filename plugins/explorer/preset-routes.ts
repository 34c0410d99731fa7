import type { Context } from 'hono';
import type { AddonEnv, AddonHandler } from '../../runtime/index.js';
import { HttpError, positiveIdParam, readJsonBody } from '../../runtime/index.js';
import type { ExplorerKit } from './explorer-kit.js';
import { parsePresetInput } from './preset-input.js';
import type { Preset } from './preset-store.js';
import { callerOf, requireOwnerOrAdmin } from './request-context.js';

export interface PresetHandlers {
  list: AddonHandler;
  create: AddonHandler;
  get: AddonHandler;
  update: AddonHandler;
  remove: AddonHandler;
}

/** Presets of the caller's workspace: anyone may save one; its author or an admin may change or delete it. */
export function createPresetHandlers(kit: ExplorerKit): PresetHandlers {
  const { presets } = kit;

  const found = async (c: Context<AddonEnv>): Promise<Preset> => {
    const id = positiveIdParam(c, 'INVALID_ID');
    const preset = await presets.get(id, callerOf(c).workspaceId);
    if (!preset) throw new HttpError(404, 'PRESET_NOT_FOUND', `no preset ${id} in your workspace`);
    return preset;
  };

  return {
    list: async (c) => c.json({ presets: await presets.list(callerOf(c).workspaceId) }),
    async create(c) {
      const input = parsePresetInput(await readJsonBody<unknown>(c), (await kit.openapi()).index);
      const caller = callerOf(c);
      return c.json({ preset: await presets.create(caller.workspaceId, caller.userId, input) }, 201);
    },
    get: async (c) => c.json({ preset: await found(c) }),
    async update(c) {
      const existing = await found(c);
      const caller = callerOf(c);
      requireOwnerOrAdmin(caller, existing.createdBy, 'preset');
      const input = parsePresetInput(await readJsonBody<unknown>(c), (await kit.openapi()).index);
      const preset = await presets.update(existing.id, caller.workspaceId, input);
      if (!preset) throw new HttpError(404, 'PRESET_NOT_FOUND', `no preset ${existing.id} in your workspace`);
      return c.json({ preset });
    },
    async remove(c) {
      const existing = await found(c);
      requireOwnerOrAdmin(callerOf(c), existing.createdBy, 'preset');
      await presets.remove(existing.id, callerOf(c).workspaceId);
      return c.json({ deleted: existing.id });
    },
  };
}
