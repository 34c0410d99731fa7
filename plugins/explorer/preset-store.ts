import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Store } from '../../runtime/index.js';
import { ApiPreset, HttpError } from '../../runtime/index.js';
import type { CallParams } from './execute-input.js';

/** What a preset holds: an operation and the values to run it with. */
export interface PresetInput {
  name: string;
  operationId: string;
  params: CallParams;
  /** `undefined` for no body. */
  body?: unknown;
}

export interface Preset extends PresetInput {
  id: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface PresetStore {
  /** By name. */
  list(workspaceId: string): Promise<Preset[]>;
  get(id: number, workspaceId: string): Promise<Preset | null>;
  /** 409 PRESET_NAME_TAKEN when the workspace has a preset of that name. */
  create(workspaceId: string, createdBy: string, input: PresetInput): Promise<Preset>;
  update(id: number, workspaceId: string, input: PresetInput): Promise<Preset | null>;
  remove(id: number, workspaceId: string): Promise<boolean>;
  purgeWorkspace(workspaceId: string): Promise<number>;
}

/** Presets in the `api_preset` table; the unique (workspace, name) index settles concurrent creations. */
export function createPresetStore(store: Store): PresetStore {
  const get = async (id: number, workspaceId: string) => {
    const row = await store.em().findOne(ApiPreset, { id, workspaceId });
    return row ? toPreset(row) : null;
  };
  return {
    list: async (workspaceId) => (await store.em().find(ApiPreset, { workspaceId }, { orderBy: { name: 'asc', id: 'asc' } })).map(toPreset),
    get,
    async create(workspaceId, createdBy, input) {
      const now = new Date();
      const row = { workspaceId, createdBy, createdAt: now, updatedAt: now, ...toColumns(input) };
      const id = await uniqueName(input.name, () => store.em().insert(ApiPreset, row));
      return toPreset({ id, ...row });
    },
    async update(id, workspaceId, input) {
      const changed = await uniqueName(input.name, () =>
        store.em().nativeUpdate(ApiPreset, { id, workspaceId }, { ...toColumns(input), updatedAt: new Date() }),
      );
      return changed > 0 ? get(id, workspaceId) : null;
    },
    remove: async (id, workspaceId) => (await store.em().nativeDelete(ApiPreset, { id, workspaceId })) > 0,
    purgeWorkspace: (workspaceId) => store.em().nativeDelete(ApiPreset, { workspaceId }),
  };
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new HttpError(409, 'PRESET_NAME_TAKEN', `your workspace already has a preset named "${name}"; pick another name`);
  }
}

function toColumns({ name, operationId, params, body }: PresetInput) {
  return { name, operationId, params: JSON.stringify(params), body: body === undefined ? null : JSON.stringify(body) };
}

function toPreset(row: ApiPreset): Preset {
  return {
    id: row.id,
    name: row.name,
    operationId: row.operationId,
    params: JSON.parse(row.params) as CallParams,
    ...(row.body === null || row.body === undefined ? {} : { body: JSON.parse(row.body) as unknown }),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
