import { PortableMigration } from './schema-builder.js';

export class Migration0003WebhookEvent extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.createTable('webhook_event', (table) => {
      table.increments('id').primary();
      table.string('dedupe_key', 64).notNullable().unique({ indexName: 'webhook_event_dedupe_key_unique' });
      table.string('workspace_id', 64).notNullable();
      table.string('event', 64).notNullable();
      table.string('entity_id', 128).notNullable();
      table.text('body').notNullable();
      table.datetime('received_at').notNullable();
      table.string('state', 16).notNullable();
      table.integer('attempts').notNullable().defaultTo(0);
      table.datetime('next_attempt_at').nullable();
      table.text('last_error').nullable();
      table.datetime('handled_at').nullable();
      table.text('handler_results').nullable();
      table.string('lease_owner', 64).nullable();
      table.datetime('lease_until').nullable();
      table.datetime('updated_at').notNullable();
      // The dispatcher's two lookups: open events in id order, and the oldest open event of one workspace + entity.
      table.index(['state', 'id'], 'webhook_event_state_idx');
      table.index(['workspace_id', 'entity_id', 'state', 'id'], 'webhook_event_entity_idx');
      // Admin listing (newest first within a workspace) and the retention purge.
      table.index(['workspace_id', 'id'], 'webhook_event_workspace_idx');
      table.index(['received_at'], 'webhook_event_received_idx');
    });
  }

  override async down(): Promise<void> {
    await this.schema.dropTable('webhook_event');
  }
}
