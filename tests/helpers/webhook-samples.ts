import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isWebhookEventName, type WebhookEventName } from '../../runtime/index.js';

/** Clockify's sample webhook bodies, kept outside the project (PLATFORM.md §5.2); read from there, never copied in. */
export const WEBHOOK_SAMPLES_DIR = fileURLToPath(new URL('../../../shared/clockify/samples/webhooks/', import.meta.url));

export const webhookSamplesPresent = existsSync(WEBHOOK_SAMPLES_DIR);

export interface WebhookSample {
  event: WebhookEventName;
  body: Record<string, unknown>;
}

/** Every sample whose file is named after an event (`TIMER_STOPPED.json`), in file-name order; [] without the folder. */
export function webhookSamples(): WebhookSample[] {
  if (!webhookSamplesPresent) return [];
  return readdirSync(WEBHOOK_SAMPLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ event: file.replace(/\.json$/, ''), path: `${WEBHOOK_SAMPLES_DIR}${file}` }))
    .filter((sample): sample is { event: WebhookEventName; path: string } => isWebhookEventName(sample.event))
    .map(({ event, path }) => ({ event, body: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> }));
}

const TIME_ENTRY = ['id', 'workspaceId', 'userId', 'description', 'tagIds', 'billable', 'taskId', 'projectId', 'timeInterval', 'isLocked'];
const PROJECT = ['id', 'name', 'workspaceId', 'clientId', 'billable', 'color', 'estimate', 'archived', 'hourlyRate'];
const NAMED = ['id', 'name', 'workspaceId', 'archived'];
const TASK = ['id', 'name', 'projectId', 'assigneeIds', 'userGroupIds', 'estimate', 'status'];
const USER = ['id', 'email', 'name'];
const GROUP = ['id', 'name', 'workspaceId', 'userIds', 'teamManagers'];
const APPROVAL = ['id', 'workspaceId', 'dateRange', 'owner', 'status'];
const TIME_OFF = ['id', 'workspaceId', 'userId', 'policyId', 'timeZone', 'halfDay', 'timeOffPeriod', 'status', 'createdAt'];
const INVOICE = ['id', 'number', 'status', 'issuedDate', 'dueDate', 'amount', 'currency', 'clientId', 'items'];
const EXPENSE = ['id', 'workspaceId', 'userId', 'date', 'categoryId', 'quantity', 'billable', 'total'];
const EXPENSE_IDS = ['workspaceId', 'userId', 'expenseId', 'categoryId'];
const ASSIGNMENT = ['workspaceId', 'userId', 'projectId', 'assignmentId'];
const RATE = ['workspaceId', 'rateChangeSource', 'modifiedEntity', 'currency', 'amount', 'since'];

/**
 * Fields the payload types (runtime/clockify/webhook-payloads*.ts) declare required, per event: the suite checks each
 * sample has them, so a type promising a field Clockify does not send fails a test rather than a handler.
 */
export const REQUIRED_FIELDS: Record<WebhookEventName, readonly string[]> = {
  APPROVAL_REQUEST_STATUS_UPDATED: APPROVAL,
  NEW_APPROVAL_REQUEST: APPROVAL,
  ASSIGNMENT_CREATED: ASSIGNMENT,
  ASSIGNMENT_DELETED: ASSIGNMENT,
  ASSIGNMENT_PUBLISHED: ASSIGNMENT,
  ASSIGNMENT_UPDATED: ASSIGNMENT,
  BALANCE_UPDATED: ['workspaceId', 'userId', 'value', 'note', 'updatedBy'],
  BILLABLE_RATE_UPDATED: RATE,
  COST_RATE_UPDATED: RATE,
  CLIENT_DELETED: NAMED,
  CLIENT_UPDATED: NAMED,
  NEW_CLIENT: NAMED,
  NEW_TAG: NAMED,
  TAG_DELETED: NAMED,
  TAG_UPDATED: NAMED,
  EXPENSE_CREATED: EXPENSE,
  EXPENSE_RESTORED: EXPENSE,
  EXPENSE_DELETED: EXPENSE_IDS,
  EXPENSE_UPDATED: EXPENSE_IDS,
  INVOICE_UPDATED: INVOICE,
  NEW_INVOICE: INVOICE,
  LIMITED_USERS_ADDED_TO_WORKSPACE: ['workspaceId', 'inviter', 'invitedUserNames'],
  USERS_INVITED_TO_WORKSPACE: ['workspaceId', 'inviter', 'invitedUserEmails'],
  NEW_PROJECT: PROJECT,
  PROJECT_DELETED: PROJECT,
  PROJECT_UPDATED: PROJECT,
  NEW_TASK: TASK,
  TASK_DELETED: TASK,
  TASK_UPDATED: TASK,
  NEW_TIME_ENTRY: TIME_ENTRY,
  NEW_TIMER_STARTED: TIME_ENTRY,
  TIMER_STOPPED: TIME_ENTRY,
  TIME_ENTRY_DELETED: TIME_ENTRY,
  TIME_ENTRY_RESTORED: TIME_ENTRY,
  TIME_ENTRY_SPLIT: TIME_ENTRY,
  TIME_ENTRY_UPDATED: TIME_ENTRY,
  TIME_OFF_REQUESTED: TIME_OFF,
  TIME_OFF_REQUEST_APPROVED: TIME_OFF,
  TIME_OFF_REQUEST_REJECTED: TIME_OFF,
  TIME_OFF_REQUEST_STARTED: TIME_OFF,
  TIME_OFF_REQUEST_UPDATED: TIME_OFF,
  TIME_OFF_REQUEST_WITHDRAWN: TIME_OFF,
  USER_ACTIVATED_ON_WORKSPACE: USER,
  USER_DEACTIVATED_ON_WORKSPACE: USER,
  USER_DELETED_FROM_WORKSPACE: USER,
  USER_EMAIL_CHANGED: [...USER, 'oldEmail'],
  USER_JOINED_WORKSPACE: USER,
  USER_UPDATED: USER,
  USER_GROUP_CREATED: GROUP,
  USER_GROUP_DELETED: GROUP,
  USER_GROUP_UPDATED: GROUP,
};
