import type { ColumnType } from 'kysely';

// Row types of the webhook tables (see migrations/*_webhooks.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
type Int = ColumnType<number | string, number | undefined, number>;

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  events: string;
  enabled: ColumnType<number | boolean, number, number>;
  secret: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string | null;
  type: string;
  body: string;
  status: string;
  attempts: Int;
  next_attempt_at: NullableTimestamp;
  response_code: ColumnType<number | string | null, number | null | undefined, number | null>;
  last_error: string | null;
  duration_ms: ColumnType<number | string | null, number | null | undefined, number | null>;
  delivered_at: NullableTimestamp;
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_until: ColumnType<Date | string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
