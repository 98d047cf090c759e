import type { ColumnType } from 'kysely';

// Row types of the calendar tables (see migrations/*_calendars.ts); part of DB in schema.ts.

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;
type Int = ColumnType<number | string, number | undefined, number>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;

export interface CalendarsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  source: string;
  url: NullableText;
  last_synced_at: NullableTimestamp;
  last_error: NullableText;
  next_sync_at: NullableTimestamp;
  event_count: Int;
  created_at: Timestamp;
}

export interface CalendarEventsTable {
  id: string;
  workspace_id: string;
  calendar_id: string;
  user_id: string;
  occurrence_key: string;
  uid: string;
  title: string;
  details: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  all_day: Int;
  busy: Int;
  attendees: string;
}

export interface CalendarConflictNoticesTable {
  workspace_id: string;
  user_id: string;
  key_hash: string;
  notified_at: Timestamp;
}

export interface CalendarTables {
  calendars: CalendarsTable;
  calendar_events: CalendarEventsTable;
  calendar_conflict_notices: CalendarConflictNoticesTable;
}
