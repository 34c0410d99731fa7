import type { Facts } from './apply-facts.js';
import { Collection } from './collection.js';
import { defaultFacts, FACTS_BUILDERS, type FactsContext } from './facts.js';
import { createPrng, hashSeed, idFor } from './prng.js';

/**
 * Records per list. Main resources have names; any other list is named by its path after the workspace with the
 * parameters left out (`expenses`, `invoices/payments`, `time-off/balance/policy`); `default` covers the rest.
 */
export interface DataSizes {
  users?: number;
  clients?: number;
  projects?: number;
  tasksPerProject?: number;
  tags?: number;
  timeEntriesPerUser?: number;
  default?: number;
  [list: string]: number | undefined;
}

const SIZE_KEYS: Readonly<Record<string, string>> = { tasksPerProject: 'projects/tasks', timeEntriesPerUser: 'user/time-entries' };

export const DEFAULT_SIZES: Readonly<
  Required<Pick<DataSizes, 'users' | 'clients' | 'projects' | 'tasksPerProject' | 'tags' | 'timeEntriesPerUser' | 'default'>>
> = {
  users: 5,
  clients: 10,
  projects: 40,
  tasksPerProject: 10,
  tags: 20,
  timeEntriesPerUser: 4000,
  default: 12,
};

// Lists created by writes are listed newest first, like Clockify's time entries.
const NEWEST_FIRST = new Set(['user/time-entries']);

export interface Dataset {
  readonly seed: number;
  readonly workspaceId: string;
  /** The workspace owner: the first user, and the `user` of installation tokens. */
  readonly ownerId: string;
  /** Generated instants lie before it: fixed, so the data does not change with the clock. */
  readonly anchorMs: number;
  /** The list for a resource key and its path parameters (`projects/tasks`, `{ projectId }`). */
  collection(key: string, params?: Readonly<Record<string, string>>): Collection;
  /** Every list built so far whose key is `key` (e.g. each user's time entries). */
  collections(key: string): Collection[];
  /** A new, never generated id, for records created by writes. */
  newId(): string;
}

export interface CreateDatasetOptions {
  seed: number;
  sizes?: DataSizes;
  anchorMs?: number;
}

/** The simulated workspace's data: every list generated from the seed, built lazily, linked by real ids. */
export function createDataset({ seed, sizes = {}, anchorMs = Date.UTC(2025, 5, 2, 17, 0, 0) }: CreateDatasetOptions): Dataset {
  const workspaceId = idFor(seed, 'workspace');
  const lists = new Map<string, Collection>();
  let created = 0;
  const sizeOf = (key: string) => (key === 'workspaces' ? 1 : sizeFor(key, { ...DEFAULT_SIZES, ...sizes }));
  const instanceKey = (key: string, params: Readonly<Record<string, string>>) => [key, ...Object.values(params)].join('|');
  const idAt = (key: string, params: Readonly<Record<string, string>>, index: number) =>
    key === 'workspaces' ? workspaceId : idFor(seed, instanceKey(key, params), index);

  const contextFor = (key: string, params: Readonly<Record<string, string>>, index: number, id: string): FactsContext => {
    const rng = createPrng(hashSeed(seed, 'facts', instanceKey(key, params), index));
    return {
      index,
      id,
      rng,
      workspaceId,
      anchorMs,
      params,
      ref(other, otherParams = {}) {
        const size = sizeOf(other);
        if (size === 0) return undefined;
        const position = rng.int(size);
        const otherId = idAt(other, otherParams, position);
        return { id: otherId, facts: () => buildFacts(other, otherParams, position, otherId) };
      },
    };
  };
  const buildFacts = (key: string, params: Readonly<Record<string, string>>, index: number, id: string): Facts =>
    (FACTS_BUILDERS[key] ?? defaultFacts)(contextFor(key, params, index, id));

  return {
    seed,
    workspaceId,
    ownerId: idAt('users', {}, 0),
    anchorMs,
    collection(key, params = {}) {
      const name = instanceKey(key, params);
      let list = lists.get(name);
      if (!list) {
        list = new Collection({
          size: sizeOf(key),
          idAt: (index) => idAt(key, params, index),
          build: (index, id) => buildFacts(key, params, index, id),
          newestFirst: NEWEST_FIRST.has(key),
        });
        lists.set(name, list);
      }
      return list;
    },
    collections: (key) => [...lists.entries()].filter(([name]) => name.split('|')[0] === key).map(([, list]) => list),
    newId: () => idFor(seed, 'created', ++created),
  };
}

function sizeFor(key: string, sizes: DataSizes): number {
  const named = Object.entries(SIZE_KEYS).find(([, list]) => list === key)?.[0];
  const size = sizes[key] ?? (named ? sizes[named] : undefined) ?? sizes.default ?? DEFAULT_SIZES.default;
  return Math.max(0, Math.floor(size));
}
