import { PortableMigration } from './schema-builder.js';

/** The bootstrap plugin's jobs and checkpoints, and the local copy of workspace data (`workspace_record`). */
export class Migration0004Bootstrap extends PortableMigration {
  override async up(): Promise<void> {
    await this.schema.createTable('bootstrap_job', (table) => {
      table.increments('id').primary();
      table.string('workspace_id', 64).notNullable();
      table.string('state', 16).notNullable();
      table.string('reason', 32).notNullable();
      table.text('plan').notNullable();
      for (const counter of ['steps_total', 'steps_done', 'steps_failed', 'records', 'requests', 'errors']) {
        table.integer(counter).notNullable().defaultTo(0);
      }
      table.text('error').nullable();
      table.datetime('created_at').notNullable();
      table.datetime('started_at').nullable();
      table.datetime('finished_at').nullable();
      table.datetime('updated_at').notNullable();
      table.string('lease_owner', 64).nullable();
      table.datetime('lease_until').nullable();
      // The runner's claim (open jobs in id order) and the admin listing (newest first within a workspace).
      table.index(['state', 'id'], 'bootstrap_job_state_idx');
      table.index(['workspace_id', 'id'], 'bootstrap_job_workspace_idx');
    });
    await this.schema.createTable('bootstrap_checkpoint', (table) => {
      table.increments('id').primary();
      table.integer('job_id').notNullable();
      table.string('operation_id', 128).notNullable();
      table.string('parent_id', 255).notNullable();
      table.integer('page').notNullable();
      table.integer('level').notNullable();
      table.string('state', 16).notNullable();
      table.integer('records').notNullable().defaultTo(0);
      table.integer('attempts').notNullable().defaultTo(0);
      table.text('error').nullable();
      table.datetime('not_before').nullable();
      table.datetime('updated_at').notNullable();
      table.unique(['job_id', 'operation_id', 'parent_id', 'page'], { indexName: 'bootstrap_checkpoint_step_unique' });
      // The runner takes pending pages of a job, earliest pages first.
      table.index(['job_id', 'state', 'page', 'id'], 'bootstrap_checkpoint_pending_idx');
    });
    await this.schema.createTable('workspace_record', (table) => {
      table.string('workspace_id', 64).notNullable();
      table.string('resource', 128).notNullable();
      table.string('record_id', 255).notNullable();
      table.string('parent_id', 255).notNullable().defaultTo('');
      table.json('body').notNullable();
      table.datetime('updated_at').notNullable();
      table.primary(['workspace_id', 'resource', 'record_id']);
      table.index(['workspace_id', 'resource', 'parent_id'], 'workspace_record_parent_idx');
    });
  }

  override async down(): Promise<void> {
    await this.schema.dropTable('workspace_record');
    await this.schema.dropTable('bootstrap_checkpoint');
    await this.schema.dropTable('bootstrap_job');
  }
}
