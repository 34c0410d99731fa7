import { PortableMigration } from './schema-builder.js';

/**
 * The inbox's uniqueness moves from the dedupe key alone to (workspace, entity, dedupe key): the same rows are
 * unique (the key is a hash that already covers workspace and entity), but the index is now ordered by entity first.
 * Clockify's ids are time-prefixed, so new deliveries land next to each other at the end of the index instead of on
 * a random page each: every receipt's commit writes a few pages instead of one more page per delivery.
 */
export class Migration0006WebhookDedupeByEntity extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.alterTable('webhook_event', (table) => {
      table.dropUnique(['dedupe_key'], 'webhook_event_dedupe_key_unique');
      table.unique(['workspace_id', 'entity_id', 'dedupe_key'], { indexName: 'webhook_event_dedupe_unique' });
    });
  }

  override async down(): Promise<void> {
    await this.schema.alterTable('webhook_event', (table) => {
      table.dropUnique(['workspace_id', 'entity_id', 'dedupe_key'], 'webhook_event_dedupe_unique');
      table.unique(['dedupe_key'], { indexName: 'webhook_event_dedupe_key_unique' });
    });
  }
}
