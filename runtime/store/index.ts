export { type CreateStoreOptions, createStore, type Store } from './create-store.js';
export { type DriverName, databaseTarget, maskUrl } from './database-options.js';
export * from './entities/index.js';
export { leaseFree, leaseOwnerId } from './leases.js';
export { PortableMigration } from './migrations/schema-builder.js';
export { createRetention, type Retention } from './retention.js';
export type { SqliteSession, SqliteStatement, WithSqlite } from './sqlite-session.js';
export { createWebhookInbox, type InboxEvent, type InboxFilter, type InboxPage, type WebhookInbox } from './webhook-inbox.js';
