import type { Kysely, Selectable } from 'kysely';
import type { SatisfactionRepository, SatisfactionRequestRecord } from '../../domain/check-ins/ports.ts';
import { mistakeRef } from '../../domain/mistakes/stage.ts';
import { toInt, toIso, toIsoOrNull } from '../dialect.ts';
import type { DB } from '../schema.ts';
import type { SatisfactionRequestsTable } from '../schema-check-ins.ts';

function toRequest(r: Selectable<SatisfactionRequestsTable>): SatisfactionRequestRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    mistakeId: r.mistake_id,
    clientId: r.client_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    tokenHash: r.token_hash,
    messageId: r.message_id,
    requestedBy: { id: r.requested_by_id, name: r.requested_by_name },
    createdAt: toIso(r.created_at),
    expiresAt: toIso(r.expires_at),
    answer: r.answer === null ? null : toInt(r.answer),
    comment: r.comment,
    answeredAt: toIsoOrNull(r.answered_at),
    answerCount: toInt(r.answer_count),
    changedAt: toIsoOrNull(r.changed_at),
  };
}

/** Satisfaction requests (tenant rows: every query but the token lookup filters by workspace). */
export function createSatisfactionRepository(db: Kysely<DB>): SatisfactionRepository {
  return {
    async create(workspaceId, r) {
      await db
        .insertInto('satisfaction_requests')
        .values({
          id: r.id,
          workspace_id: workspaceId,
          mistake_id: r.mistakeId,
          client_id: r.clientId,
          contact_id: r.contactId,
          contact_name: r.contactName,
          token_hash: r.tokenHash,
          message_id: r.messageId,
          requested_by_id: r.requestedBy.id,
          requested_by_name: r.requestedBy.name,
          created_at: r.createdAt,
          expires_at: r.expiresAt,
          answer: r.answer,
          comment: r.comment,
          answered_at: r.answeredAt,
          answer_count: r.answerCount,
          changed_at: r.changedAt,
        })
        .execute();
    },
    async get(workspaceId, id) {
      const row = await db
        .selectFrom('satisfaction_requests')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRequest(row) : null;
    },
    async findByTokenHash(tokenHash) {
      // The one lookup across workspaces: the token (a 256-bit secret) is what says which one.
      const row = await db
        .selectFrom('satisfaction_requests')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toRequest(row) : null;
    },
    async answer(workspaceId, id, answerCount, a) {
      // One conditional UPDATE on the count seen: of two answers at once, the second finds it moved.
      const first = answerCount === 0;
      const result = await db
        .updateTable('satisfaction_requests')
        .set({
          answer: a.answer,
          comment: a.comment,
          answer_count: answerCount + 1,
          ...(first ? { answered_at: a.at } : { changed_at: a.at }),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('answer_count', '=', answerCount)
        .where('expires_at', '>', a.at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listForMistake(workspaceId, mistakeId) {
      const rows = await db
        .selectFrom('satisfaction_requests')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('mistake_id', '=', mistakeId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRequest);
    },
    async listForClient(workspaceId, clientId) {
      const rows = await db
        .selectFrom('satisfaction_requests')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('client_id', '=', clientId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map(toRequest);
    },
    async listForHealth(workspaceId, clientId) {
      const rows = await db
        .selectFrom('satisfaction_requests')
        .innerJoin('mistakes', 'mistakes.id', 'satisfaction_requests.mistake_id')
        .select([
          'mistakes.number',
          'satisfaction_requests.answer',
          'satisfaction_requests.answered_at',
          'satisfaction_requests.changed_at',
        ])
        .where('satisfaction_requests.workspace_id', '=', workspaceId)
        .where('satisfaction_requests.client_id', '=', clientId)
        .where('satisfaction_requests.answer', 'is not', null)
        .orderBy('satisfaction_requests.answered_at')
        .orderBy('satisfaction_requests.id')
        .execute();
      return rows.flatMap((r) =>
        r.answer === null || r.answered_at === null
          ? []
          : [
              {
                mistakeRef: mistakeRef(toInt(r.number)),
                answer: toInt(r.answer),
                answeredAt: toIso(r.changed_at ?? r.answered_at),
              },
            ],
      );
    },
  };
}
