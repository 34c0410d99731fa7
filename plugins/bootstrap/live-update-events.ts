import type { WebhookEventName } from '../../runtime/index.js';

/** What a webhook event does to the local copy: which resource, and which payload fields name the record and its parent. */
export interface LiveUpdate {
  readonly action: 'upsert' | 'delete';
  /** A resource of the bootstrap plan (`projects`, `projects/tasks`, `user/time-entries`). */
  readonly resource: string;
  readonly idField: string;
  /** The payload field holding the parent list's record id (`projectId` of a task). */
  readonly parentField?: string;
}

const upsert = (resource: string, parentField?: string): LiveUpdate => ({ action: 'upsert', resource, idField: 'id', parentField });
const remove = (resource: string, idField = 'id', parentField?: string): LiveUpdate => ({
  action: 'delete',
  resource,
  idField,
  parentField,
});

/**
 * Events whose body is the record itself, or names the deleted one (PLATFORM.md §5.2). Events whose body is only a
 * summary of a change (`EXPENSE_UPDATED`, `ASSIGNMENT_UPDATED`: ids without the record) are left out: applying them
 * would store a fragment as the record.
 */
export const LIVE_UPDATES = {
  NEW_PROJECT: upsert('projects'),
  PROJECT_UPDATED: upsert('projects'),
  PROJECT_DELETED: remove('projects'),
  NEW_CLIENT: upsert('clients'),
  CLIENT_UPDATED: upsert('clients'),
  CLIENT_DELETED: remove('clients'),
  NEW_TAG: upsert('tags'),
  TAG_UPDATED: upsert('tags'),
  TAG_DELETED: remove('tags'),
  NEW_TASK: upsert('projects/tasks', 'projectId'),
  TASK_UPDATED: upsert('projects/tasks', 'projectId'),
  TASK_DELETED: remove('projects/tasks', 'id', 'projectId'),
  NEW_TIME_ENTRY: upsert('user/time-entries', 'userId'),
  NEW_TIMER_STARTED: upsert('user/time-entries', 'userId'),
  TIMER_STOPPED: upsert('user/time-entries', 'userId'),
  TIME_ENTRY_UPDATED: upsert('user/time-entries', 'userId'),
  TIME_ENTRY_RESTORED: upsert('user/time-entries', 'userId'),
  TIME_ENTRY_DELETED: remove('user/time-entries', 'id', 'userId'),
  USER_JOINED_WORKSPACE: upsert('users'),
  USER_UPDATED: upsert('users'),
  USER_EMAIL_CHANGED: upsert('users'),
  USER_ACTIVATED_ON_WORKSPACE: upsert('users'),
  USER_DEACTIVATED_ON_WORKSPACE: upsert('users'),
  USER_DELETED_FROM_WORKSPACE: remove('users'),
  USER_GROUP_CREATED: upsert('user-groups'),
  USER_GROUP_UPDATED: upsert('user-groups'),
  USER_GROUP_DELETED: remove('user-groups'),
  NEW_INVOICE: upsert('invoices'),
  INVOICE_UPDATED: upsert('invoices'),
  NEW_APPROVAL_REQUEST: upsert('approval-requests'),
  APPROVAL_REQUEST_STATUS_UPDATED: upsert('approval-requests'),
  EXPENSE_CREATED: upsert('expenses'),
  EXPENSE_RESTORED: upsert('expenses'),
  EXPENSE_DELETED: remove('expenses', 'expenseId'),
  ASSIGNMENT_DELETED: remove('scheduling/assignments/all', 'assignmentId'),
} as const satisfies Partial<Record<WebhookEventName, LiveUpdate>>;

export type LiveUpdateEvent = keyof typeof LIVE_UPDATES;

export const LIVE_UPDATE_EVENTS = Object.keys(LIVE_UPDATES) as LiveUpdateEvent[];
