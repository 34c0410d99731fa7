import { PortableMigration } from './schema-builder.js';

export class Migration0001Installation extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.createTable('installation', (table) => {
      table.string('workspace_id', 64).primary();
      table.string('addon_id', 64).notNullable();
      table.string('status', 16).notNullable();
      table.text('auth_token').notNullable();
      table.string('api_url', 512).nullable();
      table.string('as_user', 64).nullable();
      table.string('addon_user_id', 64).nullable();
      table.text('webhook_tokens').nullable();
      table.json('settings').nullable();
      table.datetime('installed_at').notNullable();
      table.datetime('updated_at').notNullable();
    });
  }

  override async down(): Promise<void> {
    await this.schema.dropTable('installation');
  }
}
