import { sql, type Kysely } from 'kysely';
import { toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';

/** Message kinds that count as telling the client (they restart the progress-update clock). */
export const clientUpdateKinds = ['acknowledgment', 'update'] as const;

/**
 * Recomputes `mistakes.update_anchor_at`, the due-queue of the update-due job: the instant since
 * which the client has heard nothing (found, acknowledged, or the last acknowledgment/update queued
 * or sent), or null when no update is owed (minor, fixed or closed). The job reads only rows with
 * `update_anchor_at <= now - interval` through an index, so this must run on every change that
 * moves it: a mistake created or edited, an acknowledgment/update message queued, sent or failed.
 * Stored as the anchor rather than anchor + interval so changing the interval setting needs no rewrite.
 */
export async function refreshUpdateAnchor(
  db: Kysely<DB>,
  workspaceId: string,
  mistakeId: string | null,
): Promise<void> {
  if (!mistakeId) return;
  const mistake = await db
    .selectFrom('mistakes')
    .select(['severity', 'fixed_at', 'closed_at', 'found_at', 'acknowledged_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', mistakeId)
    .executeTakeFirst();
  if (!mistake) return;
  let anchor: string | null = null;
  if (mistake.severity !== 'minor' && mistake.fixed_at == null && mistake.closed_at == null) {
    const last = await db
      .selectFrom('messages')
      .select(sql<Date | string | null>`max(coalesce(sent_at, created_at))`.as('at'))
      .where('workspace_id', '=', workspaceId)
      .where('mistake_id', '=', mistakeId)
      .where('kind', 'in', [...clientUpdateKinds])
      .where('status', 'not in', ['failed', 'draft'])
      .executeTakeFirst();
    const times = [mistake.found_at, mistake.acknowledged_at, last?.at ?? null]
      .map((t) => toIsoOrNull(t))
      .filter((t): t is string => t !== null)
      .map((t) => Date.parse(t));
    anchor = new Date(Math.max(...times)).toISOString();
  }
  await db
    .updateTable('mistakes')
    .set({ update_anchor_at: anchor })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', mistakeId)
    .execute();
}

/** Refreshes the anchor of the mistake a message belongs to, when the message is a client update. */
export async function refreshUpdateAnchorOfMessage(
  db: Kysely<DB>,
  workspaceId: string,
  messageId: string,
): Promise<void> {
  const row = await db
    .selectFrom('messages')
    .select(['mistake_id', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (row?.mistake_id && (clientUpdateKinds as readonly string[]).includes(row.kind)) {
    await refreshUpdateAnchor(db, workspaceId, row.mistake_id);
  }
}
