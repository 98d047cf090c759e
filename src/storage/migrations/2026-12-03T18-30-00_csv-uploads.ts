import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: CSV files uploaded for an import preview, kept (decoded) for a day so the import of the
// previewed file can name it by id instead of sending it again with every chunk. Tenant rows.
// Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('csv_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('file_name', 'text')
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('csv_uploads_workspace_created')
    .on('csv_uploads')
    .columns(['workspace_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('csv_uploads').execute();
}
