import type { WebhookEventName } from '../clockify/events.js';
import { isoSeconds } from './facts.js';
import { idFor } from './prng.js';
import type { Body, Scene } from './webhook-scene.js';

/** Bodies of the events about activity (expenses, time off, approvals, invoices, rates, assignments, invitations). */

export function expenseBody({ dataset, workspaceId, user, project }: Scene, event: WebhookEventName): Body {
  const expenseId = idFor(dataset.seed, 'webhook-expense');
  const categoryId = idFor(dataset.seed, 'webhook-expense-category');
  if (event === 'EXPENSE_UPDATED' || event === 'EXPENSE_DELETED')
    return { workspaceId, userId: user.id, projectId: project.id, expenseId, categoryId };
  const date = `${isoSeconds(dataset.anchorMs).slice(0, 10)}T00:00:00Z`;
  return {
    id: expenseId,
    workspaceId,
    userId: user.id,
    date,
    projectId: project.id,
    taskId: null,
    categoryId,
    notes: '',
    quantity: 2,
    billable: true,
    fileId: '',
    total: 4000,
  };
}

export function timeOffBody({ dataset, workspaceId, user }: Scene, event: WebhookEventName): Body {
  const start = dataset.anchorMs + 86_400_000;
  const statusType =
    { TIME_OFF_REQUEST_APPROVED: 'APPROVED', TIME_OFF_REQUEST_REJECTED: 'REJECTED', TIME_OFF_REQUEST_WITHDRAWN: 'WITHDRAWN' }[
      event as string
    ] ?? 'PENDING';
  return {
    id: idFor(dataset.seed, 'webhook-time-off'),
    userId: user.id,
    workspaceId,
    policyId: idFor(dataset.seed, 'webhook-policy'),
    timeZone: 'Europe/Berlin',
    halfDay: false,
    timeOffPeriod: { period: { start: isoSeconds(start), end: isoSeconds(start + 86_399_000) } },
    note: null,
    status: { statusType, changedByUserId: null, changedByUserName: null, changedAt: null, note: null },
    balanceDiff: 1,
    createdAt: isoSeconds(dataset.anchorMs),
    requesterUserId: user.id,
    excludeDays: [],
    negativeBalanceUsed: 0,
    balanceValueAtRequest: 20,
  };
}

export function approvalBody({ dataset, workspaceId, user }: Scene, event: WebhookEventName): Body {
  const end = dataset.anchorMs;
  const state = event === 'NEW_APPROVAL_REQUEST' ? 'PENDING' : 'APPROVED';
  return {
    id: idFor(dataset.seed, 'webhook-approval'),
    workspaceId,
    dateRange: { start: isoSeconds(end - 7 * 86_400_000), end: isoSeconds(end - 1000) },
    owner: { userId: user.id, userName: user.name, timezone: 'Europe/Berlin', startOfWeek: 'MONDAY' },
    status: { state, updatedBy: user.id, updatedByUserName: user.name, updatedAt: isoSeconds(end), note: '' },
  };
}

export function invoiceBody({ dataset, user, client }: Scene): Body {
  const day = `${isoSeconds(dataset.anchorMs).slice(0, 10)}T00:00:00Z`;
  const items = [{ order: 1, quantity: 2, description: 'Consulting', unitPrice: 5000, amount: 10000, itemType: null, timeEntryIds: [] }];
  return {
    id: idFor(dataset.seed, 'webhook-invoice'),
    number: 'INV-0001',
    status: 'UNSENT',
    issuedDate: day,
    dueDate: day,
    subtotal: 10000,
    discount: 0,
    tax: 0,
    tax2: 0,
    amount: 10000,
    currency: 'USD',
    clientId: client.id,
    clientName: client.name,
    userId: user.id,
    items,
  };
}

export function idsOnly({ dataset, workspaceId, user, project }: Scene, event: WebhookEventName): Body {
  if (event === 'BALANCE_UPDATED') return { workspaceId, userId: user.id, value: '20', note: '', updatedBy: user.id };
  if (event === 'BILLABLE_RATE_UPDATED' || event === 'COST_RATE_UPDATED') {
    const modifiedEntity = {
      userId: user.id,
      hourlyRate: { amount: 5000 },
      costRate: { amount: 0 },
      targetId: project.id,
      membershipType: 'PROJECT',
      membershipStatus: 'ACTIVE',
    };
    return {
      workspaceId,
      rateChangeSource: 'PROJECT_MEMBER',
      modifiedEntity,
      currency: { id: idFor(dataset.seed, 'currency'), code: 'USD' },
      amount: 5000,
      since: isoSeconds(dataset.anchorMs),
    };
  }
  if (event === 'USERS_INVITED_TO_WORKSPACE')
    return {
      workspaceId,
      inviter: { id: user.id, email: user.email, name: user.name, profilePicture: '' },
      invitedUserEmails: ['new.member@example.com'],
    };
  if (event === 'LIMITED_USERS_ADDED_TO_WORKSPACE')
    return {
      workspaceId,
      inviter: { id: user.id, email: user.email, name: user.name, profilePicture: '' },
      invitedUserNames: ['New Member'],
    };
  return { workspaceId, userId: user.id, projectId: project.id, assignmentId: idFor(dataset.seed, 'webhook-assignment') };
}
