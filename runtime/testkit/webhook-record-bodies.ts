import type { WebhookEventName } from '../clockify/events.js';
import type { Facts } from './apply-facts.js';
import { idFor } from './prng.js';
import type { Body, Scene } from './webhook-scene.js';
import { emailOf } from './words.js';

/** Bodies of the events about a record (time entry, project, task, client, tag, user, group): the record itself. */

export function timeEntry(scene: Scene, event: WebhookEventName): Body {
  const { entry, user, project, task, tags, workspaceId } = scene;
  const running = event === 'NEW_TIMER_STARTED';
  const interval = entry.timeInterval as Body;
  return {
    ...entry,
    workspaceId,
    timeInterval: running ? { start: interval.start, end: null, duration: null } : interval,
    hourlyRate: null,
    costRate: null,
    customFieldValues: [],
    project: projectBody(scene),
    task: task.id ? { ...taskBody(scene), workspaceId: project.workspaceId } : null,
    user: { id: user.id, name: user.name, status: 'ACTIVE' },
    tags: tags.map(({ id, name }) => ({ id, name, workspaceId, archived: false })),
  };
}

function projectBody({ project }: Scene): Body {
  const { id, name, clientId, clientName, workspaceId, billable, color, archived, public: isPublic, template } = project;
  return {
    id,
    name,
    clientId,
    clientName,
    workspaceId,
    billable,
    color,
    archived,
    public: isPublic,
    template,
    estimate: { estimate: 'PT0S', type: 'AUTO' },
    duration: 'PT0S',
    note: '',
  };
}

function taskBody({ task }: Scene): Body {
  const { id, name, projectId, assigneeIds, assigneeId, status } = task;
  return { id, name, projectId, assigneeIds, assigneeId, userGroupIds: [], estimate: 'PT0S', status, duration: 'PT0S' };
}

export function userBody({ user }: Scene, event: WebhookEventName): Body {
  const base = { id: user.id, email: user.email, name: user.name };
  if (event === 'USER_EMAIL_CHANGED') return { ...base, oldEmail: emailOf(String(user.name), '.old') };
  if (event === 'USER_DELETED_FROM_WORKSPACE' || event === 'USER_UPDATED') return base;
  return {
    ...base,
    profilePicture: '',
    settings: { weekStart: 'MONDAY', timeZone: 'Europe/Berlin', timeFormat: 'HOUR24', dateFormat: 'DD/MM/YYYY' },
  };
}

export const named = (pick: (scene: Scene) => Facts) => (scene: Scene) => {
  const { id, name, workspaceId, archived } = pick(scene);
  return { id, name, workspaceId, archived };
};
export const userGroup = ({ dataset, workspaceId, user }: Scene): Body => ({
  id: idFor(dataset.seed, 'webhook-group'),
  name: 'Simulated team',
  workspaceId,
  userIds: [user.id],
  teamManagers: [],
});
export const project = (scene: Scene): Body => ({
  ...projectBody(scene),
  tasks: [{ ...taskBody(scene), workspaceId: scene.workspaceId }],
  client: named((s) => s.client)(scene),
});
export const task = (scene: Scene): Body => taskBody(scene);
