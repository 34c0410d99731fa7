import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../clockify/events.js';
import { createDataset } from './dataset.js';
import { webhookBody } from './webhook-bodies.js';

describe('webhookBody', () => {
  const dataset = createDataset({ seed: 3, sizes: { timeEntriesPerUser: 5 } });

  it('builds a body for every event, naming the simulated workspace wherever the family carries one', () => {
    for (const event of WEBHOOK_EVENTS) {
      const body = webhookBody(event, dataset);
      expect(Object.keys(body).length, event).toBeGreaterThan(2);
      if ('workspaceId' in body) expect(body.workspaceId, event).toBe(dataset.workspaceId);
    }
  });

  it('describes a time entry that exists, with its project, task, user and tags embedded', () => {
    const body = webhookBody('NEW_TIME_ENTRY', dataset);
    const stored = dataset.collection('user/time-entries', { userId: dataset.ownerId }).find(body.id as string);
    expect(stored).toBeDefined();
    expect(body).toMatchObject({
      userId: dataset.ownerId,
      projectId: stored?.projectId,
      project: { id: stored?.projectId },
      user: { id: dataset.ownerId },
    });
    expect((body.task as { projectId: string }).projectId).toBe(stored?.projectId);
    expect((body.tags as { id: string }[]).map((tag) => tag.id)).toEqual(stored?.tagIds);
  });

  it('leaves a started timer without an end and a duration', () => {
    expect(webhookBody('NEW_TIMER_STARTED', dataset).timeInterval).toMatchObject({ end: null, duration: null });
  });

  it('shapes the other families like Clockify does', () => {
    expect(webhookBody('EXPENSE_DELETED', dataset)).toEqual(
      expect.objectContaining({ expenseId: expect.any(String), categoryId: expect.any(String) }),
    );
    expect(webhookBody('USER_EMAIL_CHANGED', dataset)).toEqual(expect.objectContaining({ oldEmail: expect.stringContaining('@') }));
    expect(webhookBody('TIME_OFF_REQUEST_APPROVED', dataset)).toMatchObject({ status: { statusType: 'APPROVED' } });
    expect(webhookBody('NEW_PROJECT', dataset)).toEqual(
      expect.objectContaining({ tasks: [expect.any(Object)], client: expect.any(Object) }),
    );
  });
});
