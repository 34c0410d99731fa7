import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * One Clockify API call made through the explorer plugin, for its history. Parameters and bodies are stored with
 * secrets redacted and cut to the plugin's `history.maxBodyBytes`; `replayable` says whether what is stored is
 * exactly what was sent (nothing redacted or cut), so a replay sends the same request.
 */
export const ApiCall = defineEntity({
  name: 'ApiCall',
  tableName: 'api_call',
  properties: {
    id: p.integer().primary().autoincrement(),
    workspaceId: p.string().length(64),
    userId: p.string().length(64),
    operationId: p.string().length(200),
    method: p.string().length(8),
    /** The path as sent, placeholders filled and encoded, relative to the API base. */
    path: p.text(),
    /** `{ path, query, header }` as JSON, secrets redacted. */
    params: p.text(),
    requestBody: p.text().nullable(),
    replayable: p.boolean(),
    /** Clockify's HTTP status; null when no answer came (timeout, refused host…). */
    status: p.integer().nullable(),
    durationMs: p.integer(),
    responseBytes: p.integer(),
    responseBody: p.text().nullable(),
    responseTruncated: p.boolean(),
    error: p.text().nullable(),
    createdAt: p.datetime(),
  },
});

export type ApiCall = InferEntity<typeof ApiCall>;
