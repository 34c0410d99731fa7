import type { Facts } from './apply-facts.js';
import type { Dataset } from './dataset.js';

export type Body = Record<string, unknown>;

/** The records a webhook body talks about: the owner's latest time entry and what it links to. */
export interface Scene {
  readonly dataset: Dataset;
  readonly workspaceId: string;
  readonly user: Facts;
  readonly entry: Facts;
  readonly project: Facts;
  readonly task: Facts;
  readonly tags: Facts[];
  readonly client: Facts;
}

/** The owner's latest time entry with its project, task, tags and client: real records of the data set. */
export function sceneOf(dataset: Dataset): Scene {
  const first = (key: string, params?: Record<string, string>) => dataset.collection(key, params).page(0, 1)[0] ?? {};
  const user = dataset.collection('users').find(dataset.ownerId) ?? first('users');
  const entry = first('user/time-entries', { userId: dataset.ownerId });
  const project = (typeof entry.projectId === 'string' && dataset.collection('projects').find(entry.projectId)) || first('projects');
  const tasks = dataset.collection('projects/tasks', { projectId: String(project.id) });
  const task = (typeof entry.taskId === 'string' && tasks.find(entry.taskId)) || first('projects/tasks', { projectId: String(project.id) });
  const tagIds = Array.isArray(entry.tagIds) ? (entry.tagIds as string[]) : [];
  const tags = tagIds.flatMap((id): Facts[] => {
    const tag = dataset.collection('tags').find(id);
    return tag ? [tag] : [];
  });
  const client = dataset.collection('clients').find(String(project.clientId)) ?? first('clients');
  return { dataset, workspaceId: dataset.workspaceId, user, entry, project, task, tags, client };
}
