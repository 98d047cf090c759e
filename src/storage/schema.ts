import type { ColumnType } from 'kysely';
import type { LearningTables } from './schema-learning.ts';
import type { LessonTables } from './schema-lessons.ts';
import type { InvitationTables } from './schema-invitations.ts';
import type { WebhookTables } from './schema-webhooks.ts';
import type { RelayTables } from './schema-relay.ts';
import type { CalendarTables } from './schema-calendars.ts';
import type { HealthTables } from './schema-health.ts';
import type { MessagingTables } from './schema-messaging.ts';
import type { CheckInTables } from './schema-check-ins.ts';
import type { RecoveryTables } from './schema-recovery.ts';
import type { MetricsTables } from './schema-metrics.ts';

// Row types as the drivers return them. Repositories convert rows to domain types: timestamps
// (Date on pg, text on SQLite), bigints (string on pg), and 0/1 flags are normalised there.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
type BigIntColumn = ColumnType<string | number, number, number>;
type Flag = ColumnType<number, number, number>;

export interface WorkspacesTable {
  id: string;
  name: string;
  timezone: string;
  mistake_seq: ColumnType<number, number | undefined, number>;
  guard_version: ColumnType<number, number | undefined, number>;
  settings: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  /** The member's own time zone; null = the workspace's. */
  timezone: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ClientsTable {
  id: string;
  workspace_id: string;
  name: string;
  name_key: string;
  aliases: string;
  tier: string;
  status: string;
  value_minor: BigIntColumn;
  value_currency: string;
  owner_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  full_name: string;
  preferred_name: string | null;
  honorific: string;
  pronouns: string | null;
  pronunciation: string | null;
  email: string | null;
  is_billing: Flag;
  created_at: Timestamp;
}

export interface FactsTable {
  id: string;
  workspace_id: string;
  client_id: string | null;
  kind: string;
  value: string;
  label: string | null;
  created_at: Timestamp;
}

export interface CommitmentsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  mistake_id: string | null;
  title: string;
  due_at: Timestamp;
  status: string;
  is_fix: Flag;
  owner_id: string | null;
  completed_at: NullableTimestamp;
  recorded_late: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface MistakesTable {
  id: string;
  workspace_id: string;
  number: ColumnType<number | string, number, number>;
  client_id: string;
  title: string;
  description: string | null;
  category: string;
  severity: string;
  impact_minor: BigIntColumn;
  impact_currency: string;
  found_by: string;
  happened_at: NullableTimestamp;
  found_at: Timestamp;
  stage: string;
  acknowledged_at: NullableTimestamp;
  remedied_at: NullableTimestamp;
  fixed_at: NullableTimestamp;
  learned_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  owner_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The update-due queue (see storage/repositories/update-anchor.ts); kept by the repositories. */
  update_anchor_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  /** 1 while the mistake has regressed (see migrations/*_regressed.ts). */
  regressed: ColumnType<number | boolean, number | undefined, number>;
}

export interface AcknowledgmentsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  at: Timestamp;
  channel: string;
  contact_id: string | null;
  recipient: string;
  note: string | null;
  message_id: string | null;
  created_at: Timestamp;
}

export interface EventsTable {
  id: string;
  workspace_id: string;
  mistake_id: string | null;
  client_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  type: string;
  summary: string;
  data: string;
  at: Timestamp;
}

export interface GuardRulesTable {
  id: string;
  workspace_id: string;
  client_id: string | null;
  mistake_id: string | null;
  kind: string;
  phrase: string | null;
  pattern: string | null;
  trigger: string | null;
  message: string;
  created_at: Timestamp;
}

export interface VocabularyWordsTable {
  workspace_id: string;
  word: string;
  created_at: Timestamp;
}

/** The one row written by first-run setup (id is always 'singleton'). */
export interface InstallationTable {
  id: string;
  workspace_id: string;
  created_at: Timestamp;
}

/** The per-workspace MG number, touched only when a mistake is logged. */
export interface MistakeCountersTable {
  workspace_id: string;
  seq: ColumnType<number, number, number>;
}

export interface DB
  extends RecoveryTables,
    MessagingTables,
    LearningTables,
    LessonTables,
    WebhookTables,
    RelayTables,
    CalendarTables,
    InvitationTables,
    HealthTables,
    CheckInTables,
    MetricsTables {
  installation: InstallationTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  facts: FactsTable;
  commitments: CommitmentsTable;
  mistakes: MistakesTable;
  mistake_counters: MistakeCountersTable;
  acknowledgments: AcknowledgmentsTable;
  events: EventsTable;
  guard_rules: GuardRulesTable;
  vocabulary_words: VocabularyWordsTable;
}
