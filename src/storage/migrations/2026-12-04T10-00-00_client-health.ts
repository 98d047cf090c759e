import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: client health (issue 11 A). `client_health` holds each client's current score with the
// lines that explain it (JSON); `client_health_history` one row per change of the score, with the
// previous score and the lines that moved it; `health_alerts` the cluster and threshold alerts,
// unique per (workspace, client, alert_key) so each cluster or crossing alerts exactly once even
// with several app instances on one database. Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('client_health')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    // JSON array of the score's lines (key, kind, points, reason, mistakeRef).
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('open_mistakes', 'integer', (c) => c.notNull())
    .addColumn('computed_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('client_health_pk', ['workspace_id', 'client_id'])
    .execute();
  // Clients at risk first: an index walk from the lowest score.
  await db.schema
    .createIndex('client_health_by_score')
    .on('client_health')
    .columns(['workspace_id', 'score'])
    .execute();

  await db.schema
    .createTable('client_health_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('previous_score', 'integer', (c) => c.notNull())
    // JSON array of the moves (key, reason, delta, mistakeRef) that add up to score − previous_score.
    .addColumn('moves', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('client_health_history_client')
    .on('client_health_history')
    .columns(['workspace_id', 'client_id', 'recorded_at'])
    .execute();
  // The trend of every client over the last days reads only this window of the workspace.
  await db.schema
    .createIndex('client_health_history_recent')
    .on('client_health_history')
    .columns(['workspace_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('health_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // cluster:<first mistake id> or threshold:<the history row it crossed from>.
    .addColumn('alert_key', 'text', (c) => c.notNull())
    // JSON array of mistake ids (the cluster's, or the open ones when the score crossed).
    .addColumn('mistake_ids', 'text', (c) => c.notNull())
    .addColumn('last_found_at', ts)
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('health_alerts_once', ['workspace_id', 'client_id', 'alert_key'])
    .execute();
  await db.schema
    .createIndex('health_alerts_by_status')
    .on('health_alerts')
    .columns(['workspace_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_alerts').ifExists().execute();
  await db.schema.dropTable('client_health_history').ifExists().execute();
  await db.schema.dropTable('client_health').ifExists().execute();
}
