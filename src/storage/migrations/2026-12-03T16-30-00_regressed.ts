import { sql, type Kysely } from 'kysely';

// Frozen: mistakes.regressed — the mistake happened again (a later one is marked as its repeat)
// and its preventive actions have not been re-checked effective since; kept by the learning
// stages so lists can show the badge without a query per row. Backfilled from the repeats.
// Written against Kysely<any>.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mistakes')
    .addColumn('regressed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update mistakes set regressed = 1 where id in (select repeat_of_id from mistake_repeats)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mistakes').dropColumn('regressed').execute();
}
