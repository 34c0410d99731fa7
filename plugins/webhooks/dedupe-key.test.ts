import { describe, expect, it } from 'vitest';
import { canonicalJson, dedupeDelivery } from './dedupe-key.js';
import { entityKey } from './entity-key.js';

const entry = {
  id: 'te-1',
  workspaceId: 'ws',
  timeInterval: { start: '2026-01-01T08:00:00Z', end: '2026-01-01T09:00:00Z', duration: 'PT1H' },
};

describe('dedupeDelivery', () => {
  it('gives a repeated delivery the same key, whatever the order of its keys', () => {
    const reordered = {
      timeInterval: { duration: 'PT1H', end: '2026-01-01T09:00:00Z', start: '2026-01-01T08:00:00Z' },
      workspaceId: 'ws',
      id: 'te-1',
    };
    expect(dedupeDelivery('ws', 'TIMER_STOPPED', reordered).dedupeKey).toBe(dedupeDelivery('ws', 'TIMER_STOPPED', entry).dedupeKey);
  });

  it('gives another workspace, event, change or body another key', () => {
    const key = dedupeDelivery('ws', 'TIMER_STOPPED', entry).dedupeKey;
    const later = { ...entry, timeInterval: { ...entry.timeInterval, end: '2026-01-01T10:00:00Z' } };
    for (const other of [
      dedupeDelivery('ws-2', 'TIMER_STOPPED', entry),
      dedupeDelivery('ws', 'TIME_ENTRY_UPDATED', entry),
      dedupeDelivery('ws', 'TIMER_STOPPED', later),
      dedupeDelivery('ws', 'TIMER_STOPPED', { ...entry, description: 'edited' }),
    ]) {
      expect(other.dedupeKey).not.toBe(key);
    }
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hands back the body it hashed, as canonical JSON of the same value', () => {
    const { canonicalBody } = dedupeDelivery('ws', 'TIMER_STOPPED', { z: [{ b: 1, a: null }], a: 'x', skipped: undefined });
    expect(canonicalBody).toBe('{"a":"x","z":[{"a":null,"b":1}]}');
    expect(JSON.parse(canonicalBody)).toEqual({ a: 'x', z: [{ a: null, b: 1 }] });
  });
});

describe('entityKey', () => {
  it.each([
    ['TIMER_STOPPED', entry, 'te-1', '2026-01-01T08:00:00Z|2026-01-01T09:00:00Z|PT1H'],
    ['EXPENSE_DELETED', { expenseId: 'ex-1', workspaceId: 'ws' }, 'ex-1', ''],
    ['ASSIGNMENT_PUBLISHED', { assignmentId: 'as-1', userId: 'u-1' }, 'as-1', ''],
    ['BALANCE_UPDATED', { userId: 'u-1', value: '10' }, 'u-1', '10'],
    [
      'COST_RATE_UPDATED',
      { rateChangeSource: 'PROJECT_MEMBER', modifiedEntity: { targetId: 'p-1', userId: 'u-1' }, since: 'S' },
      'PROJECT_MEMBER|p-1|u-1',
      'S',
    ],
    [
      'TIME_OFF_REQUEST_APPROVED',
      { id: 'to-1', createdAt: 'C', status: { statusType: 'APPROVED', changedAt: 'A' } },
      'to-1',
      'APPROVED|A|C',
    ],
    ['USERS_INVITED_TO_WORKSPACE', { workspaceId: 'ws', invitedUserEmails: ['a@b.c'] }, '', ''],
    ['NEW_TAG', { id: 'tag-1', name: 'x' }, 'tag-1', ''],
  ] as const)('%s is about entity %j', (event, body, entityId, changeMarker) => {
    expect(entityKey(event, body)).toEqual({ entityId, changeMarker });
  });

  it('treats a body that is not an object as workspace-wide', () => {
    expect(entityKey('NEW_TAG', ['not', 'an', 'object'])).toEqual({ entityId: '', changeMarker: '' });
    expect(entityKey('NEW_TAG', null)).toEqual({ entityId: '', changeMarker: '' });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members, as JSON.stringify does', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: undefined, e: null })).toBe('{"b":[{"c":2,"d":1}],"e":null}');
  });
});
