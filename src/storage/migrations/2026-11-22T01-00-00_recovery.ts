import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: the remedy ledger (append-only, enforced by triggers on both dialects), approvals,
// accounting notices, declined remedies, account sweeps and when a client noticed a mistake.
// Written against Kysely<any>; never imports app code. Money is bigint minor units.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  // The ledger. A row is never updated or deleted: approval is a row in remedy_approvals, and a
  // correction is a reversing row (negative amount, reverses_id set; at most one per entry).
  // No ON DELETE CASCADE: deleting a workspace or mistake must not silently erase money records.
  await db.schema
    .createTable('remedies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('hours_centi', 'integer')
    .addColumn('rate_minor', 'bigint')
    .addColumn('note', 'text')
    .addColumn('reverses_id', 'text', (c) => c.unique().references('remedies.id'))
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('approval_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    // The idempotency key is unique per workspace: a retried request finds the entry it made.
    .addUniqueConstraint('remedies_workspace_idempotency_key', ['workspace_id', 'idempotency_key'])
    .addCheckConstraint(
      'remedies_amount_sign',
      sql`(reverses_id is null and amount_minor > 0) or (reverses_id is not null and amount_minor < 0)`,
    )
    .execute();
  await db.schema.createIndex('remedies_client').on('remedies').columns(['workspace_id', 'client_id']).execute();
  await db.schema.createIndex('remedies_mistake').on('remedies').columns(['workspace_id', 'mistake_id']).execute();

  // One approval per remedy (the primary key), by an owner or admin; also never changed.
  await db.schema
    .createTable('remedy_approvals')
    .addColumn('remedy_id', 'text', (c) => c.primaryKey().references('remedies.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('approved_by_id', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('note', 'text')
    .addColumn('approved_at', ts, (c) => c.notNull())
    .execute();

  // The accounting notice queued when a remedy was issued (or why none was): once per remedy.
  await db.schema
    .createTable('remedy_notices')
    .addColumn('remedy_id', 'text', (c) => c.primaryKey().references('remedies.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('message_id', 'text')
    .addColumn('skipped_reason', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // A decision to give no money for a mistake (reaches "remedied").
  await db.schema
    .createTable('remedy_declines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text')
    .addColumn('by_name', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('remedy_declines_mistake')
    .on('remedy_declines')
    .columns(['workspace_id', 'mistake_id'])
    .execute();

  // An account sweep: what was open on the client's account and which of it was checked (JSON lists).
  await db.schema
    .createTable('sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('checked', 'text', (c) => c.notNull())
    .addColumn('unchecked', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_id', 'text')
    .addColumn('by_name', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sweeps_mistake').on('sweeps').columns(['workspace_id', 'mistake_id', 'at']).execute();

  // When the client noticed a mistake themselves (for "told before noticed"); once per mistake.
  await db.schema
    .createTable('client_notices')
    .addColumn('mistake_id', 'text', (c) => c.primaryKey().references('mistakes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('noticed_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // Append-only at the database level: whatever code runs, ledger rows cannot be changed or removed.
  const guarded = ['remedies', 'remedy_approvals', 'remedy_notices'];
  if (pg) {
    await sql`
      create function makegood_refuse_ledger_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the remedy ledger is append-only: % on % refused', tg_op, tg_table_name
          using errcode = 'restrict_violation';
      end
      $$`.execute(db);
    for (const table of guarded) {
      await sql`
        create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function makegood_refuse_ledger_change()`.execute(db);
      await sql`
        create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function makegood_refuse_ledger_change()`.execute(db);
    }
  } else {
    for (const table of guarded) {
      for (const op of ['update', 'delete']) {
        await sql`
          create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`the remedy ledger is append-only: ${op} on ${table} refused`)}); end`.execute(
          db,
        );
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'client_notices',
    'sweeps',
    'remedy_declines',
    'remedy_notices',
    'remedy_approvals',
    'remedies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists makegood_refuse_ledger_change()`.execute(db);
  }
}
