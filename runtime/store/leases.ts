import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from '@mikro-orm/knex';

/**
 * Names this process as the holder of the leases it takes (webhook events, bootstrap jobs). New at each start, so a
 * restarted process never takes a dead one's lease for its own, and readable enough to say which host holds what.
 */
export function leaseOwnerId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Rows no one holds a lease on at `now`: never leased, or whose lease ran out. */
export function leaseFree(now: Knex.Value) {
  return (query: Knex.QueryBuilder) => query.whereNull('lease_until').orWhere('lease_until', '<', now);
}
