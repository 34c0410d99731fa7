import { deepFreeze } from '../deep-freeze.js';
import { entryOf } from '../map-entry.js';
import type { Facts } from './apply-facts.js';

export interface CollectionOptions {
  /** How many generated records it starts with. */
  size: number;
  /** The id of the generated record at a position. */
  idAt(index: number): string;
  /** The facts of the generated record at a position (pure: the same answer every time). */
  build(index: number, id: string): Facts;
  /** Records created later are listed first (time entries: newest first), else last. */
  newestFirst?: boolean;
}

/**
 * The records of one list (a workspace's projects, one project's tasks, one user's time entries). Generated records
 * are built on demand from their position, so a list of thousands costs nothing until a page of it is read, and kept
 * (frozen, so every reader gets the same answer); the first write turns the order into an explicit id list that
 * creations and deletions edit.
 */
export class Collection {
  readonly #options: CollectionOptions;
  #order: string[] | undefined;
  #positions: Map<string, number> | undefined;
  readonly #written = new Map<string, Facts>();
  readonly #removed = new Set<string>();
  readonly #generated = new Map<number, Facts>();

  constructor(options: CollectionOptions) {
    this.#options = options;
  }

  get length(): number {
    return this.#order?.length ?? this.#options.size;
  }

  /** Records `offset` to `offset + limit - 1` in list order. */
  page(offset: number, limit: number): Facts[] {
    const end = Math.min(this.length, offset + limit);
    const records: Facts[] = [];
    for (let position = Math.max(0, offset); position < end; position++) {
      const id = this.#order ? (this.#order[position] as string) : this.#options.idAt(position);
      const record = this.find(id);
      if (record) records.push(record);
    }
    return records;
  }

  find(id: string): Facts | undefined {
    const written = this.#written.get(id);
    if (written) return structuredClone(written);
    const index = this.#positionsById().get(id);
    if (index === undefined || this.#removed.has(id)) return undefined;
    return entryOf(this.#generated, index, () => deepFreeze(this.#options.build(index, id)));
  }

  add(record: Facts & { id: string }): Facts {
    const order = this.#materialize();
    if (this.#options.newestFirst) order.unshift(record.id);
    else order.push(record.id);
    this.#written.set(record.id, structuredClone(record));
    return structuredClone(record);
  }

  /** Merges changes into a record; undefined when it does not exist. */
  update(id: string, changes: Facts): Facts | undefined {
    const current = this.find(id);
    if (!current) return undefined;
    const next = { ...current, ...changes, id };
    this.#written.set(id, next);
    return structuredClone(next);
  }

  remove(id: string): Facts | undefined {
    const current = this.find(id);
    if (!current) return undefined;
    const order = this.#materialize();
    order.splice(order.indexOf(id), 1);
    this.#written.delete(id);
    this.#removed.add(id);
    return current;
  }

  #materialize(): string[] {
    this.#order ??= Array.from({ length: this.#options.size }, (_, index) => this.#options.idAt(index));
    return this.#order;
  }

  #positionsById(): Map<string, number> {
    if (!this.#positions) {
      this.#positions = new Map();
      for (let index = 0; index < this.#options.size; index++) this.#positions.set(this.#options.idAt(index), index);
    }
    return this.#positions;
  }
}
