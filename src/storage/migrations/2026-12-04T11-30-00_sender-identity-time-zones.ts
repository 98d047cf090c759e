import type { Kysely } from 'kysely';

// Frozen: issue 13 A. Client mail carries a Reply-To, the member who wrote it (two nullable columns
// on messages; older rows and system mail have none). A member may choose their own time zone over
// the workspace's (memberships.timezone, null = the workspace's). Written against Kysely<any>.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('reply_to_name', 'text').execute();
  await db.schema.alterTable('messages').addColumn('reply_to_address', 'text').execute();
  await db.schema.alterTable('memberships').addColumn('timezone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('timezone').execute();
  await db.schema.alterTable('messages').dropColumn('reply_to_address').execute();
  await db.schema.alterTable('messages').dropColumn('reply_to_name').execute();
}
