import { isNode } from '../openapi/build-operation.js';
import type { Facts } from './apply-facts.js';
import { isoDuration } from './facts.js';

/**
 * What a write's body says about the record. Requests name a time entry's interval `start`/`end` where responses
 * nest it in `timeInterval`, so those two are moved (and the duration derived); other fields keep their names and
 * only show in responses whose schema has them.
 */
export function factsFromBody(body: unknown, current: Facts = {}): Facts {
  if (!isNode(body)) return {};
  const { start, end, customFields: _ignored, ...rest } = body;
  if (start === undefined && end === undefined) return rest;
  const interval = isNode(current.timeInterval) ? current.timeInterval : {};
  const from = typeof start === 'string' ? start : interval.start;
  const to = end === undefined ? interval.end : end;
  return { ...rest, timeInterval: { start: from ?? null, end: to ?? null, duration: durationOf(from, to) } };
}

function durationOf(start: unknown, end: unknown): string | null {
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  return Number.isFinite(minutes) && minutes >= 0 ? isoDuration(minutes) : null;
}
