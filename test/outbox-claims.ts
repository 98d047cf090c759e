import type { Database } from '../src/storage/database.ts';

/**
 * Moves every live outbox claim of a workspace `ms` into the past: what `ms` passing on the
 * database's clock does to a lease (claims are leased on the database clock, which tests cannot
 * move, so a dead instance's claims are aged here instead).
 */
export async function ageOutboxClaims(database: Database, workspaceId: string, ms: number): Promise<number> {
  const rows = await database.db
    .selectFrom('messages')
    .select(['id', 'claimed_until'])
    .where('workspace_id', '=', workspaceId)
    .where('claimed_until', 'is not', null)
    .execute();
  for (const row of rows) {
    const until = new Date(new Date(row.claimed_until!).getTime() - ms).toISOString();
    await database.db
      .updateTable('messages')
      .set({ claimed_until: until })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
