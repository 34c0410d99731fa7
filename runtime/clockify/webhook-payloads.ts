/**
 * Bodies of Clockify's webhook deliveries, one type per event family (PLATFORM.md §5.2, from the sample bodies in
 * clockify/samples/webhooks/). A delivery is the entity itself, with no envelope. Clockify adds fields over time and
 * the samples span 2020–2025, so a type lists what the samples show: read with care what may be absent.
 * This file: time entries, projects, clients, tags and tasks; people and billing families are in the sibling files.
 */

/** ISO-8601 instant, e.g. `2020-07-17T11:35:01Z`. */
export type IsoDateTime = string;
/** ISO-8601 duration, e.g. `PT1H30M`. */
export type IsoDuration = string;

export interface Amount {
  amount: number;
  currency?: string;
}

export interface Estimate {
  estimate: IsoDuration;
  type: 'AUTO' | 'MANUAL' | (string & {});
}

export interface ClientPayload {
  id: string;
  name: string;
  workspaceId: string;
  archived: boolean;
  address?: string | null;
  note?: string | null;
}

export interface TagPayload {
  id: string;
  name: string;
  workspaceId: string;
  archived: boolean;
}

export interface TaskPayload {
  id: string;
  name: string;
  projectId: string;
  /** Absent from some task deliveries (the samples of NEW_TASK, TASK_UPDATED, TASK_DELETED). */
  workspaceId?: string;
  assigneeIds: string[];
  assigneeId?: string | null;
  userGroupIds: string[];
  estimate: IsoDuration;
  status: 'ACTIVE' | 'DONE' | (string & {});
  duration: IsoDuration | null;
  billable?: boolean;
  hourlyRate?: Amount | null;
  costRate?: Amount | null;
}

/** A project as embedded in other bodies (a time entry's `project`). */
export interface ProjectSummary {
  id: string;
  name: string;
  workspaceId: string;
  clientId: string | null;
  clientName: string | null;
  billable: boolean;
  color: string;
  estimate: Estimate;
  archived: boolean;
  duration: IsoDuration | null;
  note: string | null;
  public: boolean;
  template: boolean;
}

export interface ProjectPayload extends ProjectSummary {
  hourlyRate: Amount | null;
  costRate?: Amount | null;
  tasks?: TaskPayload[];
  client?: Omit<ClientPayload, 'address' | 'note'> | null;
}

export interface TimeInterval {
  start: IsoDateTime;
  /** null while the timer runs. */
  end: IsoDateTime | null;
  duration: IsoDuration | null;
}

export interface CustomFieldValue {
  customFieldId: string;
  timeEntryId?: string;
  value: unknown;
  name?: string;
}

export interface TimeEntryPayload {
  id: string;
  workspaceId: string;
  userId: string;
  description: string;
  tagIds: string[] | null;
  billable: boolean;
  taskId: string | null;
  projectId: string | null;
  timeInterval: TimeInterval;
  isLocked: boolean;
  hourlyRate: Amount | null;
  costRate: Amount | null;
  customFieldValues: CustomFieldValue[];
  project?: ProjectSummary | null;
  task?: TaskPayload | null;
  user?: { id: string; name: string; status?: string } | null;
  tags?: TagPayload[] | null;
}

/** A time entry whose timer runs: NEW_TIMER_STARTED. */
export interface RunningTimeEntryPayload extends TimeEntryPayload {
  timeInterval: { start: IsoDateTime; end: null; duration: null };
}

/** A time entry with an end: TIMER_STOPPED. */
export interface StoppedTimeEntryPayload extends TimeEntryPayload {
  timeInterval: { start: IsoDateTime; end: IsoDateTime; duration: IsoDuration };
}

export type { ExpenseChangePayload, ExpensePayload, InvoiceItem, InvoicePayload, RatePayload } from './webhook-payloads-billing.js';
export type {
  ApprovalRequestPayload,
  AssignmentPayload,
  BalancePayload,
  Inviter,
  LimitedUsersAddedPayload,
  TimeOffRequestPayload,
  UserEmailChangedPayload,
  UserGroupPayload,
  UserSettings,
  UsersInvitedPayload,
  WorkspaceUserPayload,
} from './webhook-payloads-people.js';
