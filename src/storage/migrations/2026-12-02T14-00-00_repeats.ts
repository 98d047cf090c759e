import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: a mistake marked as a repeat of an earlier one (recurrence). One row per repeating
// mistake; `undo` keeps, as JSON, the effectiveness checks the repeat overturned, so unmarking
// restores them. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('mistake_repeats')
    .addColumn('mistake_id', 'text', (c) => c.primaryKey().references('mistakes.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('repeat_of_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('undo', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text')
    .addColumn('marked_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mistake_repeats_of')
    .on('mistake_repeats')
    .columns(['workspace_id', 'repeat_of_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mistake_repeats').execute();
}
