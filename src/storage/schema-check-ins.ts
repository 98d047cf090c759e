import type { ColumnType } from 'kysely';

// Row types of the check-in and satisfaction tables (see
// migrations/2026-12-04T10-10-00_check-ins-satisfaction.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;
type Int = ColumnType<number | string, number, number>;

/** A rebuild check-in after a mistake's fix. */
export interface CheckInsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  client_id: string;
  commitment_id: NullableText;
  sequence: Int;
  offset_days: Int;
  due_at: Timestamp;
  status: string;
  method: NullableText;
  note: NullableText;
  skip_reason: NullableText;
  message_id: NullableText;
  settled_at: NullableTimestamp;
  settled_by_id: NullableText;
  settled_by_name: NullableText;
  reminder_claimed_by: NullableText;
  reminder_claimed_at: NullableTimestamp;
  overdue_claimed_by: NullableText;
  overdue_at: NullableTimestamp;
  created_at: Timestamp;
}

/** A satisfaction request: only the SHA-256 of its link's token. */
export interface SatisfactionRequestsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  client_id: string;
  contact_id: NullableText;
  contact_name: string;
  token_hash: string;
  message_id: NullableText;
  requested_by_id: NullableText;
  requested_by_name: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  answer: ColumnType<number | string | null, number | null | undefined, number | null>;
  comment: NullableText;
  answered_at: NullableTimestamp;
  answer_count: ColumnType<number | string, number | undefined, number>;
  changed_at: NullableTimestamp;
}

// A type alias (not an interface) so it fits Kysely's withTables<T>() constraint.
export type CheckInTables = {
  check_ins: CheckInsTable;
  satisfaction_requests: SatisfactionRequestsTable;
};
