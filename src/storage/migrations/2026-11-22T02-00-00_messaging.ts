import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: messages (the outbox), in-app notifications, reminder and missed-commitment claim rows.
// Written against Kysely<any>; never imports app code. Instants are timestamptz on PostgreSQL and
// ISO-8601 UTC text on SQLite.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  // The outbox. A row is claimed (claimed_by/claimed_until, status 'sending') before it is sent;
  // an expired claim (the sender died) is claimed again. message_id is the RFC 5322 Message-ID,
  // fixed when queued, so a retry can never become a second message.
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text')
    .addColumn('mistake_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', ts)
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_due')
    .on('messages')
    .columns(['workspace_id', 'status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('messages_mistake').on('messages').columns(['workspace_id', 'mistake_id']).execute();
  await db.schema.createIndex('messages_client').on('messages').columns(['workspace_id', 'client_id']).execute();

  // In-app notifications to one user (commitment reminders, missed commitments, updates due).
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('mistake_id', 'text')
    .addColumn('commitment_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['workspace_id', 'user_id', 'created_at'])
    .execute();

  // One row per (commitment, offset): the primary key makes each reminder happen exactly once,
  // even with several scheduler instances on one database (the loser's insert does nothing).
  await db.schema
    .createTable('commitment_reminders')
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('offset_minutes', 'integer', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('fire_at', ts, (c) => c.notNull())
    .addColumn('notification_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_reminders_pk', ['commitment_id', 'offset_minutes'])
    .execute();

  // A commitment that passed due unfinished, and the new mistake it logged: once per commitment.
  await db.schema
    .createTable('missed_commitments')
    .addColumn('commitment_id', 'text', (c) => c.primaryKey().references('commitments.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull())
    .addColumn('original_mistake_id', 'text')
    .addColumn('missed_at', ts, (c) => c.notNull())
    .execute();

  // One "progress update due" flag per mistake and due time, exactly once across instances.
  await db.schema
    .createTable('update_due_flags')
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('update_due_flags_pk', ['mistake_id', 'due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['update_due_flags', 'missed_commitments', 'commitment_reminders', 'notifications', 'messages']) {
    await db.schema.dropTable(table).execute();
  }
}
