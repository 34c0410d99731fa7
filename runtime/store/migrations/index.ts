import { Migration0001Installation } from './0001-installation.js';
import { Migration0002RetiredInstallation } from './0002-retired-installation.js';
import { Migration0003WebhookEvent } from './0003-webhook-event.js';
import { Migration0004Bootstrap } from './0004-bootstrap.js';
import { Migration0005Explorer } from './0005-explorer.js';
import { Migration0006WebhookDedupeByEntity } from './0006-webhook-dedupe-by-entity.js';

/** Applied in this order at start; a new migration is a new file appended here, never an edit of an old one. */
export const migrations = [
  { name: '0001-installation', class: Migration0001Installation },
  { name: '0002-retired-installation', class: Migration0002RetiredInstallation },
  { name: '0003-webhook-event', class: Migration0003WebhookEvent },
  { name: '0004-bootstrap', class: Migration0004Bootstrap },
  { name: '0005-explorer', class: Migration0005Explorer },
  { name: '0006-webhook-dedupe-by-entity', class: Migration0006WebhookDedupeByEntity },
];
