import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: attempt counters for throttles (sign-in per address and per account, the rate-limited
// routes), kept in the database so every instance on it counts against the same limit. One row
// per key; not tenant data (an address or an email is throttled before anyone is known), so no
// workspace_id. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('throttle_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', ts, (c) => c.notNull())
    .addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_until', ts)
    .addColumn('touched_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('throttle_counters_touched').on('throttle_counters').column('touched_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('throttle_counters').execute();
}
