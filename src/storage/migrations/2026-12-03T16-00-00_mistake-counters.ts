import { sql, type Kysely } from 'kysely';

// Frozen: the per-workspace MG number moves from workspaces.mistake_seq to a counter row touched
// only by logging a mistake (an upsert taken as late as possible in that transaction), so nothing
// else that writes the workspace row (settings, guard version) queues behind it, nor it behind
// them. Backfilled from mistake_seq (and the highest number, should they ever disagree).
// workspaces.mistake_seq stays, unused. Written against Kysely<any>.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mistake_counters')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into mistake_counters (workspace_id, seq)
    select w.id, case when w.mistake_seq >= coalesce(top.n, 0) then w.mistake_seq else top.n end
    from workspaces w
    left join (select workspace_id, max(number) as n from mistakes group by workspace_id) top
      on top.workspace_id = w.id
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mistake_counters').execute();
}
