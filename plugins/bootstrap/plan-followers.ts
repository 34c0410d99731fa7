import type { NormalisedRecord, PlannedOperation } from '../../runtime/index.js';
import type { Step } from './checkpoint-store.js';
import type { Follower } from './page-writer.js';

export interface FollowerInput {
  operation: PlannedOperation;
  step: Step;
  records: readonly NormalisedRecord[];
  plan: ReadonlyMap<string, PlannedOperation>;
  /** Pages of one list requested before its end is known. */
  lookahead: number;
  /** The page this list is already known to end at (a short page was seen), if any. */
  knownEnd?: number;
}

/**
 * What a stored page makes known. A full page means the list goes on: the next `lookahead` pages are queued, so a long
 * list is read several pages at a time instead of one round trip after another (a page past the end costs one request
 * and answers empty). A short page ends the list (PLATFORM.md §6.3). Every record with an id of its own opens page 1
 * of each nested list whose parameter it fills.
 */
export function planFollowers({ operation, step, records, plan, lookahead, knownEnd }: FollowerInput): {
  followers: Follower[];
  endsList: boolean;
  note: string | null;
} {
  const full = records.length >= operation.pageSize;
  const followers: Follower[] = [];
  const { operationId } = operation;
  const { parentId } = step;
  const last = Math.min(operation.maxPages, knownEnd ?? Number.POSITIVE_INFINITY);
  if (full) {
    for (let page = step.page + 1; page <= Math.min(step.page + lookahead, last); page++) {
      followers.push({ operationId, parentId, page, level: step.level });
    }
  }
  for (const childId of operation.children) {
    const child = plan.get(childId);
    if (!child) continue;
    for (const record of records) {
      if (!record.ownId) continue;
      followers.push({ operationId: childId, parentId: parentId ? `${parentId}/${record.id}` : record.id, page: 1, level: child.level });
    }
  }
  const cut = full && step.page >= operation.maxPages;
  return { followers, endsList: !full, note: cut ? `maxPages (${operation.maxPages}) reached: the list may go on` : null };
}
