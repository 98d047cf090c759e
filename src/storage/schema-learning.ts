import type { ColumnType } from 'kysely';

// Row types of the learning tables (see migrations/*_learning.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface RootCausesTable {
  mistake_id: string;
  workspace_id: string;
  why_steps: string;
  category: string;
  other_categories: string;
  escape_kind: string | null;
  escape_where: string | null;
  summary: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LearningDecisionsTable {
  mistake_id: string;
  workspace_id: string;
  no_prevention_reason: string | null;
  no_plan_reason: string | null;
  updated_at: Timestamp;
}

export interface ActionsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  client_id: string;
  kind: string;
  title: string;
  owner_id: string | null;
  due_at: Timestamp;
  status: string;
  cancel_reason: string | null;
  done_at: NullableTimestamp;
  check_due_at: NullableTimestamp;
  check_result: string | null;
  check_note: string | null;
  checked_by: string | null;
  checked_at: NullableTimestamp;
  next_reminder_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ActionRemindersTable {
  workspace_id: string;
  action_id: string;
  slot: string;
  claimed_by: string;
  at: Timestamp;
}

export interface MistakeRepeatsTable {
  mistake_id: string;
  workspace_id: string;
  repeat_of_id: string;
  undo: string;
  marked_by: string | null;
  marked_at: Timestamp;
}

/** The learning tables. */
export interface LearningTables {
  root_causes: RootCausesTable;
  learning_decisions: LearningDecisionsTable;
  actions: ActionsTable;
  action_reminders: ActionRemindersTable;
  mistake_repeats: MistakeRepeatsTable;
}
