import type { Facts } from './apply-facts.js';
import type { Prng } from './prng.js';
import { emailOf, words } from './words.js';

/** A record of another list, picked for a reference (a time entry's project), with its facts built on demand. */
export interface Ref {
  readonly id: string;
  facts(): Facts;
}

export interface FactsContext {
  readonly index: number;
  readonly id: string;
  readonly rng: Prng;
  readonly workspaceId: string;
  readonly anchorMs: number;
  /** The list's path parameters other than the workspace (`{ projectId }` for a project's tasks). */
  readonly params: Readonly<Record<string, string>>;
  /** A generated record of another list, chosen with this record's generator; undefined when that list is empty. */
  ref(key: string, params?: Record<string, string>): Ref | undefined;
}

export type FactsBuilder = (context: FactsContext) => Facts;

const HOUR_MS = 3_600_000;

/** Facts of the main resources, linked the way Clockify links them (tasks in projects, time entries to users). */
export const FACTS_BUILDERS: Readonly<Record<string, FactsBuilder>> = {
  workspaces: ({ workspaceId }) => ({ id: workspaceId, name: 'Simulated Workspace' }),
  users: function userFacts({ id, rng, workspaceId, index }) {
    const name = words.person(rng);
    return { id, name, email: emailOf(name, String(index)), status: 'ACTIVE', activeWorkspace: workspaceId, defaultWorkspace: workspaceId };
  },
  clients: ({ id, rng, workspaceId }) => ({ id, workspaceId, name: words.client(rng), archived: false }),
  tags: ({ id, rng, workspaceId, index }) => ({ id, workspaceId, name: `${words.tag(rng)}-${index}`, archived: false }),
  projects: function projectFacts({ id, rng, workspaceId, ref }) {
    const client = ref('clients');
    return {
      id,
      workspaceId,
      name: words.project(rng),
      clientId: client?.id ?? '',
      clientName: String(client?.facts().name ?? ''),
      color: words.color(rng),
      billable: rng.chance(0.7),
      archived: false,
      public: rng.chance(0.5),
      template: false,
    };
  },
  'projects/tasks': function taskFacts({ id, rng, workspaceId, params, ref }) {
    const assignee = ref('users');
    return {
      id,
      workspaceId,
      projectId: params.projectId,
      name: words.task(rng),
      status: 'ACTIVE',
      billable: rng.chance(0.7),
      assigneeIds: assignee ? [assignee.id] : [],
      assigneeId: assignee?.id ?? '',
    };
  },
  'user-groups': ({ id, rng, workspaceId, ref }) => ({
    id,
    workspaceId,
    name: `${words.phrase(rng)} team`,
    userIds: distinctIds(ref, 'users', 3),
  }),
  'user/time-entries': (context) => timeEntryFacts(context, context.params.userId ?? '', false),
  'time-entries/status/in-progress': (context) => timeEntryFacts(context, context.ref('users')?.id ?? '', true),
};

/** Any other list: an id, the workspace, a name, its path parameters, and a user and a project that exist. */
export function defaultFacts({ id, rng, workspaceId, params, ref }: FactsContext): Facts {
  return { id, workspaceId, name: words.phrase(rng), userId: ref('users')?.id, projectId: ref('projects')?.id, ...params };
}

/** Newest first, about one entry every five hours back from the anchor; a running timer has no end yet. */
function timeEntryFacts({ id, rng, workspaceId, anchorMs, index, ref }: FactsContext, userId: string, running: boolean): Facts {
  const project = ref('projects');
  const task = project && ref('projects/tasks', { projectId: project.id });
  const minutes = rng.between(15, 240);
  const end = anchorMs - index * 5 * HOUR_MS - rng.int(60) * 60_000;
  const start = running ? anchorMs - minutes * 60_000 : end - minutes * 60_000;
  return {
    id,
    workspaceId,
    userId,
    description: words.activity(rng),
    projectId: project?.id ?? null,
    taskId: task?.id ?? null,
    tagIds: distinctIds(ref, 'tags', 2),
    billable: rng.chance(0.6),
    isLocked: false,
    type: 'REGULAR',
    timeInterval: {
      start: isoSeconds(start),
      end: running ? null : isoSeconds(end),
      duration: running ? null : isoDuration(minutes),
    },
  };
}

function distinctIds(ref: FactsContext['ref'], key: string, max: number): string[] {
  const ids = new Set<string>();
  for (let draw = 0; draw < max; draw++) {
    const picked = ref(key);
    if (picked) ids.add(picked.id);
  }
  return [...ids];
}

/** `2025-06-02T09:00:00Z`: Clockify writes instants without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Minutes as an ISO-8601 duration (`PT1H30M`), the form Clockify uses for `timeInterval.duration`. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}
