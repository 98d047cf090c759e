import type { ColumnType } from 'kysely';

// Row types of the client-health tables (see migrations/*_client-health.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;
type Int = ColumnType<number | string, number, number>;

export interface ClientHealthTable {
  workspace_id: string;
  client_id: string;
  score: Int;
  band: string;
  /** JSON array of HealthLine. */
  lines: string;
  open_mistakes: Int;
  computed_at: Timestamp;
}

export interface ClientHealthHistoryTable {
  id: string;
  workspace_id: string;
  client_id: string;
  score: Int;
  previous_score: Int;
  /** JSON array of HealthMove. */
  moves: string;
  reason: string;
  recorded_at: Timestamp;
}

export interface HealthAlertsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  kind: string;
  alert_key: string;
  /** JSON array of mistake ids. */
  mistake_ids: string;
  last_found_at: NullableTimestamp;
  score: Int;
  threshold: ColumnType<number | string | null, number | null, number | null>;
  status: string;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HealthTables {
  client_health: ClientHealthTable;
  client_health_history: ClientHealthHistoryTable;
  health_alerts: HealthAlertsTable;
}
