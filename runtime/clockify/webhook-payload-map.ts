import type { WebhookPayloads } from '../plugin/handlers.js';
import type { WebhookEventName } from './events.js';
import type {
  ApprovalRequestPayload,
  AssignmentPayload,
  BalancePayload,
  ClientPayload,
  ExpenseChangePayload,
  ExpensePayload,
  InvoicePayload,
  LimitedUsersAddedPayload,
  ProjectPayload,
  RatePayload,
  RunningTimeEntryPayload,
  StoppedTimeEntryPayload,
  TagPayload,
  TaskPayload,
  TimeEntryPayload,
  TimeOffRequestPayload,
  UserEmailChangedPayload,
  UserGroupPayload,
  UsersInvitedPayload,
  WorkspaceUserPayload,
} from './webhook-payloads.js';

/**
 * The body type of every event of schema 1.6, merged into `WebhookPayloads`, so `ctx.webhooks.on(event, handler)` hands
 * each handler its event's type: `ctx.webhooks.on('TIMER_STOPPED', (entry) => entry.timeInterval.end)` is a string.
 * `EveryEventHasAPayload` fails to compile while an event of WEBHOOK_EVENTS is left `unknown`.
 */
declare module '../plugin/handlers.js' {
  interface WebhookPayloads {
    APPROVAL_REQUEST_STATUS_UPDATED: ApprovalRequestPayload;
    ASSIGNMENT_CREATED: AssignmentPayload;
    ASSIGNMENT_DELETED: AssignmentPayload;
    ASSIGNMENT_PUBLISHED: AssignmentPayload;
    ASSIGNMENT_UPDATED: AssignmentPayload;
    BALANCE_UPDATED: BalancePayload;
    BILLABLE_RATE_UPDATED: RatePayload;
    CLIENT_DELETED: ClientPayload;
    CLIENT_UPDATED: ClientPayload;
    COST_RATE_UPDATED: RatePayload;
    EXPENSE_CREATED: ExpensePayload;
    EXPENSE_DELETED: ExpenseChangePayload;
    EXPENSE_RESTORED: ExpensePayload;
    EXPENSE_UPDATED: ExpenseChangePayload;
    INVOICE_UPDATED: InvoicePayload;
    LIMITED_USERS_ADDED_TO_WORKSPACE: LimitedUsersAddedPayload;
    NEW_APPROVAL_REQUEST: ApprovalRequestPayload;
    NEW_CLIENT: ClientPayload;
    NEW_INVOICE: InvoicePayload;
    NEW_PROJECT: ProjectPayload;
    NEW_TAG: TagPayload;
    NEW_TASK: TaskPayload;
    NEW_TIME_ENTRY: TimeEntryPayload;
    NEW_TIMER_STARTED: RunningTimeEntryPayload;
    PROJECT_DELETED: ProjectPayload;
    PROJECT_UPDATED: ProjectPayload;
    TAG_DELETED: TagPayload;
    TAG_UPDATED: TagPayload;
    TASK_DELETED: TaskPayload;
    TASK_UPDATED: TaskPayload;
    TIME_ENTRY_DELETED: TimeEntryPayload;
    TIME_ENTRY_RESTORED: TimeEntryPayload;
    TIME_ENTRY_SPLIT: TimeEntryPayload;
    TIME_ENTRY_UPDATED: TimeEntryPayload;
    TIME_OFF_REQUEST_APPROVED: TimeOffRequestPayload;
    TIME_OFF_REQUEST_REJECTED: TimeOffRequestPayload;
    TIME_OFF_REQUEST_STARTED: TimeOffRequestPayload;
    TIME_OFF_REQUEST_UPDATED: TimeOffRequestPayload;
    TIME_OFF_REQUEST_WITHDRAWN: TimeOffRequestPayload;
    TIME_OFF_REQUESTED: TimeOffRequestPayload;
    TIMER_STOPPED: StoppedTimeEntryPayload;
    USER_ACTIVATED_ON_WORKSPACE: WorkspaceUserPayload;
    USER_DEACTIVATED_ON_WORKSPACE: WorkspaceUserPayload;
    USER_DELETED_FROM_WORKSPACE: WorkspaceUserPayload;
    USER_EMAIL_CHANGED: UserEmailChangedPayload;
    USER_GROUP_CREATED: UserGroupPayload;
    USER_GROUP_DELETED: UserGroupPayload;
    USER_GROUP_UPDATED: UserGroupPayload;
    USER_JOINED_WORKSPACE: WorkspaceUserPayload;
    USER_UPDATED: WorkspaceUserPayload;
    USERS_INVITED_TO_WORKSPACE: UsersInvitedPayload;
  }
}

type Assert<T extends true> = T;
type UntypedEvent = { [E in WebhookEventName]: unknown extends WebhookPayloads[E] ? E : never }[WebhookEventName];

/** A type-level check: a compile error while some event's payload is still `unknown`. */
export type EveryEventHasAPayload = Assert<[UntypedEvent] extends [never] ? true : false>;
