import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: members' calendars for the calendar check (issue 15 C). calendars: a subscription URL or
// an uploaded .ics per member; calendar_events: the occurrences of its window (recurrences
// expanded, UTC), replaced on each fetch; calendar_conflict_notices: a double or triple booking
// told to the member, once per conflict (its key's sha-256). Written against Kysely<any>.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('last_synced_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('next_sync_at', ts)
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendars_by_user').on('calendars').columns(['workspace_id', 'user_id']).execute();
  // The scheduler's due fetches.
  await db.schema.createIndex('calendars_due').on('calendars').columns(['next_sync_at']).execute();
  await db.schema
    .createTable('calendar_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('calendars.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('busy', 'integer', (c) => c.notNull())
    // JSON array of lower-cased addresses.
    .addColumn('attendees', 'text', (c) => c.notNull())
    .execute();
  // A member's busy time in a range (the guard's check, conflict detection).
  await db.schema
    .createIndex('calendar_events_by_user')
    .on('calendar_events')
    .columns(['workspace_id', 'user_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('calendar_events_by_calendar').on('calendar_events').columns(['calendar_id']).execute();
  await db.schema
    .createTable('calendar_conflict_notices')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('notified_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_conflict_notices_pk', ['workspace_id', 'user_id', 'key_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_conflict_notices').ifExists().execute();
  await db.schema.dropTable('calendar_events').ifExists().execute();
  await db.schema.dropTable('calendars').ifExists().execute();
}
