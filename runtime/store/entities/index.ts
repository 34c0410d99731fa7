import { Installation } from './installation.js';
import { RetiredInstallation } from './retired-installation.js';
import { WebhookEvent } from './webhook-event.js';

export { Installation } from './installation.js';
export { RetiredInstallation } from './retired-installation.js';
export {
  OPEN_WEBHOOK_EVENT_STATES,
  WEBHOOK_EVENT_STATES,
  WebhookEvent,
  type WebhookEventState,
} from './webhook-event.js';

/** Every entity the runtime knows; migrations create their tables. */
export const entities = [Installation, RetiredInstallation, WebhookEvent];
