import { PortableMigration } from './schema-builder.js';

export class Migration0002RetiredInstallation extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.createTable('retired_installation', (table) => {
      table.string('workspace_id', 64).notNullable();
      table.string('addon_id', 64).notNullable();
      table.datetime('retired_at').notNullable();
      table.primary(['workspace_id', 'addon_id']);
    });
  }

  override async down(): Promise<void> {
    await this.schema.dropTable('retired_installation');
  }
}
