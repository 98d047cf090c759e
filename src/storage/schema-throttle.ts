import type { ColumnType } from 'kysely';

// Throttle counters (see migrations/2026-12-03T15-30-00_throttle.ts). Installation-wide: keyed by
// address or account, never by workspace.

type Timestamp = ColumnType<Date | string, string, string>;

export interface ThrottleCountersTable {
  key: string;
  hits: ColumnType<number | string, number, number>;
  window_started_at: Timestamp;
  strikes: ColumnType<number | string, number | undefined, number>;
  blocked_until: ColumnType<Date | string | null, string | null | undefined, string | null>;
  touched_at: Timestamp;
}

// A type alias (not an interface) so it fits Kysely's withTables<T>() constraint.
export type ThrottleTables = {
  throttle_counters: ThrottleCountersTable;
};
