import type { ColumnType } from 'kysely';

// Row types of the relay table (see migrations/*_relay.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;
type Int = ColumnType<number | string, number | undefined, number>;

export interface RelayMessagesTable {
  id: string;
  workspace_id: string;
  user_id: string;
  envelope_from: string;
  /** JSON array of addresses. */
  envelope_to: string;
  raw_base64: string;
  size_bytes: Int;
  subject: string;
  text_body: string;
  attachments: Int;
  client_id: string | null;
  /** JSON array of findings. */
  findings: string;
  decision: string;
  status: string;
  attempts: Int;
  next_attempt_at: NullableTimestamp;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_until: NullableTimestamp;
  relayed_at: NullableTimestamp;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface RelayTables {
  relay_messages: RelayMessagesTable;
}
