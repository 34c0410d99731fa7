import { describe, expect, it } from 'vitest';
import { createDataset, DEFAULT_SIZES } from './dataset.js';

describe('createDataset', () => {
  it('generates the same workspace for the same seed and another for another seed', () => {
    const first = createDataset({ seed: 1 });
    const again = createDataset({ seed: 1 });
    expect(again.workspaceId).toBe(first.workspaceId);
    expect(again.collection('projects').page(0, 5)).toEqual(first.collection('projects').page(0, 5));
    expect(createDataset({ seed: 2 }).workspaceId).not.toBe(first.workspaceId);
  });

  it('sizes lists by name, by resource key and by default', () => {
    const dataset = createDataset({ seed: 1, sizes: { users: 3, tasksPerProject: 4, 'expenses/categories': 7, default: 2 } });
    expect(dataset.collection('users').length).toBe(3);
    expect(dataset.collection('projects').length).toBe(DEFAULT_SIZES.projects);
    expect(dataset.collection('projects/tasks', { projectId: 'p' }).length).toBe(4);
    expect(dataset.collection('expenses/categories').length).toBe(7);
    expect(dataset.collection('invoices').length).toBe(2);
    expect(dataset.collection('user/time-entries', { userId: 'u' }).length).toBe(DEFAULT_SIZES.timeEntriesPerUser);
  });

  it('links records: tasks to their project, time entries to a user, a project, one of its tasks and tags', () => {
    const dataset = createDataset({ seed: 5, sizes: { timeEntriesPerUser: 30 } });
    const projects = dataset.collection('projects');
    for (const project of projects.page(0, 5)) {
      expect(dataset.collection('clients').find(project.clientId as string)?.name).toBe(project.clientName);
      for (const task of dataset.collection('projects/tasks', { projectId: project.id as string }).page(0, 3))
        expect(task.projectId).toBe(project.id);
    }
    const users = dataset.collection('users').page(0, 10);
    expect(users[0]?.id).toBe(dataset.ownerId);
    for (const entry of dataset.collection('user/time-entries', { userId: dataset.ownerId }).page(0, 30)) {
      expect(entry.userId).toBe(dataset.ownerId);
      const project = projects.find(entry.projectId as string);
      expect(project).toBeDefined();
      expect(dataset.collection('projects/tasks', { projectId: project?.id as string }).find(entry.taskId as string)).toBeDefined();
      for (const tagId of entry.tagIds as string[]) expect(dataset.collection('tags').find(tagId)).toBeDefined();
    }
  });

  it('lists time entries newest first', () => {
    const dataset = createDataset({ seed: 1, sizes: { timeEntriesPerUser: 20 } });
    const starts = dataset
      .collection('user/time-entries', { userId: dataset.ownerId })
      .page(0, 20)
      .map((entry) => Date.parse((entry.timeInterval as { start: string }).start));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  });
});
