import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: rebuild check-ins after a mistake's fix, and satisfaction requests (issue 11 B and C).
// Both are tenant rows (workspace_id). A check-in's reminder is claimed by one conditional UPDATE
// of reminder_claimed_by/at (so of several app instances exactly one sends it); overdue_at is
// claimed the same way for its timeline event. A satisfaction request keeps only the SHA-256 of
// its link's token; the raw token of a mail still to be sent sits in message_secrets.
// Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('commitment_id', 'text', (c) => c.references('commitments.id').onDelete('set null'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('due_at', ts, (c) => c.notNull())
    // pending | done | skipped
    .addColumn('status', 'text', (c) => c.notNull())
    // message | call | meeting (done only)
    .addColumn('method', 'text')
    .addColumn('note', 'text')
    .addColumn('skip_reason', 'text')
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('settled_at', ts)
    .addColumn('settled_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('settled_by_name', 'text')
    .addColumn('reminder_claimed_by', 'text')
    .addColumn('reminder_claimed_at', ts)
    .addColumn('overdue_claimed_by', 'text')
    .addColumn('overdue_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('check_ins_mistake').on('check_ins').columns(['workspace_id', 'mistake_id']).execute();
  await db.schema.createIndex('check_ins_client').on('check_ins').columns(['workspace_id', 'client_id']).execute();
  // The scheduler's due-queues: unreminded and not-yet-overdue check-ins by due time (index walks).
  await db.schema
    .createIndex('check_ins_reminder_due')
    .on('check_ins')
    .columns(['workspace_id', 'due_at'])
    .where(sql.ref('reminder_claimed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('check_ins_overdue_due')
    .on('check_ins')
    .columns(['workspace_id', 'due_at'])
    .where(sql.ref('overdue_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('satisfaction_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('requested_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('answer', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_at', ts)
    // 0 unanswered, 1 answered, 2 changed once (final).
    .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', ts)
    .execute();
  await db.schema
    .createIndex('satisfaction_requests_mistake')
    .on('satisfaction_requests')
    .columns(['workspace_id', 'mistake_id'])
    .execute();
  await db.schema
    .createIndex('satisfaction_requests_client')
    .on('satisfaction_requests')
    .columns(['workspace_id', 'client_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('satisfaction_requests').execute();
  await db.schema.dropTable('check_ins').execute();
}
