import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: the due-queue of the update-due job. `mistakes.update_anchor_at` is the instant since
// which the client has heard nothing (found, acknowledged, or the last acknowledgment/update queued
// or sent); null when no update is owed (minor, fixed, closed) or once the due update was flagged.
// The scheduler reads `update_anchor_at <= now - interval` through the index, never every mistake.
// Written against Kysely<any>; never imports app code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('mistakes').addColumn('update_anchor_at', ts).execute();
  // Backfill in one statement per dialect-neutral step: start from found/acknowledged…
  await sql`
    update mistakes set update_anchor_at = case
      when acknowledged_at is not null and acknowledged_at > found_at then acknowledged_at
      else found_at end
    where severity <> 'minor' and fixed_at is null and closed_at is null`.execute(db);
  // …then move it to the last acknowledgment/update queued or sent, where that is later.
  await sql`
    update mistakes set update_anchor_at = (
      select max(coalesce(m.sent_at, m.created_at)) from messages m
      where m.workspace_id = mistakes.workspace_id and m.mistake_id = mistakes.id
        and m.kind in ('acknowledgment', 'update') and m.status not in ('failed', 'draft'))
    where update_anchor_at is not null and exists (
      select 1 from messages m
      where m.workspace_id = mistakes.workspace_id and m.mistake_id = mistakes.id
        and m.kind in ('acknowledgment', 'update') and m.status not in ('failed', 'draft')
        and coalesce(m.sent_at, m.created_at) > mistakes.update_anchor_at)`.execute(db);
  await db.schema
    .createIndex('mistakes_update_due')
    .on('mistakes')
    .columns(['workspace_id', 'update_anchor_at'])
    .execute();
  // The reminder and missed-commitment jobs read open commitments of one workspace by due time.
  await db.schema
    .createIndex('commitments_workspace_due')
    .on('commitments')
    .columns(['workspace_id', 'status', 'due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('commitments_workspace_due').execute();
  await db.schema.dropIndex('mistakes_update_due').execute();
  await db.schema.alterTable('mistakes').dropColumn('update_anchor_at').execute();
}
