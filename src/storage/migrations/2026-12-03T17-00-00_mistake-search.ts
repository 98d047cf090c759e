import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: the full-text index of mistakes (title, description) for the list's search, as for the
// lessons library: FTS5 on SQLite keyed by the mistakes' rowid, a tsvector with a GIN index on
// PostgreSQL. Backfilled from every mistake. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable('mistake_search')
      .addColumn('mistake_id', 'text', (c) => c.primaryKey().references('mistakes.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index mistake_search_document on mistake_search using gin (document)`.execute(db);
    await db.schema.createIndex('mistake_search_by_workspace').on('mistake_search').column('workspace_id').execute();
    await sql`insert into mistake_search (mistake_id, workspace_id, document)
      select id, workspace_id, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
      from mistakes`.execute(db);
  } else {
    await sql`create virtual table mistake_search using fts5(mistake_id unindexed, workspace_id unindexed, title, body, tokenize = 'porter unicode61')`.execute(
      db,
    );
    await sql`insert into mistake_search (rowid, mistake_id, workspace_id, title, body)
      select rowid, id, workspace_id, title, coalesce(description, '') from mistakes`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mistake_search').execute();
}
