import { describe, expect, it } from 'vitest';
import type { NormalisedRecord, PlannedOperation } from '../../runtime/index.js';
import { planFollowers } from './plan-followers.js';

const list = (overrides: Partial<PlannedOperation>): PlannedOperation => ({
  operationId: 'getUsersOfWorkspace',
  path: '/v1/workspaces/{workspaceId}/users',
  resource: 'users',
  level: 0,
  children: [],
  params: [],
  pageSize: 2,
  maxPages: 5,
  query: {},
  itemsPath: [],
  scopes: [],
  ...overrides,
});
const users = list({ children: ['getTimeEntries'] });
const entries = list({ operationId: 'getTimeEntries', resource: 'user/time-entries', level: 1, params: ['userId'] });
const plan = new Map([users, entries].map((operation) => [operation.operationId, operation]));
const record = (id: string, ownId = true): NormalisedRecord => ({ id, body: '{}', ownId });
const step = (page: number, parentId = '', level = 0) => ({ id: 1, operationId: 'x', parentId, page, level });

describe('planFollowers', () => {
  it('queues the next pages of a full page and page 1 of each nested list per record with an id', () => {
    const result = planFollowers({ operation: users, step: step(1), records: [record('u1'), record('#2', false)], plan, lookahead: 2 });
    expect(result).toEqual({
      endsList: false,
      note: null,
      followers: [
        { operationId: 'getUsersOfWorkspace', parentId: '', page: 2, level: 0 },
        { operationId: 'getUsersOfWorkspace', parentId: '', page: 3, level: 0 },
        { operationId: 'getTimeEntries', parentId: 'u1', page: 1, level: 1 },
      ],
    });
  });

  it('ends the list at a short page and never asks past a known end or maxPages', () => {
    expect(planFollowers({ operation: entries, step: step(3, 'u1', 1), records: [record('t')], plan, lookahead: 3 })).toMatchObject({
      endsList: true,
      followers: [],
    });
    const capped = planFollowers({ operation: entries, step: step(4, 'u1', 1), records: [record('a'), record('b')], plan, lookahead: 3 });
    expect(capped.followers.map((follower) => follower.page)).toEqual([5]);
    expect(
      planFollowers({ operation: entries, step: step(2, 'u1', 1), records: [record('a'), record('b')], plan, lookahead: 3, knownEnd: 3 })
        .followers,
    ).toEqual([{ operationId: 'getTimeEntries', parentId: 'u1', page: 3, level: 1 }]);
    const last = planFollowers({ operation: entries, step: step(5, 'u1', 1), records: [record('a'), record('b')], plan, lookahead: 3 });
    expect(last).toMatchObject({ followers: [], endsList: false, note: 'maxPages (5) reached: the list may go on' });
  });
});
