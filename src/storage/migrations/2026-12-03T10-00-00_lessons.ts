import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: lessons (what a mistake taught, blameless, scoped to its client or the whole workspace),
// the checks each lesson became (a guard rule, a fact on a facts card, a contact's spelling and
// honorific), the hits of those checks on drafts (a hit that disappears before sending is a
// catch), and the full-text index of the lessons library: FTS5 on SQLite, a tsvector column with
// a GIN index on PostgreSQL. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mistake_id', 'text', (c) => c.notNull().references('mistakes.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('learned', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lessons_by_mistake').on('lessons').columns(['workspace_id', 'mistake_id']).execute();
  await db.schema
    .createIndex('lessons_by_client')
    .on('lessons')
    .columns(['workspace_id', 'client_id', 'created_at'])
    .execute();
  await db.schema.createIndex('lessons_by_created').on('lessons').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('lesson_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lesson_checks_by_lesson')
    .on('lesson_checks')
    .columns(['workspace_id', 'lesson_id'])
    .execute();
  await db.schema
    .createIndex('lesson_checks_by_target')
    .on('lesson_checks')
    .columns(['workspace_id', 'kind', 'target_id'])
    .execute();

  // One row per (draft, check): `open` while the check's finding is on the draft, `caught` once a
  // later check of the same draft no longer has it, `sent` if the draft went out with it.
  await db.schema
    .createTable('lesson_hits')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('draft_id', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull().references('lesson_checks.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('seen_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addPrimaryKeyConstraint('lesson_hits_pk', ['workspace_id', 'draft_id', 'check_id'])
    .execute();
  await db.schema
    .createIndex('lesson_hits_by_lesson')
    .on('lesson_hits')
    .columns(['workspace_id', 'lesson_id', 'state'])
    .execute();

  if (pg) {
    await db.schema
      .createTable('lesson_search')
      .addColumn('lesson_id', 'text', (c) => c.primaryKey().references('lessons.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index lesson_search_document on lesson_search using gin (document)`.execute(db);
    await db.schema.createIndex('lesson_search_by_workspace').on('lesson_search').column('workspace_id').execute();
  } else {
    // Porter stemming over unicode61 tokens; workspace_id is stored but not indexed as text.
    await sql`create virtual table lesson_search using fts5(lesson_id unindexed, workspace_id unindexed, title, body, tokenize = 'porter unicode61')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lesson_search').execute();
  await db.schema.dropTable('lesson_hits').execute();
  await db.schema.dropTable('lesson_checks').execute();
  await db.schema.dropTable('lessons').execute();
}
