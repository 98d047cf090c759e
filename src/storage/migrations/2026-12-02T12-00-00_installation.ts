import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: the installation row. First-run setup inserts the one row (id 'singleton', a fixed
// primary key) as the first statement of its transaction, so two instances racing on an empty
// database cannot both create a workspace: the second insert conflicts (on PostgreSQL it waits for
// the first transaction and then finds the row). An existing install is backfilled from its first
// workspace. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('installation')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'singleton'`))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await sql`insert into installation (id, workspace_id, created_at)
    select 'singleton', id, created_at from workspaces order by created_at limit 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('installation').execute();
}
