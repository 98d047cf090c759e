import { sql, type RawBuilder } from 'kysely';
import type { ThrottleCounters, ThrottleRule, ThrottleVerdict } from '../../domain/workspaces/sign-in-throttle.ts';
import type { Database } from '../database.ts';
import { toInt, toIsoOrNull } from '../dialect.ts';
import type { ThrottleTables } from '../schema-throttle.ts';

// Throttle counters in the database (table throttle_counters), one row per key. Every change is
// one statement (an upsert, or an update guarded by what was read), so instances counting the
// same key at once never lose a count: N instances allow the limit once, not N times.

/** How often (in calls per process) rows idle for longer than a day are deleted. */
const PRUNE_EVERY = 500;
const DAY = 86_400_000;

export function createThrottleCounters(database: Database): ThrottleCounters {
  const db = database.db.withTables<ThrottleTables>();
  const pg = database.capabilities.name === 'postgres';
  /** An instant parameter typed for the dialect (timestamptz on PostgreSQL, ISO text on SQLite). */
  const at = (d: Date): RawBuilder<string> =>
    pg ? sql<string>`${d.toISOString()}::timestamptz` : sql<string>`${d.toISOString()}`;
  let calls = 0;

  async function prune(now: Date): Promise<void> {
    if (++calls % PRUNE_EVERY !== 0) return;
    await db
      .deleteFrom('throttle_counters')
      .where('touched_at', '<', new Date(now.getTime() - DAY).toISOString())
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now.toISOString())]))
      .execute();
  }

  return {
    async hit(key: string, now: Date, rule: ThrottleRule): Promise<ThrottleVerdict> {
      await prune(now);
      const n = at(now);
      const windowStart = at(new Date(now.getTime() - rule.windowMs));
      const forgetBefore = at(new Date(now.getTime() - rule.forgetMs));
      const blocked = sql`(t.blocked_until is not null and t.blocked_until > ${n})`;
      // One statement: start, count in the window, or (while blocked) only touch the row.
      const { rows } = await sql<{ hits: number | string; strikes: number | string; blocked_until: unknown }>`
        insert into throttle_counters as t (key, hits, window_started_at, strikes, blocked_until, touched_at)
        values (${key}, 1, ${n}, 0, null, ${n})
        on conflict (key) do update set
          strikes = case when t.touched_at < ${forgetBefore} and not ${blocked} then 0 else t.strikes end,
          hits = case
            when ${blocked} then t.hits
            when t.window_started_at <= ${windowStart} then 1
            else t.hits + 1 end,
          window_started_at = case
            when ${blocked} then t.window_started_at
            when t.window_started_at <= ${windowStart} then ${n}
            else t.window_started_at end,
          touched_at = ${n}
        returning hits, strikes, blocked_until`.execute(db);
      const row = rows[0]!;
      const until = toIsoOrNull(row.blocked_until);
      if (until && Date.parse(until) > now.getTime()) {
        return { allowed: false, retryAfterMs: Date.parse(until) - now.getTime() };
      }
      const hits = toInt(row.hits);
      if (hits <= rule.limit) return { allowed: true, retryAfterMs: 0 };
      // Over the limit: block for blockMs × 2^strikes. Guarded by the strikes read above, so of
      // two instances crossing the limit at once one sets the block and the other reads it.
      const strikes = toInt(row.strikes);
      const waitMs = Math.min(rule.blockMs * 2 ** Math.min(strikes, 30), rule.maxBlockMs);
      const blockedUntil = new Date(now.getTime() + waitMs);
      const set = await db
        .updateTable('throttle_counters')
        .set({
          blocked_until: blockedUntil.toISOString(),
          strikes: strikes + 1,
          // The window stays all but full: once the wait is over one attempt goes ahead, and the
          // one after it (in this window) waits twice as long.
          hits: rule.limit - 1,
        })
        .where('key', '=', key)
        .where('strikes', '=', strikes)
        .executeTakeFirst();
      if (Number(set.numUpdatedRows) > 0) return { allowed: false, retryAfterMs: waitMs };
      const current = await db
        .selectFrom('throttle_counters')
        .select('blocked_until')
        .where('key', '=', key)
        .executeTakeFirst();
      const other = toIsoOrNull(current?.blocked_until);
      return { allowed: false, retryAfterMs: Math.max(1000, other ? Date.parse(other) - now.getTime() : waitMs) };
    },

    async refund(key: string, now: Date): Promise<void> {
      await sql`update throttle_counters set hits = case when hits > 0 then hits - 1 else 0 end, touched_at = ${at(now)}
        where key = ${key}`.execute(db);
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('throttle_counters').where('key', '=', key).execute();
    },

    async count(key: string, now: Date, windowMs: number): Promise<{ current: number; ttlMs: number }> {
      await prune(now);
      const n = at(now);
      const windowStart = at(new Date(now.getTime() - windowMs));
      const { rows } = await sql<{ hits: number | string; window_started_at: unknown }>`
        insert into throttle_counters as t (key, hits, window_started_at, strikes, blocked_until, touched_at)
        values (${key}, 1, ${n}, 0, null, ${n})
        on conflict (key) do update set
          hits = case when t.window_started_at <= ${windowStart} then 1 else t.hits + 1 end,
          window_started_at = case when t.window_started_at <= ${windowStart} then ${n} else t.window_started_at end,
          touched_at = ${n}
        returning hits, window_started_at`.execute(db);
      const row = rows[0]!;
      const started = Date.parse(toIsoOrNull(row.window_started_at)!);
      return { current: toInt(row.hits), ttlMs: Math.max(0, started + windowMs - now.getTime()) };
    },
  };
}
