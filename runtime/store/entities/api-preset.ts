import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A named explorer request a workspace keeps for reuse; `name` is unique within the workspace. */
export const ApiPreset = defineEntity({
  name: 'ApiPreset',
  tableName: 'api_preset',
  properties: {
    id: p.integer().primary().autoincrement(),
    workspaceId: p.string().length(64),
    name: p.string().length(100),
    operationId: p.string().length(200),
    /** `{ path, query, header }` as JSON. */
    params: p.text(),
    /** The request body as JSON; null for none. */
    body: p.text().nullable(),
    createdBy: p.string().length(64),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type ApiPreset = InferEntity<typeof ApiPreset>;
