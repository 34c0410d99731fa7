import { ApiCall } from './api-call.js';
import { ApiPreset } from './api-preset.js';
import { BootstrapCheckpoint } from './bootstrap-checkpoint.js';
import { BootstrapJob } from './bootstrap-job.js';
import { Installation } from './installation.js';
import { RetiredInstallation } from './retired-installation.js';
import { WebhookEvent } from './webhook-event.js';
import { WorkspaceRecord } from './workspace-record.js';

export { ApiCall } from './api-call.js';
export { ApiPreset } from './api-preset.js';
export { BOOTSTRAP_CHECKPOINT_STATES, BootstrapCheckpoint, type BootstrapCheckpointState } from './bootstrap-checkpoint.js';
export { BOOTSTRAP_JOB_STATES, BootstrapJob, type BootstrapJobState } from './bootstrap-job.js';
export { Installation } from './installation.js';
export { RetiredInstallation } from './retired-installation.js';
export {
  emptyStateCounts,
  OPEN_WEBHOOK_EVENT_STATES,
  WEBHOOK_EVENT_STATES,
  WebhookEvent,
  type WebhookEventState,
} from './webhook-event.js';
export { WorkspaceRecord } from './workspace-record.js';

/** Every entity the runtime knows; migrations create their tables. */
export const entities = [
  Installation,
  RetiredInstallation,
  WebhookEvent,
  ApiCall,
  ApiPreset,
  BootstrapJob,
  BootstrapCheckpoint,
  WorkspaceRecord,
];
