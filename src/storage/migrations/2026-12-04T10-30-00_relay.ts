import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: relay_messages, the mail members submit through the SMTP relay (issue 15 A). Each row is
// written before the relay answers 250, with the message exactly as received (base64 of the raw
// bytes, so neither dialect touches them) and its envelope; it is a durable queue with the outbox's
// claim columns (status 'sending' while claimed), and a held row stays until released or discarded.
// Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('relay_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // The member whose API token authenticated the submission.
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('envelope_from', 'text', (c) => c.notNull())
    // JSON array of RCPT TO addresses.
    .addColumn('envelope_to', 'text', (c) => c.notNull())
    .addColumn('raw_base64', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('attachments', 'integer', (c) => c.notNull())
    .addColumn('client_id', 'text')
    // JSON array of findings (the guard's, as checked when received).
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', ts)
    .addColumn('relayed_at', ts)
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // The drain's claim: due rows of one workspace.
  await db.schema
    .createIndex('relay_messages_due')
    .on('relay_messages')
    .columns(['workspace_id', 'status', 'next_attempt_at'])
    .execute();
  // The held-mail list: newest first per workspace.
  await db.schema
    .createIndex('relay_messages_by_workspace')
    .on('relay_messages')
    .columns(['workspace_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('relay_messages').ifExists().execute();
}
