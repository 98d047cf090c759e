import type { ColumnType } from 'kysely';

// Row types of the recovery tables (see migrations/*_recovery.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type BigIntColumn = ColumnType<string | number, number, never>;
type NullableBigInt = ColumnType<string | number | null, number | null, never>;

/** A remedy ledger entry: insert-only (the database refuses UPDATE and DELETE). */
export interface RemediesTable {
  id: ColumnType<string, string, never>;
  workspace_id: ColumnType<string, string, never>;
  client_id: ColumnType<string, string, never>;
  mistake_id: ColumnType<string, string, never>;
  kind: ColumnType<string, string, never>;
  amount_minor: BigIntColumn;
  currency: ColumnType<string, string, never>;
  hours_centi: ColumnType<number | string | null, number | null, never>;
  rate_minor: NullableBigInt;
  note: ColumnType<string | null, string | null, never>;
  reverses_id: ColumnType<string | null, string | null, never>;
  requires_approval: ColumnType<number, number, never>;
  approval_reasons: ColumnType<string, string, never>;
  idempotency_key: ColumnType<string, string, never>;
  request_hash: ColumnType<string, string, never>;
  created_by_id: ColumnType<string | null, string | null, never>;
  created_by_name: ColumnType<string | null, string | null, never>;
  created_at: ColumnType<Date | string, string, never>;
}

/** One approval per remedy (owner or admin); insert-only. */
export interface RemedyApprovalsTable {
  remedy_id: ColumnType<string, string, never>;
  workspace_id: ColumnType<string, string, never>;
  approved_by_id: ColumnType<string | null, string | null, never>;
  approved_by_name: ColumnType<string | null, string | null, never>;
  note: ColumnType<string | null, string | null, never>;
  approved_at: ColumnType<Date | string, string, never>;
}

/** The accounting notice queued for an issued remedy, or why none was; insert-only. */
export interface RemedyNoticesTable {
  remedy_id: ColumnType<string, string, never>;
  workspace_id: ColumnType<string, string, never>;
  message_id: ColumnType<string | null, string | null, never>;
  skipped_reason: ColumnType<string | null, string | null, never>;
  created_at: ColumnType<Date | string, string, never>;
}

/** A decision to give no money for a mistake. */
export interface RemedyDeclinesTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  reason: string;
  by_id: string | null;
  by_name: string | null;
  at: Timestamp;
}

/** An account sweep: the open items (JSON) checked and left unchecked. */
export interface SweepsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  client_id: string;
  checked: string;
  unchecked: string;
  note: string | null;
  by_id: string | null;
  by_name: string | null;
  at: Timestamp;
}

/** When the client noticed a mistake themselves. */
export interface ClientNoticesTable {
  mistake_id: string;
  workspace_id: string;
  noticed_at: Timestamp;
  created_at: Timestamp;
}

/** The recovery tables, merged into DB in schema.ts. */
export interface RecoveryTables {
  remedies: RemediesTable;
  remedy_approvals: RemedyApprovalsTable;
  remedy_notices: RemedyNoticesTable;
  remedy_declines: RemedyDeclinesTable;
  sweeps: SweepsTable;
  client_notices: ClientNoticesTable;
}
