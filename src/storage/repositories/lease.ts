import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';
import type { DB } from '../schema.ts';

// The claim of a durable queue (the mail outbox, webhook deliveries): one place for the lease on the
// database clock and the claim that two instances can never both win.

/** The queue tables: each has id, workspace_id, status, next_attempt_at, claimed_by, claimed_until. */
export type LeasedTable = 'messages' | 'webhook_deliveries' | 'relay_messages';

/**
 * "Now" and "now + leaseMs" on the database server's clock (PostgreSQL statement_timestamp();
 * SQLite's 'now', fixed for one statement, as ISO-8601 text like every stored instant there).
 */
export function leaseClock(
  capabilities: DialectCapabilities,
  leaseMs: number,
): { dbNow: RawBuilder<string>; leaseEnd: RawBuilder<string> } {
  const ms = Math.max(0, Math.round(leaseMs));
  if (capabilities.name === 'postgres') {
    return {
      dbNow: sql<string>`statement_timestamp()`,
      leaseEnd: sql<string>`statement_timestamp() + ${`${ms} milliseconds`}::interval`,
    };
  }
  return {
    dbNow: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    leaseEnd: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`+${(ms / 1000).toFixed(3)} seconds`})`,
  };
}

/**
 * Claims up to `limit` rows of `table` that are due at `now` (queued, or `sending` with an expired
 * claim) for `claimant`, leased for `leaseMs`: status `sending`, earliest due first. Two claimants
 * never get the same row (one UPDATE; FOR UPDATE SKIP LOCKED on PostgreSQL). Returns the claimed
 * rows as stored.
 */
export async function claimLeased<T extends LeasedTable>(
  database: Kysely<DB>,
  capabilities: DialectCapabilities,
  table: T,
  query: { workspaceId: string; now: string; claimant: string; leaseMs: number; limit: number },
): Promise<Selectable<DB[T]>[]> {
  // The two tables share the claim columns; Kysely cannot type a query over a table parameter.
  const db = database as unknown as Kysely<any>;
  const name: string = table;
  // The lease is set and checked on the database's clock, the one clock every instance on
  // this database shares: an instance whose own clock runs 2 h ahead must not see another
  // instance's live claim as expired (it did, and sent the message twice).
  const { dbNow, leaseEnd } = leaseClock(capabilities, query.leaseMs);
  const due = db
    .selectFrom(name)
    .select('id')
    .where('workspace_id', '=', query.workspaceId)
    .where('status', 'in', ['queued', 'sending'])
    .where('next_attempt_at', '<=', query.now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', dbNow)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(query.limit);
  const claim = { status: 'sending', claimed_by: query.claimant, claimed_until: leaseEnd };
  if (capabilities.skipLocked) {
    // PostgreSQL: the due ids are picked once in a CTE with FOR UPDATE SKIP LOCKED, so a
    // concurrent claimer passes over rows locked here instead of waiting for them. (An
    // `id IN (sub-select … LIMIT)` is not safe: the planner may rescan the sub-select and
    // exceed the limit.)
    return (await db
      .with('due', () => due.forUpdate().skipLocked())
      .updateTable(name)
      .set(claim)
      .from('due')
      .whereRef(`${name}.id`, '=', 'due.id')
      .returningAll(name)
      .execute()) as Selectable<DB[T]>[];
  }
  // SQLite: one UPDATE is atomic (one writer at a time).
  return (await db
    .updateTable(name)
    .set(claim)
    .where('workspace_id', '=', query.workspaceId)
    .where('id', 'in', due)
    .returningAll()
    .execute()) as Selectable<DB[T]>[];
}
