import type { IsoDateTime } from './webhook-payloads.js';

/** Webhook bodies about people (PLATFORM.md §5.2): users, user groups, invitations, approvals, time off, schedules. */

export interface UserGroupPayload {
  id: string;
  name: string;
  workspaceId: string;
  userIds: string[];
  teamManagers: string[];
}

/** The user's preferences as Clockify sends them (weekStart, timeZone, timeFormat, dateFormat, lang, theme, …). */
export interface UserSettings {
  weekStart?: string;
  timeZone?: string;
  timeFormat?: string;
  dateFormat?: string;
  lang?: string;
  theme?: string;
  [setting: string]: unknown;
}

/** USER_UPDATED, USER_DELETED_FROM_WORKSPACE; the joined/activated/deactivated events add picture and settings. */
export interface WorkspaceUserPayload {
  id: string;
  email: string;
  name: string;
  profilePicture?: string;
  settings?: UserSettings;
}

export interface UserEmailChangedPayload extends WorkspaceUserPayload {
  oldEmail: string;
}

export interface Inviter {
  id: string;
  email: string;
  name: string;
  profilePicture?: string;
  settings?: UserSettings;
}

export interface UsersInvitedPayload {
  workspaceId: string;
  inviter: Inviter;
  invitedUserEmails: string[];
}

export interface LimitedUsersAddedPayload {
  workspaceId: string;
  inviter: Inviter;
  invitedUserNames: string[];
}

/** NEW_APPROVAL_REQUEST, APPROVAL_REQUEST_STATUS_UPDATED: a timesheet period submitted for approval. */
export interface ApprovalRequestPayload {
  id: string;
  workspaceId: string;
  dateRange: { start: IsoDateTime; end: IsoDateTime };
  owner: { userId: string; userName: string; timezone: string; startOfWeek: string };
  status: {
    state: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN_SUBMISSION' | 'WITHDRAWN_APPROVAL' | (string & {});
    updatedBy: string;
    updatedByUserName: string;
    updatedAt: IsoDateTime;
    note: string;
  };
}

/** TIME_OFF_REQUESTED and the TIME_OFF_REQUEST_* events (STARTED and UPDATED have no sample; assumed alike). */
export interface TimeOffRequestPayload {
  id: string;
  workspaceId: string;
  userId: string;
  requesterUserId: string;
  policyId: string;
  timeZone: string;
  halfDay: boolean;
  timeOffPeriod: { period: { start: IsoDateTime; end: IsoDateTime }; halfDayPeriod?: string | null };
  note: string | null;
  status: {
    statusType: 'PENDING' | 'APPROVED' | 'REJECTED' | (string & {});
    changedByUserId: string | null;
    changedByUserName: string | null;
    changedAt: IsoDateTime | null;
    note: string | null;
  };
  balanceDiff: number;
  createdAt: IsoDateTime;
  excludeDays: string[];
  negativeBalanceUsed: number;
  balanceValueAtRequest: number;
}

/** ASSIGNMENT_CREATED, _UPDATED, _PUBLISHED, _DELETED: ids only; fetch the assignment for its details. */
export interface AssignmentPayload {
  workspaceId: string;
  assignmentId: string;
  userId: string;
  projectId: string;
}

/** BALANCE_UPDATED: a user's time-off balance set by hand. */
export interface BalancePayload {
  workspaceId: string;
  userId: string;
  /** The new balance, as a decimal string. */
  value: string;
  note: string;
  updatedBy: string;
}
