import { PortableMigration } from './schema-builder.js';

/** The explorer plugin's history (`api_call`) and presets (`api_preset`). */
export class Migration0005Explorer extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.createTable('api_call', (table) => {
      table.increments('id').primary();
      table.string('workspace_id', 64).notNullable();
      table.string('user_id', 64).notNullable();
      table.string('operation_id', 200).notNullable();
      table.string('method', 8).notNullable();
      table.text('path').notNullable();
      table.text('params').notNullable();
      table.text('request_body').nullable();
      table.boolean('replayable').notNullable();
      table.integer('status').nullable();
      table.integer('duration_ms').notNullable();
      table.integer('response_bytes').notNullable();
      table.text('response_body').nullable();
      table.boolean('response_truncated').notNullable();
      table.text('error').nullable();
      table.datetime('created_at').notNullable();
      // The history page (newest first within a workspace) and the retention purge.
      table.index(['workspace_id', 'id'], 'api_call_workspace_idx');
      table.index(['created_at'], 'api_call_created_idx');
    });
    await this.schema.createTable('api_preset', (table) => {
      table.increments('id').primary();
      table.string('workspace_id', 64).notNullable();
      table.string('name', 100).notNullable();
      table.string('operation_id', 200).notNullable();
      table.text('params').notNullable();
      table.text('body').nullable();
      table.string('created_by', 64).notNullable();
      table.datetime('created_at').notNullable();
      table.datetime('updated_at').notNullable();
      table.unique(['workspace_id', 'name'], { indexName: 'api_preset_workspace_name_unique' });
    });
  }

  override async down(): Promise<void> {
    await this.schema.dropTable('api_preset');
    await this.schema.dropTable('api_call');
  }
}
