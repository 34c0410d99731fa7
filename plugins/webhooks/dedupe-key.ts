import { hash } from 'node:crypto';
import type { WebhookEventName } from '../../runtime/index.js';
import { type EntityKey, entityKey } from './entity-key.js';

export interface DedupedDelivery extends EntityKey {
  /** sha256 (hex) of workspace, event, entity, change marker and canonical body: the inbox's unique key. */
  dedupeKey: string;
  /** The body as the inbox stores it: canonical JSON, so one serialisation serves both the key and the row. */
  canonicalBody: string;
}

/**
 * Clockify documents no retry policy (PLATFORM.md §5.1), so a repeated delivery is recognised by content: the same
 * workspace, event, entity and change, with the same body. Key order in the body does not matter (the hash is of a
 * canonical form), any other difference makes it a new event. One hash over all of it: the ids go first as a JSON
 * array, which holds no raw line break, so the first line break ends them and no two deliveries share an input.
 */
export function dedupeDelivery(workspaceId: string, event: WebhookEventName, body: unknown): DedupedDelivery {
  const key = entityKey(event, body);
  const canonicalBody = canonicalJson(body);
  const ids = JSON.stringify([workspaceId, event, key.entityId, key.changeMarker]);
  return { ...key, canonicalBody, dedupeKey: hash('sha256', `${ids}\n${canonicalBody}`, 'hex') };
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
