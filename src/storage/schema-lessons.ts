import type { ColumnType } from 'kysely';

// Row types of the lessons tables (see migrations/*_lessons.ts); part of DB in schema.ts. The
// full-text index (lesson_search) differs by dialect and is reached only through fulltext.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface LessonsTable {
  id: string;
  workspace_id: string;
  mistake_id: string;
  client_id: string;
  scope: string;
  title: string;
  learned: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LessonChecksTable {
  id: string;
  workspace_id: string;
  lesson_id: string;
  kind: string;
  target_id: string;
  label: string;
  created_at: Timestamp;
}

export interface LessonHitsTable {
  workspace_id: string;
  draft_id: string;
  check_id: string;
  lesson_id: string;
  state: string;
  seen_at: Timestamp;
  closed_at: NullableTimestamp;
}

export interface LessonTables {
  lessons: LessonsTable;
  lesson_checks: LessonChecksTable;
  lesson_hits: LessonHitsTable;
}
