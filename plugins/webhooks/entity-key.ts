import type { WebhookEventName } from '../../runtime/index.js';

/** What a delivery is about: the entity (its events run in receipt order) and the marker of the change it reports. */
export interface EntityKey {
  /** The entity's id ('' for workspace-wide events such as invitations); at most 128 characters. */
  entityId: string;
  /** The fields that change with each new version of the entity (a time entry's interval, a request's status time). */
  changeMarker: string;
}

type Body = Record<string, unknown>;
type Reader = (body: Body) => string;

const field =
  (...path: string[]): Reader =>
  (body) => {
    let value: unknown = body;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Body)[key] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
const joined =
  (...readers: Reader[]): Reader =>
  (body) =>
    readers.map((read) => read(body)).join('|');
const nothing: Reader = () => '';

const TIME_ENTRY = {
  id: field('id'),
  marker: joined(field('timeInterval', 'start'), field('timeInterval', 'end'), field('timeInterval', 'duration')),
};
const TIME_OFF = { id: field('id'), marker: joined(field('status', 'statusType'), field('status', 'changedAt'), field('createdAt')) };
const APPROVAL = { id: field('id'), marker: joined(field('status', 'state'), field('status', 'updatedAt')) };
const RATE = {
  id: joined(field('rateChangeSource'), field('modifiedEntity', 'targetId'), field('modifiedEntity', 'userId')),
  marker: field('since'),
};
const EXPENSE_IDS = { id: field('expenseId'), marker: nothing };
const ASSIGNMENT = { id: field('assignmentId'), marker: nothing };
const WORKSPACE_WIDE = { id: nothing, marker: nothing };

/**
 * Where each family keeps its id and change marker (PLATFORM.md §5.2, the sample bodies). Events not listed are
 * identified by `id` alone: projects, clients, tags, tasks, users and groups carry no change time.
 */
const FAMILIES: Partial<Record<WebhookEventName, { id: Reader; marker: Reader }>> = {
  NEW_TIME_ENTRY: TIME_ENTRY,
  NEW_TIMER_STARTED: TIME_ENTRY,
  TIMER_STOPPED: TIME_ENTRY,
  TIME_ENTRY_UPDATED: TIME_ENTRY,
  TIME_ENTRY_DELETED: TIME_ENTRY,
  TIME_ENTRY_RESTORED: TIME_ENTRY,
  TIME_ENTRY_SPLIT: TIME_ENTRY,
  TIME_OFF_REQUESTED: TIME_OFF,
  TIME_OFF_REQUEST_APPROVED: TIME_OFF,
  TIME_OFF_REQUEST_REJECTED: TIME_OFF,
  TIME_OFF_REQUEST_STARTED: TIME_OFF,
  TIME_OFF_REQUEST_UPDATED: TIME_OFF,
  TIME_OFF_REQUEST_WITHDRAWN: TIME_OFF,
  NEW_APPROVAL_REQUEST: APPROVAL,
  APPROVAL_REQUEST_STATUS_UPDATED: APPROVAL,
  NEW_INVOICE: { id: field('id'), marker: field('status') },
  INVOICE_UPDATED: { id: field('id'), marker: field('status') },
  BILLABLE_RATE_UPDATED: RATE,
  COST_RATE_UPDATED: RATE,
  BALANCE_UPDATED: { id: field('userId'), marker: field('value') },
  EXPENSE_UPDATED: EXPENSE_IDS,
  EXPENSE_DELETED: EXPENSE_IDS,
  ASSIGNMENT_CREATED: ASSIGNMENT,
  ASSIGNMENT_UPDATED: ASSIGNMENT,
  ASSIGNMENT_PUBLISHED: ASSIGNMENT,
  ASSIGNMENT_DELETED: ASSIGNMENT,
  USERS_INVITED_TO_WORKSPACE: WORKSPACE_WIDE,
  LIMITED_USERS_ADDED_TO_WORKSPACE: WORKSPACE_WIDE,
};

const BY_ID = { id: field('id'), marker: nothing };

/** The entity a delivery is about; a body that is not an object (Clockify never sends one) is workspace-wide. */
export function entityKey(event: WebhookEventName, body: unknown): EntityKey {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { entityId: '', changeMarker: '' };
  const family = FAMILIES[event] ?? BY_ID;
  const id = family.id(body as Body);
  return { entityId: id.replace(/^\|+$/, '').slice(0, 128), changeMarker: family.marker(body as Body) };
}
