import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: the metrics rollup (issue 11 D). metrics_rollup holds, per workspace, scope ('*' or a
// client id), dimension, grain (d = UTC day, m = month), period, key, severity and currency,
// additive counters that storage changes by deltas in the transaction of every change to a
// mistake: counts, durations as 23 histogram buckets (ack_h0…22, fix_h0…22), promises, told
// first, repeats, rework, remedy totals and satisfaction sums. metrics_mistakes keeps what each
// mistake contributed (JSON), so a change subtracts it before adding the new one. metrics_state
// marks a workspace whose rollup is built. Written against Kysely<any>; never imports app code.

const BUCKETS = 23;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  let rollup = db.schema
    .createTable('metrics_rollup')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull());
  const counters = [
    'n',
    'ack_n',
    'ack_in',
    ...Array.from({ length: BUCKETS }, (_, i) => `ack_h${i}`),
    'fix_n',
    'fix_in',
    ...Array.from({ length: BUCKETS }, (_, i) => `fix_h${i}`),
    'promise_n',
    'promise_kept',
    'told_first',
    'repeat_n',
    'rework_centi',
    'sat_n',
    'sat_sum',
  ];
  for (const column of counters) rollup = rollup.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  rollup = rollup.addColumn('remedy_minor', 'bigint', (c) => c.notNull().defaultTo(0));
  // The key order serves every read: one workspace, scope and dimension over a range of periods.
  await rollup
    .addPrimaryKeyConstraint('metrics_rollup_pk', [
      'workspace_id',
      'scope',
      'dim',
      'grain',
      'period',
      'key',
      'severity',
      'currency',
    ])
    .execute();

  await db.schema
    .createTable('metrics_mistakes')
    .addColumn('mistake_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('metrics_mistakes_workspace')
    .on('metrics_mistakes')
    .columns(['workspace_id', 'mistake_id'])
    .execute();

  await db.schema
    .createTable('metrics_state')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('built_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['metrics_state', 'metrics_mistakes', 'metrics_rollup']) {
    await db.schema.dropTable(table).execute();
  }
}
