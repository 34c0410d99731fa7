export { createStore, type Store, type CreateStoreOptions } from './create-store.js';
export { databaseTarget, maskUrl, type DriverName } from './database-options.js';
export * from './entities/index.js';
export { PortableMigration } from './migrations/schema-builder.js';
