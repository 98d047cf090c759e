import type { ColumnType } from 'kysely';

// Row types of the messaging tables (see migrations/*_messaging.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface MessagesTable {
  id: string;
  workspace_id: string;
  client_id: string | null;
  mistake_id: string | null;
  kind: string;
  status: string;
  from_name: string;
  reply_to_name: ColumnType<string | null, string | null | undefined, string | null>;
  reply_to_address: ColumnType<string | null, string | null | undefined, string | null>;
  to_name: string;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: ColumnType<number | string, number | undefined, number>;
  next_attempt_at: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  claimed_until: ColumnType<Date | string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  client_id: string | null;
  mistake_id: string | null;
  commitment_id: string | null;
  message_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface CommitmentRemindersTable {
  commitment_id: string;
  offset_minutes: number;
  workspace_id: string;
  outcome: string;
  fire_at: Timestamp;
  notification_id: string | null;
  created_at: Timestamp;
}

export interface MissedCommitmentsTable {
  commitment_id: string;
  workspace_id: string;
  mistake_id: string;
  original_mistake_id: string | null;
  missed_at: Timestamp;
}

export interface UpdateDueFlagsTable {
  mistake_id: string;
  due_at: Timestamp;
  workspace_id: string;
  created_at: Timestamp;
}

export interface MessagingTables {
  messages: MessagesTable;
  notifications: NotificationsTable;
  commitment_reminders: CommitmentRemindersTable;
  missed_commitments: MissedCommitmentsTable;
  update_due_flags: UpdateDueFlagsTable;
}
