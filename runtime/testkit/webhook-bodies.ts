import type { WebhookEventName } from '../clockify/events.js';
import type { Dataset } from './dataset.js';
import { approvalBody, expenseBody, idsOnly, invoiceBody, timeOffBody } from './webhook-activity-bodies.js';
import { named, project, task, timeEntry, userBody, userGroup } from './webhook-record-bodies.js';
import { type Body, type Scene, sceneOf } from './webhook-scene.js';

/**
 * A body for a webhook event, shaped like Clockify's deliveries of that event family (PLATFORM.md §5.2: the entity
 * itself, no envelope) and built from the simulated workspace's data, so its ids can be looked up through the API.
 */
export function webhookBody(event: WebhookEventName, dataset: Dataset): Body {
  return (FAMILY_OF[event] ?? idsOnly)(sceneOf(dataset), event);
}

const FAMILY_OF: Partial<Record<WebhookEventName, (scene: Scene, event: WebhookEventName) => Body>> = {
  ...Object.fromEntries(
    [
      'NEW_TIME_ENTRY',
      'NEW_TIMER_STARTED',
      'TIMER_STOPPED',
      'TIME_ENTRY_UPDATED',
      'TIME_ENTRY_DELETED',
      'TIME_ENTRY_RESTORED',
      'TIME_ENTRY_SPLIT',
    ].map((event) => [event, timeEntry]),
  ),
  ...Object.fromEntries(['NEW_PROJECT', 'PROJECT_UPDATED', 'PROJECT_DELETED'].map((event) => [event, project])),
  ...Object.fromEntries(['NEW_CLIENT', 'CLIENT_UPDATED', 'CLIENT_DELETED'].map((event) => [event, named((s) => s.client)])),
  ...Object.fromEntries(
    ['NEW_TAG', 'TAG_UPDATED', 'TAG_DELETED'].map((event) => [
      event,
      named((s) => s.tags[0] ?? s.dataset.collection('tags').page(0, 1)[0] ?? {}),
    ]),
  ),
  ...Object.fromEntries(['NEW_TASK', 'TASK_UPDATED', 'TASK_DELETED'].map((event) => [event, task])),
  ...Object.fromEntries(
    [
      'USER_JOINED_WORKSPACE',
      'USER_ACTIVATED_ON_WORKSPACE',
      'USER_DEACTIVATED_ON_WORKSPACE',
      'USER_DELETED_FROM_WORKSPACE',
      'USER_UPDATED',
      'USER_EMAIL_CHANGED',
    ].map((event) => [event, userBody]),
  ),
  ...Object.fromEntries(['USER_GROUP_CREATED', 'USER_GROUP_UPDATED', 'USER_GROUP_DELETED'].map((event) => [event, userGroup])),
  ...Object.fromEntries(['EXPENSE_CREATED', 'EXPENSE_RESTORED', 'EXPENSE_UPDATED', 'EXPENSE_DELETED'].map((event) => [event, expenseBody])),
  ...Object.fromEntries(['NEW_INVOICE', 'INVOICE_UPDATED'].map((event) => [event, invoiceBody])),
  ...Object.fromEntries(['NEW_APPROVAL_REQUEST', 'APPROVAL_REQUEST_STATUS_UPDATED'].map((event) => [event, approvalBody])),
  ...Object.fromEntries(
    [
      'TIME_OFF_REQUESTED',
      'TIME_OFF_REQUEST_APPROVED',
      'TIME_OFF_REQUEST_REJECTED',
      'TIME_OFF_REQUEST_WITHDRAWN',
      'TIME_OFF_REQUEST_UPDATED',
      'TIME_OFF_REQUEST_STARTED',
    ].map((event) => [event, timeOffBody]),
  ),
};
